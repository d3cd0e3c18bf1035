/// Where a quote of a model resolved in its essay the last time the briefing was built:
/// what `QuoteReanchor` weighs, besides the words, when the author's edits leave two
/// passages equally like a quote that is no longer found. Like the W3C Web Annotation
/// selectors, it keeps the quote's place (paragraph, section, offset) and the words
/// either side of it.
public struct QuoteAnchor: Sendable, Equatable, Codable {
    /// `fact`, `event` or `cross-reference`, as messages name the item.
    public var kind: String
    public var id: String
    public var quote: String
    /// The paragraph's number in the essay (`p-N`), and its id and section's id.
    public var paragraph: Int
    public var paragraphID: String
    public var sectionID: String
    /// Where the quote starts in the paragraph's text, in UTF-8 bytes.
    public var offset: Int
    /// Up to `contextWords` words before the quote and after it, in the same paragraph.
    public var prefix: String
    public var suffix: String

    public init(kind: String, id: String, quote: String, paragraph: Int, paragraphID: String, sectionID: String,
                offset: Int, prefix: String, suffix: String) {
        self.kind = kind
        self.id = id
        self.quote = quote
        self.paragraph = paragraph
        self.paragraphID = paragraphID
        self.sectionID = sectionID
        self.offset = offset
        self.prefix = prefix
        self.suffix = suffix
    }

    /// How many words either side of a quote are remembered: about a clause, enough to
    /// tell two like sentences apart by what surrounds them, few enough that an edit
    /// elsewhere in the paragraph does not change them (see `QuoteReanchorTests`).
    public static let contextWords = 5

    /// The words of `text` before `range` and after it, up to `contextWords` each.
    public static func surroundings(of range: Range<Int>, in text: String) -> (prefix: String, suffix: String) {
        // Read in place: a paragraph copied out for every quote in it cost more than the
        // search for the words around the quote.
        var text = text
        return text.withUTF8 { surroundings(of: range, inBytes: $0) }
    }

    private static func surroundings(of range: Range<Int>, inBytes bytes: UnsafeBufferPointer<UInt8>) -> (prefix: String, suffix: String) {
        let lower = min(max(range.lowerBound, 0), bytes.count), upper = min(max(range.upperBound, lower), bytes.count)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        // Back from the quote's start over `contextWords` words; a word the quote starts
        // inside is the quote's, not its context.
        var start = lower
        while start > 0, !isSpace(bytes[start - 1]), lower < upper { start -= 1 }
        var words = 0
        var cursor = start
        while cursor > 0, words < contextWords {
            while cursor > 0, isSpace(bytes[cursor - 1]) { cursor -= 1 }
            guard cursor > 0 else { break }
            while cursor > 0, !isSpace(bytes[cursor - 1]) { cursor -= 1 }
            words += 1
        }
        let prefix = trimmedText(UnsafeBufferPointer(rebasing: bytes[cursor..<start]))
        var end = upper
        while end < bytes.count, !isSpace(bytes[end]), lower < upper { end += 1 }
        words = 0
        cursor = end
        while cursor < bytes.count, words < contextWords {
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count else { break }
            while cursor < bytes.count, !isSpace(bytes[cursor]) { cursor += 1 }
            words += 1
        }
        let suffix = trimmedText(UnsafeBufferPointer(rebasing: bytes[end..<cursor]))
        return (prefix, suffix)
    }

    /// `bytes` as text without the characters at either end that are white space (whose
    /// first scalar is). Nearly always what is cut is ASCII white space next to an ASCII
    /// character, and each such space is a character of its own: cut here on bytes, as
    /// walking characters from the end of a text costs more than finding the words.
    private static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var lower = 0, upper = bytes.count
        while lower < upper, isASCIISpace(bytes[lower]) { lower += 1 }
        while upper > lower, isASCIISpace(bytes[upper - 1]) { upper -= 1 }
        // A mark after a space, or a prepended sign before one, joins it in one character.
        guard lower == upper || (bytes[lower] < 0x80 && bytes[upper - 1] < 0x80) else {
            return String(decoding: bytes, as: UTF8.self).trimmingSpaces
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
