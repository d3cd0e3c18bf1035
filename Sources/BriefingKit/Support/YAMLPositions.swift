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
        lineCount = text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lastLine = text.lastIndex(of: "\n").map { text[text.index(after: $0)...] } ?? text[...]
        end = (lineCount, lastLine.count + 1)
        remapping = Remapping(text)
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

        init?(_ text: String) {
            guard text.unicodeScalars.contains(where: Self.breaks.contains) else { return nil }
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
            let editorLine = Self.countOfStarts(atOrBefore: offset, in: editorLineStarts)
            let lineStart = editorLineStarts[editorLine - 1]
            let before = String(String.UnicodeScalarView(scalars[lineStart..<offset]))
            return (editorLine, before.count + 1)
        }

        /// The number of the line holding `offset`, by binary search in sorted `starts`.
        static func countOfStarts(atOrBefore offset: Int, in starts: [Int]) -> Int {
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
