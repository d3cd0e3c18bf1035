/// A quote's value in a model file's text, found from where the loader says it starts, so
/// that `check --fix` can put new words in its place and leave every other byte.
enum QuoteScalar {
    /// `text` with the one-line scalar that starts at `position` (1-based line, column in
    /// Unicode scalars) written as `replacement`, double-quoted; nil when no one-line
    /// scalar starts there.
    static func replacing(at position: SourcePosition, in text: String, with replacement: String) -> String? {
        var lineStart = text.unicodeScalars.startIndex
        for _ in 1..<max(position.line, 1) {
            guard let feed = text.unicodeScalars[lineStart...].firstIndex(of: "\n") else { return nil }
            lineStart = text.unicodeScalars.index(after: feed)
        }
        let lineEnd = text.unicodeScalars[lineStart...].firstIndex(of: "\n") ?? text.unicodeScalars.endIndex
        let line = text.unicodeScalars[lineStart..<lineEnd]
        guard position.column >= 1, let start = line.index(line.startIndex, offsetBy: position.column - 1, limitedBy: line.endIndex),
              start < line.endIndex, let end = end(of: line[start...]) else { return nil }
        var result = String(text.unicodeScalars[..<start])
        result += YAMLText.quoted(replacement)
        result += String(text.unicodeScalars[end...])
        return result
    }

    /// Where the scalar at the start of `rest` ends on its line.
    private static func end(of rest: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView.Index? {
        guard let first = rest.first else { return nil }
        var index = rest.index(after: rest.startIndex)
        switch first {
        case "\"":
            while index < rest.endIndex {
                if rest[index] == "\\" {
                    index = rest.index(after: index)
                    guard index < rest.endIndex else { return nil }
                } else if rest[index] == "\"" {
                    return rest.index(after: index)
                }
                index = rest.index(after: index)
            }
            return nil
        case "'":
            while index < rest.endIndex {
                if rest[index] == "'" {
                    let next = rest.index(after: index)
                    guard next < rest.endIndex, rest[next] == "'" else { return next }
                    index = rest.index(after: next)
                } else {
                    index = rest.index(after: index)
                }
            }
            return nil
        case "|", ">", "[", "{":
            return nil
        default:
            // A plain scalar runs to a comment (" #") or the end of the line, less trailing spaces.
            var end = rest.endIndex
            var previous: Unicode.Scalar = first
            while index < rest.endIndex {
                if rest[index] == "#", previous == " " || previous == "\t" { end = index; break }
                previous = rest[index]
                index = rest.index(after: index)
            }
            while end > rest.startIndex, [" ", "\t", "\r"].contains(rest[rest.index(before: end)]) { end = rest.index(before: end) }
            return end
        }
    }
}
