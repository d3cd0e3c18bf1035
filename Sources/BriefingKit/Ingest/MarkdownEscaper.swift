/// Escapes plain text so that CommonMark, with GFM extensions and smart punctuation,
/// renders exactly the characters written: no emphasis, links, HTML, entities, list
/// markers or curly quotes that the writer did not type.
///
/// Every character with a meaning is ASCII, so the text is escaped byte by byte.
enum MarkdownEscaper {
    /// Characters with a meaning anywhere in a line. Quotes are escaped because smart
    /// punctuation would otherwise curl them; `~` and `|` belong to strikethrough and tables.
    private static let alwaysEscaped = ByteSearch.table(of: "\\`*_[]<>!&|~\"'")
    /// Characters with a meaning only at the start of a block, or when doubled.
    private static let blockStarters = ByteSearch.table(of: "#-+=")

    /// Bytes that may need a backslash after the first byte once the leading digits are
    /// behind: the others are copied in runs, since most of a paragraph is plain letters.
    private static let mayNeedEscape = ByteSearch.table(of: "\\`*_[]<>!&|~\"'-.")

    /// The escaped text is put together from runs of `text` and backslashes, both already
    /// text: made from bytes, it would be checked for valid UTF-8 once more. Runs end only
    /// at ASCII bytes, so on character boundaries.
    static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        func position(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        var escaped = ""
        escaped.reserveCapacity(bytes.count + bytes.count / 16)
        // Only digits so far: a following `.` or `)` would make an ordered list item.
        var onlyDigits = true
        // Up to here, bytes are copied as they are.
        var copied = 0
        let mayNeedEscape = Self.mayNeedEscape
        bytes.withUnsafeBufferPointer { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                // Past the first byte and the leading digits only `mayNeedEscape` matters.
                if index > 0, !onlyDigits, !mayNeedEscape[Int(byte)] { continue }
                let previous = index > 0 ? bytes[index - 1] : nil
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                if alwaysEscaped[Int(byte)]
                    || (blockStarters[Int(byte)] && previous == nil)
                    || (byte == UInt8(ascii: "-") && (previous == UInt8(ascii: "-") || next == UInt8(ascii: "-")))
                    || (byte == UInt8(ascii: ".") && (previous == UInt8(ascii: ".") || next == UInt8(ascii: ".")))
                    || ((byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")) && index > 0 && onlyDigits) {
                    escaped += text[position(copied)..<position(index)]
                    escaped += "\\"
                    copied = index
                }
                onlyDigits = onlyDigits && isDigit
            }
        }
        escaped += text[position(copied)...]
        return escaped
    }
}
