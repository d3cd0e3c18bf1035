/// The words a draft proposes for labels, titles and ids, taken from the sentence an item
/// comes from. An editor rewrites them; they only have to say which sentence they are.
enum DraftWording {
    /// Most labels an editor writes are under a dozen words.
    static let longest = 12

    private static let leadingFiller: Set<String> = ["and", "but", "or", "which", "that", "while", "whereas", "with", "so",
                                                     "yet", "as", "then", "also", "thus", "however", "moreover", "meanwhile"]
    static let trailingFiller: Set<String> = ["and", "but", "or", "which", "that", "the", "a", "an", "of", "to", "in",
                                              "on", "for", "with", "by", "from", "at", "as", "its", "their", "his", "her", "than"]

    /// The clause of `sentence` that holds `range`, trimmed of fillers at its ends and cut to
    /// `longest` words around the range; `removing` the range itself when asked (a date,
    /// which the item shows apart). Starts with a capital.
    static func clause(of sentence: String, around range: Range<Int>, removing: Bool = false) -> String {
        let bytes = Array(sentence.utf8)
        let clauses = clauseRanges(in: bytes)
        guard let index = clauses.firstIndex(where: { $0.overlaps(range) || $0.contains(range.lowerBound) }) else { return "" }
        var words = words(in: bytes, clauses[index], target: range, removing: removing)
        // "the Xayaburi dam, which began operating in 2019": the relative clause's subject
        // is the end of the clause before it.
        if let first = words.first, !first.isInside, relatives.contains(first.text.lowercased()), index > 0 {
            words = Array(self.words(in: bytes, clauses[index - 1], target: range, removing: removing).suffix(6)) + words.dropFirst()
        }
        // "In 2008, Belgrade sold…": a clause that is little more than the date takes the next one.
        var next = index + 1
        while words.filter({ !$0.isInside }).count < 3, next < clauses.count {
            words += self.words(in: bytes, clauses[next], target: range, removing: removing)
            next += 1
        }
        // "…at 2.1 times earnings, up from 0.8 times": a clause that only compares says it
        // of the clause before.
        let outside = words.filter { !$0.isInside }.map { $0.text.lowercased() }
        if index > 0, !outside.isEmpty, outside.allSatisfy({ comparing.contains($0) || trailingFiller.contains($0) }) {
            words = Array(self.words(in: bytes, clauses[index - 1], target: range, removing: removing).suffix(6)) + words
        }
        var kept = words
        while let first = kept.first, !first.isInside, leadingFiller.contains(first.text.lowercased()) { kept.removeFirst() }
        while let last = kept.last, !last.isInside, trailingFiller.contains(last.text.lowercased()) { kept.removeLast() }
        // A clause a word or two over is kept whole rather than cut at its subject.
        if kept.count > longest + 2 {
            let first = kept.firstIndex(where: \.isInside) ?? 0
            let last = kept.lastIndex(where: \.isInside) ?? first
            // The clause's opening words say who or what, so they stay when the range is near
            // them ("Albemarle cut its capital budget to $1.6bn…", not "Its capital budget…");
            // a range further in gets the statement it is in, from the conjunction that opens it
            // ("…were delayed and interest rates reached 6.75%"), or words on both sides.
            let opening = kept[..<first].lastIndex { !$0.isInside && statementJoins.contains($0.text.lowercased()) }
                .map { $0 + 1 }.flatMap { last - $0 < longest - 2 ? $0 : nil }
            let start = last < longest - 2 ? 0 : opening ?? max(0, min(first - longest / 3, kept.count - longest))
            kept = Array(kept[start..<min(kept.count, start + longest)])
            // "…for 2025 and laid off": a conjunction after the range opens another statement.
            if let cut = kept.indices.first(where: { $0 > last - start && !kept[$0].isInside && statementJoins.contains(kept[$0].text.lowercased()) }),
               cut >= 4 {
                kept = Array(kept[..<cut])
            }
            while let last = kept.last, !last.isInside, trailingFiller.contains(last.text.lowercased()) { kept.removeLast() }
        }
        return capitalisingFirst(kept.map(\.text).joined(separator: " "))
    }

