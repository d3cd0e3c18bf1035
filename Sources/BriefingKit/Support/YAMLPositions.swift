import Algorithms

/// Turns the lines and columns libyaml reports into the ones an editor shows.
///
/// libyaml ends a line at NEL, LS and PS as well as at a line feed, and puts an error at
/// the end of a file without a final line break on a line after the last. Editors break
/// lines at line feeds only (SeedText has made every carriage return one), and have no
/// such extra line.
struct YAMLPositions {
    private let lineCount: Int
    /// Where an error at the very end of the text is shown.
    private let end: (line: Int, column: Int)
    /// Only for a text whose lines libyaml counts differently.
    private let remapping: Remapping?

    init(_ text: String) {
        let scan = LineScan(text)
        lineCount = scan.lineFeeds + 1
        let lastLine = text.utf8.index(text.utf8.startIndex, offsetBy: scan.lastLineStart)
        end = (lineCount, text[lastLine...].count + 1)
        remapping = scan.hasOtherBreaks ? Remapping(text) : nil
    }

    /// What one pass over the UTF-8 bytes tells about the text's lines: looking at
    /// characters or scalars instead would take longer than the rest of reading a model.
    private struct LineScan {
        var lineFeeds = 0
        /// The UTF-8 offset after the last line feed that is a character of its own (in
        /// "\r\n" it is part of one character), where the editor's last line starts.
        var lastLineStart = 0
        /// Whether the text holds NEL (C2 85), LS (E2 80 A8) or PS (E2 80 A9).
        var hasOtherBreaks = false

        init(_ text: String) {
            var text = text
            text.withUTF8 { bytes in
                for (offset, byte) in bytes.enumerated() {
                    switch byte {
                    case UInt8(ascii: "\n"):
                        lineFeeds += 1
                        if offset == 0 || bytes[offset - 1] != UInt8(ascii: "\r") { lastLineStart = offset + 1 }
                    case 0x85 where offset >= 1 && bytes[offset - 1] == 0xC2:
                        hasOtherBreaks = true
                    case 0xA8, 0xA9:
                        if offset >= 2 && bytes[offset - 1] == 0x80 && bytes[offset - 2] == 0xE2 { hasOtherBreaks = true }
                    default:
                        break
                    }
                }
            }
        }
    }

    /// The 1-based line and column, as an editor shows them, of libyaml's 1-based `line`
    /// and `column`.
    func editorPosition(line: Int, column: Int) -> (line: Int, column: Int) {
        if let remapping { return remapping.editorPosition(line: line, column: column) }
        return line <= lineCount ? (line, column) : end
    }

    private struct Remapping {
        static let breaks: Set<Unicode.Scalar> = ["\u{85}", "\u{2028}", "\u{2029}"]

        let scalars: [Unicode.Scalar]
        /// Where each line starts, in scalars from the start of the text.
        let yamlLineStarts: [Int]
        let editorLineStarts: [Int]

        init(_ text: String) {
            scalars = Array(text.unicodeScalars)
            var yamlLineStarts = [0]
            var editorLineStarts = [0]
            for (offset, scalar) in scalars.enumerated() {
                if scalar == "\n" { editorLineStarts.append(offset + 1) }
                if scalar == "\n" || Self.breaks.contains(scalar) { yamlLineStarts.append(offset + 1) }
            }
            self.yamlLineStarts = yamlLineStarts
            self.editorLineStarts = editorLineStarts
        }

        /// Columns count characters, as the rest of Briefing's messages do.
        func editorPosition(line: Int, column: Int) -> (line: Int, column: Int) {
            let start = yamlLineStarts[min(max(line, 1), yamlLineStarts.count) - 1]
            let offset = min(start + max(column, 1) - 1, scalars.count)
            // The number of the line holding `offset`: line starts are sorted.
            let editorLine = editorLineStarts.partitioningIndex { $0 > offset }
            let lineStart = editorLineStarts[editorLine - 1]
            let before = String(String.UnicodeScalarView(scalars[lineStart..<offset]))
            return (editorLine, before.count + 1)
        }
    }
}
