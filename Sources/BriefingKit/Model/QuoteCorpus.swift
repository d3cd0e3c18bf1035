import Algorithms

/// The essay's body paragraphs as quotes and aliases are looked up in them.
public struct QuoteCorpus: Sendable {
    public struct Paragraph: Sendable {
        public var id: String
        public var sectionID: String
        public var text: String
        public var folded: FoldedText

        public init(id: String, sectionID: String, text: String) {
            self.id = id
            self.sectionID = sectionID
            self.text = text
            folded = FoldedText(text)
        }
    }

    public var paragraphs: [Paragraph]
    public var sectionIDs: [String]

    public init(paragraphs: [Paragraph], sectionIDs: [String]) {
        self.paragraphs = paragraphs
        self.sectionIDs = sectionIDs
    }

    /// Where a phrase occurs: paragraph and UTF-8 range of its original text.
    public struct Match: Sendable, Equatable {
        public var paragraphID: String
        public var sectionID: String
        public var range: Range<Int>
        /// The range in the paragraph's folded bytes, for overlap checks.
        public var foldedRange: Range<Int>
    }

    /// Every place `phrase` occurs, paragraph by paragraph, left to right, without overlaps.
    public func matches(of phrase: String) -> [Match] {
        matches(of: [phrase]).first ?? []
    }

    /// `matches(of:)` of each phrase, the essay read once for all of them.
    public func matches(of phrases: [String]) -> [[Match]] {
        let needles = phrases.map(FoldedText.phrase)
        // The paragraphs' folded bytes, each after a line feed: folding makes every line
        // feed a space, so no needle holds one and none is found across two paragraphs.
        var text: [UInt8] = []
        var starts: [Int] = []
        for paragraph in paragraphs {
            text.append(UInt8(ascii: "\n"))
            starts.append(text.count)
            text.append(contentsOf: paragraph.folded.bytes)
        }
        return zip(needles, PhraseSearch.occurrences(of: needles, in: text)).map { needle, offsets in
            var matches: [Match] = []
            var end = 0
            for offset in offsets where offset >= end {
                end = offset + needle.count
                // Every offset is inside a paragraph, after the first start.
                let index = starts.partitioningIndex { $0 > offset } - 1
                let paragraph = paragraphs[index]
                let folded = offset - starts[index]..<end - starts[index]
                matches.append(Match(paragraphID: paragraph.id, sectionID: paragraph.sectionID,
                                     range: paragraph.folded.originalRange(of: folded), foldedRange: folded))
            }
            return matches
        }
    }

    /// The sentence most like `phrase`, for "did you mean" messages.
    public func closestSentence(to phrase: String) -> (paragraphID: String, sentence: String)? {
        let target = SentenceSimilarity.bigrams(of: phrase)
        var best: (paragraphID: String, sentence: String, score: (Double, Double))?
        for paragraph in paragraphs {
            for sentence in Sentences.split(paragraph.text) {
                let bigrams = SentenceSimilarity.bigrams(of: sentence)
                // A quote is usually part of a sentence: first how much of the quote the
                // sentence holds, then how alike the two are as a whole.
                let score = (SentenceSimilarity.containment(of: target, in: bigrams), SentenceSimilarity.dice(target, bigrams))
                if score > (best?.score ?? (0, 0)) { best = (paragraph.id, sentence, score) }
            }
        }
        return best.map { ($0.paragraphID, $0.sentence) }
    }
}

/// How alike two pieces of text are, by the character pairs they share (Dice's
/// coefficient): robust to a typo, a changed word or a missing one.
enum SentenceSimilarity {
    static func bigrams(of text: String) -> [String: Int] {
        let folded = Array(String(decoding: FoldedText.phrase(text), as: UTF8.self).lowercased())
        var counts: [String: Int] = [:]
        for index in folded.indices.dropLast() {
            counts[String(folded[index...index + 1]), default: 0] += 1
        }
        return counts
    }

    /// The share of `part`'s character pairs that `whole` also has.
    static func containment(of part: [String: Int], in whole: [String: Int]) -> Double {
        let total = part.values.reduce(0, +)
        guard total > 0 else { return 0 }
        return Double(part.reduce(0) { $0 + min($1.value, whole[$1.key] ?? 0) }) / Double(total)
    }

    static func dice(_ lhs: [String: Int], _ rhs: [String: Int]) -> Double {
        let total = lhs.values.reduce(0, +) + rhs.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = lhs.reduce(0) { $0 + min($1.value, rhs[$1.key] ?? 0) }
        return 2 * Double(shared) / Double(total)
    }
}

/// Splits a paragraph into sentences at a full stop, question or exclamation mark
/// (and any closing quote) followed by a space and a capital, a digit or an opening
/// quote. Works on UTF-8 bytes: every paragraph of every briefing is split.
public enum Sentences {
    public static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ranges(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The sentences of `text` by their UTF-8 ranges, for looking many offsets up.
    public static func indexed(_ text: String) -> Indexed {
        let bytes = Array(text.utf8)
        return Indexed(bytes: bytes, ranges: ranges(in: bytes))
    }

    /// A paragraph's sentences as ranges of its bytes. Most sentences hold no mention
    /// and no fact, so each becomes a `String` only when asked for, and once.
    public struct Indexed {
        private let bytes: [UInt8]
        /// In order, none empty, none overlapping.
        public let ranges: [Range<Int>]
        private var made: [String?]

        init(bytes: [UInt8], ranges: [Range<Int>]) {
            self.bytes = bytes
            self.ranges = ranges
            made = Array(repeating: nil, count: ranges.count)
        }

        /// The sentence that holds the UTF-8 offset `offset`, or else the last one that
        /// starts before it (the offset is in the space between two). Found by binary
        /// search: a paragraph's every mention is looked up.
        public mutating func sentence(atUTF8Offset offset: Int) -> String? {
            let after = ranges.partitioningIndex { $0.upperBound > offset }
            let index = after < ranges.count && ranges[after].contains(offset) ? after : ranges.partitioningIndex { $0.lowerBound > offset } - 1
            guard index >= 0 else { return nil }
            if let sentence = made[index] { return sentence }
            let sentence = String(decoding: bytes[ranges[index]], as: UTF8.self)
            made[index] = sentence
            return sentence
        }
    }

    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") else { continue }
            var end = index
            while let width = closer(at: end, in: bytes) { end += width }
            guard end < bytes.count, bytes[end] == UInt8(ascii: " "), startsSentence(at: end + 1, in: bytes) else { continue }
            result.append(start..<end)
            start = end + 1
            index = start
        }
        if start < bytes.count { result.append(start..<bytes.count) }
        return result
    }

    /// The width of a closing quote or bracket at `offset`: `"` `'` `)` `”` `’`.
    private static func closer(at offset: Int, in bytes: [UInt8]) -> Int? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"): return 1
        case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0x9D || bytes[offset + 2] == 0x99): return 3
        default: return nil
        }
    }

    /// A capital, a digit, or an opening quote or bracket: `"` `'` `(` `“` `‘`.
    private static func startsSentence(at offset: Int, in bytes: [UInt8]) -> Bool {
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        if byte < 0x80 {
            return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "(")
        }
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard let character = String(decoding: bytes[offset..<min(offset + width, bytes.count)], as: UTF8.self).first else { return false }
        return character.isUppercase || character.isNumber || character == "“" || character == "‘"
    }

}