    /// An id from the telling words of a text: lower-case ASCII and hyphens, at most
    /// `words` words, without articles, prepositions and numbers; never empty.
    static func id(from text: String, words: Int = 6, fallback: String) -> String {
        // A figure with a decimal point or a thousands separator ("$1.6bn") would leave a
        // fragment ("6bn") that names another figure.
        let wholeWords = text.split(separator: " ").filter { !hasSeparatedDigits($0.utf8) }.joined(separator: " ")
        let parts = Slug.make(from: wholeWords.isEmpty ? text : wholeWords).split(separator: "-")
        let telling = parts.filter { !idFillers.contains(String($0)) && !$0.allSatisfy(\.isNumber) }
        let id = (telling.isEmpty ? parts : telling).prefix(words).joined(separator: "-")
        return id.isEmpty ? fallback : id
    }

    private static let relatives: Set<String> = ["which", "who", "whose", "where", "when", "that"]
    /// Words that join one statement to the next within a clause.
    private static let statementJoins: Set<String> = ["and", "but", "while", "whereas", "although", "though", "yet"]
    private static let comparing: Set<String> = ["up", "down", "from", "compared", "against", "versus", "vs", "than", "last", "year"]
    private static let idFillers: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "and", "or", "but", "its", "their",
        "his", "her", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "this", "that", "which", "who",
        "some", "about", "more", "than", "up", "over", "nearly", "around", "roughly", "almost", "just", "per", "cent",
    ]

    private struct Word {
        var text: String
        var isInside: Bool
    }

    /// Clauses end at , ; : ( ) and dashes; a comma between digits ("250,000") is no end.
    static func clauseRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var width = 0
            if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
                width = 1
            } else if byte == UInt8(ascii: ","), !isBetweenDigits(bytes, at: index) {
                width = 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x94 || bytes[index + 2] == 0x93,
                      index > 0, bytes[index - 1] == UInt8(ascii: " ") {
                width = 3  // an em or en dash set off by spaces
            }
            if width > 0 {
                if start < index { ranges.append(start..<index) }
                start = index + width
                index += width
            } else {
                index += 1
            }
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// Whether the byte at `index` has a digit on each side, as the comma of "250,000" has.
    private static func isBetweenDigits(_ bytes: [UInt8], at index: Int) -> Bool {
        index > 0 && index + 1 < bytes.count && bytes[index - 1].isASCIIDigit && bytes[index + 1].isASCIIDigit
    }

    /// Whether a word has digits on both sides of a point or a comma, as "1.6bn" and "150,000" have.
    private static func hasSeparatedDigits(_ word: Substring.UTF8View) -> Bool {
        let bytes = Array(word)
        return bytes.indices.contains { index in
            (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",")) && isBetweenDigits(bytes, at: index)
        }
    }

    /// The words of a clause; those overlapping `target` are marked, or left out when `removing`.
    private static func words(in bytes: [UInt8], _ clause: Range<Int>, target: Range<Int>, removing: Bool) -> [Word] {
        var words: [Word] = []
        var index = clause.lowerBound
        while index < clause.upperBound {
            while index < clause.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
            let start = index
            while index < clause.upperBound, bytes[index] != UInt8(ascii: " ") { index += 1 }
            guard start < index else { continue }
            let isInside = (start..<index).overlaps(target)
            if isInside, removing { continue }
            let text = String(decoding: bytes[start..<index], as: UTF8.self).trimming(".!?\"“”‘’'")
            guard !text.isEmpty else { continue }
            words.append(Word(text: text, isInside: isInside))
        }
        return words
    }

    private static func capitalisingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension String {
    /// This text without any of `marks` at either end.
    func trimming(_ marks: String) -> String {
        var text = Substring(self)
        while let first = text.first, marks.contains(first) { text.removeFirst() }
        while let last = text.last, marks.contains(last) { text.removeLast() }
        return String(text)
    }
}
