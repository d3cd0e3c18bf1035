/// Escaping for text and attribute values that Briefing writes into HTML, itself or
/// through the templates.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'`: the bytes that are replaced; every other byte, the
    /// bytes of non-ASCII characters included, stands for itself.
    private static let isEscaped = ByteSearch.table(of: "&<>\"'")

    public static func escape(_ text: String) -> String {
        var text = text
        // Runs between escaped bytes are copied whole; most text has nothing to escape,
        // and then the string itself is the answer.
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            isEscaped.withUnsafeBufferPointer { isEscaped in
                var escaped: [UInt8] = []
                var copied = 0
                for index in bytes.indices where isEscaped[Int(bytes[index])] {
                    if escaped.isEmpty { escaped.reserveCapacity(bytes.count + 32) }
                    escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    escaped.append(contentsOf: replacement(for: bytes[index]).utf8)
                    copied = index + 1
                }
                guard copied > 0 else { return nil }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
                return escaped
            }
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    private static func replacement(for byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: "&#39;"
        }
    }
}
