import Foundation

/// The bytes of a seed file turned into text with `\n` line endings, or a diagnostic
/// that says where the bytes stop being usable.
public enum SeedText {
    public static func decode(_ data: Data, file: String) throws(Diagnostic) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: byteOrderMark) { bytes.removeFirst(3) }
        // Validated once and kept: decoding the bytes again would check them all again.
        let validated = String(validating: bytes, as: UTF8.self)
        if validated == nil, let (line, column) = firstInvalidUTF8(in: bytes) {
            throw Diagnostic(file: file, line: line, column: column, "the file is not UTF-8 text (invalid byte here); save it as UTF-8")
        }
        if let zero = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: zero, in: bytes)
            throw Diagnostic(file: file, line: line, column: column, "the file holds a NUL byte: it looks binary, not text")
        }
        var text = validated ?? String(decoding: bytes, as: UTF8.self)
        if bytes.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        // A byte order mark inside the text is a leftover of joined files, and invisible.
        // YAML drops it even from quoted text, so a quote or a title holding one could
        // never match the essay or survive `convert`.
        if ByteSearch.firstIndex(of: Self.byteOrderMark, in: bytes) != nil {
            text.unicodeScalars.removeAll { $0 == "\u{FEFF}" }
        }
        if text.allSatisfy(\.isWhitespace) {
            throw Diagnostic(file: file, line: 1, column: 1, text.isEmpty ? "the seed is empty" : "the seed holds only white space")
        }
        return text
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The 1-based line and column of the first byte that is not valid UTF-8; only
    /// called once the whole file failed to validate.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (Int, Int)? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return position(of: index, in: bytes)
            }
            guard index + length <= bytes.count else { return position(of: index, in: bytes) }
            if length > 1 {
                let sequence = Array(bytes[index..<index + length])
                guard String(validating: sequence, as: UTF8.self) != nil else { return position(of: index, in: bytes) }
            }
            index += length
        }
        return nil
    }

    /// Columns count characters, as editors do, not bytes.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }
}
