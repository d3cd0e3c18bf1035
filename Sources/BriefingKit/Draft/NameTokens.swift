/// One word of a paragraph as the name rules see it.
struct NameToken: Sendable, Equatable {
    enum Shape: Sendable, Equatable {
        /// Starts with a capital ("Serbia", "NATO", "N1"), or is a surname after a
        /// particle ("al-Assad").
        case capitalised
        /// A small word that may sit inside a name: "of", "&".
        case connector
        /// Anything else: a lower-case word, a figure, a model designation ("MiG-29"),
        /// the plural of an abbreviation ("NGOs").
        case other
    }

    /// The word as written, without a possessive `’s`, a closing full stop or quote,
    /// or a lower-case end after a hyphen ("Serbia" of "Serbia-based").
    var text: Substring
    /// UTF-8 offsets of `text` in the paragraph.
    var range: Range<Int>
    /// The word was written with a possessive `’s`.
    var isPossessive: Bool
    var shape: Shape
    /// The first word of a sentence, whose capital says nothing about it.
    var startsSentence: Bool
    /// The text between this word and the one before it.
    var gapBefore: Substring
    /// The name ends with this word whatever follows: "Switzerland" of "Switzerland-based".
    var closesRun = false
}

/// Splits a paragraph into words and tells where sentences start.
enum NameTokenizer {
    static func tokens(in text: String) -> [NameToken] {
        var tokens: [NameToken] = []
        var previousEnd = text.startIndex
        // Whether the word before ended its sentence: a full stop after it (not an
        // abbreviation's), or a ?, ! or : between.
        var previousEndedSentence = true
        for match in text.matches(of: /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-.\/]*|&/) {
            let gap = text[previousEnd..<match.range.lowerBound]
            var word = match.output
            var endsWithStop = false
            var isPossessive = false
            while let last = word.last, "’'-/.".contains(last) {
                if last == ".", isInitialism(word) || NameWords.titles.contains(String(word.dropLast())) {
                    if !isInitialism(word) { word = word.dropLast() }
                    break
                }
                if last == "." { endsWithStop = true }
                word = word.dropLast()
            }
            if word.hasSuffix("’s") || word.hasSuffix("'s"), word.count > 2 {
                isPossessive = true
                word = word.dropLast(2)
            }
            // "Switzerland-based": the name before an adjective's hyphen is a name.
            var closesRun = false
            if word.first?.isUppercase == true, let hyphen = lowerCaseCompoundHyphen(in: word) {
                word = word[..<hyphen]
                isPossessive = false
                closesRun = true
            }
            // After "U.S." a new sentence shows only by the word that opens it.
            let afterInitialism = tokens.last.map { isInitialism($0.text) } ?? false
            let startsSentence = previousEndedSentence || gap.contains(where: { ".?!:…".contains($0) })
                || (afterInitialism && NameWords.sentenceOpeners.contains(String(word)))
            let start = text.utf8.distance(from: text.startIndex, to: word.startIndex)
            let length = word.utf8.count
            tokens.append(NameToken(
                text: word, range: start..<start + length, isPossessive: isPossessive,
                shape: shape(of: word), startsSentence: startsSentence, gapBefore: gap, closesRun: closesRun))
            previousEnd = match.range.upperBound
            previousEndedSentence = endsWithStop
        }
        return tokens
    }

    static func shape(of word: Substring) -> NameToken.Shape {
        guard let first = word.first else { return .other }
        if NameWords.connectors.contains(String(word)) { return .connector }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        if word.contains(where: \.isNumber) {
            // "MiG-29", "T-72MS", "2022": designations and figures. "N1", "G7": names.
            guard parts.count == 1, first.isUppercase, word.allSatisfy({ $0.isUppercase || $0.isNumber }) else { return .other }
            return isReportingPeriod(word) ? .other : .capitalised
        }
        if first.isUppercase {
            // "NGOs": the plural of an abbreviated common noun.
            if word.count > 2, word.last == "s", word.dropLast().allSatisfy(\.isUppercase) { return .other }
            return .capitalised
        }
        if parts.count == 2, NameWords.surnameParticles.contains(String(parts[0])), parts[1].first?.isUppercase == true {
            return .capitalised
        }
        return .other
    }

    /// "Q3", "H1", "FY2025", "FY25": quarters, halves and financial years are dates, not names.
    static func isReportingPeriod(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        switch bytes.count {
        case 2: return (bytes[0] == UInt8(ascii: "Q") && (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[1]))
            || (bytes[0] == UInt8(ascii: "H") && (UInt8(ascii: "1")...UInt8(ascii: "2")).contains(bytes[1]))
        case 4, 6: return bytes[0] == UInt8(ascii: "F") && bytes[1] == UInt8(ascii: "Y") && bytes.dropFirst(2).allSatisfy(\.isASCIIDigit)
        default: return false
        }
    }

    /// The hyphen before the first lower-case part of a compound: "Serbia-based".
    static func lowerCaseCompoundHyphen(in word: Substring) -> Substring.Index? {
        var index = word.startIndex
        while let hyphen = word[index...].firstIndex(of: "-") {
            let next = word.index(after: hyphen)
            if next < word.endIndex, word[next].isLowercase { return hyphen }
            index = next
        }
        return nil
    }

    /// "U.S.", "E.U.", "J.": capital letters each followed by a full stop.
    static func isInitialism(_ word: Substring) -> Bool {
        word.count >= 2 && word.last == "." && word.wholeMatch(of: /(?:\p{Lu}\.)+/) != nil
    }
}
