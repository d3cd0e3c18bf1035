/// Escapes plain text so that CommonMark, with GFM extensions and smart punctuation,
/// renders exactly the characters written: no emphasis, links, HTML, entities, list
/// markers or curly quotes that the writer did not type.
enum MarkdownEscaper {
    /// Characters with a meaning anywhere in a line. Quotes are escaped because smart
    /// punctuation would otherwise curl them; `~` and `|` belong to strikethrough and tables.
    private static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "!", "&", "|", "~", "\"", "'"]
    /// Characters with a meaning only at the start of a block, or when doubled.
    private static let blockStarters: Set<Character> = ["#", "-", "+", "="]

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + text.utf8.count / 16)
        var previous: Character?
        var iterator = text.makeIterator()
        var current = iterator.next()
        while let character = current {
            let next = iterator.next()
            if alwaysEscaped.contains(character)
                || (blockStarters.contains(character) && previous == nil)
                || (character == "-" && (previous == "-" || next == "-"))
                || (character == "." && (previous == "." || next == "."))
                || (character == "." || character == ")") && previous?.isNumber == true && escaped.allSatisfy(\.isNumber) {
                escaped.append("\\")
            }
            escaped.append(character)
            previous = character
            current = next
        }
        return escaped
    }
}
