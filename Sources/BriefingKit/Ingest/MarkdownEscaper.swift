/// Escapes plain text so that CommonMark, with GFM extensions and smart punctuation,
/// renders exactly the characters written: no emphasis, links, HTML, entities, list
/// markers or curly quotes that the writer did not type.
///
/// Every character with a meaning is ASCII, so the text is escaped byte by byte.
enum MarkdownEscaper {
    /// Characters with a meaning anywhere in a line. Quotes are escaped because smart
    /// punctuation would otherwise curl them; `~` and `|` belong to strikethrough and tables.
    private static let alwaysEscaped = byteSet("\\`*_[]<>!&|~\"'")
    /// Characters with a meaning only at the start of a block, or when doubled.
    private static let blockStarters = byteSet("#-+=")

    static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + bytes.count / 16)
        // Only digits so far: a following `.` or `)` would make an ordered list item.
        var onlyDigits = true
        for (index, byte) in bytes.enumerated() {
            let previous = index > 0 ? bytes[index - 1] : nil
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if alwaysEscaped[Int(byte)]
                || (blockStarters[Int(byte)] && previous == nil)
                || (byte == UInt8(ascii: "-") && (previous == UInt8(ascii: "-") || next == UInt8(ascii: "-")))
                || (byte == UInt8(ascii: ".") && (previous == UInt8(ascii: ".") || next == UInt8(ascii: ".")))
                || ((byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")) && index > 0 && onlyDigits) {
                escaped.append(UInt8(ascii: "\\"))
            }
            escaped.append(byte)
            onlyDigits = onlyDigits && isDigit
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func byteSet(_ characters: String) -> [Bool] {
        var set = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { set[Int(byte)] = true }
        return set
    }
}
