/// A paragraph's words as UTF-8 ranges: runs of characters between white space, with
/// the punctuation that opens or closes them trimmed off, so that a quote made of whole
/// words neither starts with an opening bracket nor ends with a comma.
struct WordSpans {
    let bytes: [UInt8]
    /// Each word as written, punctuation trimmed; never empty.
    let ranges: [Range<Int>]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            let start = index
            while index < bytes.count, !Self.isSpace(bytes[index]) { index += 1 }
            if let word = Self.trimmed(start..<index, in: bytes) { ranges.append(word) }
        }
        self.ranges = ranges
    }

    /// The words that `range` touches, as indexes into `ranges`, or nil when it touches none.
    func words(touching range: Range<Int>) -> ClosedRange<Int>? {
        guard let first = ranges.firstIndex(where: { $0.upperBound > range.lowerBound }),
              let last = ranges.lastIndex(where: { $0.lowerBound < range.upperBound }), first <= last else { return nil }
        return first...last
    }

    /// From the start of word `first` to the end of word `last`, as written.
    func span(_ first: Int, _ last: Int) -> Range<Int> {
        ranges[first].lowerBound..<ranges[last].upperBound
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Opening marks are trimmed from the front and closing marks and stops from the back;
    /// a full stop stays after a single letter ("U.S.") and `%` always stays.
    private static func trimmed(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int>? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, let width = punctuationWidth(startingAt: start, end: end, in: bytes, opening: true) { start += width }
        while start < end, let width = punctuationWidth(endingAt: end, start: start, in: bytes) {
            if bytes[end - 1] == UInt8(ascii: "."), end - start >= 3, bytes[end - 3] == UInt8(ascii: ".") { break }
            end -= width
        }
        return start < end ? start..<end : nil
    }

    private static let openingASCII: Set<UInt8> = Set("(\"'[{".utf8)
    private static let closingASCII: Set<UInt8> = Set(")\"'],.;:!?}".utf8)
    /// “ ‘ open; ” ’ close. An apostrophe inside a word is not at its edge, so it stays.
    private static let openingCurly: Set<UInt8> = [0x9C, 0x98]
    private static let closingCurly: Set<UInt8> = [0x9D, 0x99]

    private static func punctuationWidth(startingAt start: Int, end: Int, in bytes: [UInt8], opening: Bool) -> Int? {
        if openingASCII.contains(bytes[start]) { return 1 }
        if start + 3 <= end, bytes[start] == 0xE2, bytes[start + 1] == 0x80, openingCurly.contains(bytes[start + 2]) { return 3 }
        return nil
    }

    private static func punctuationWidth(endingAt end: Int, start: Int, in bytes: [UInt8]) -> Int? {
        if closingASCII.contains(bytes[end - 1]) { return 1 }
        if end - 3 >= start, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, closingCurly.contains(bytes[end - 1]) { return 3 }
        return nil
    }
}
