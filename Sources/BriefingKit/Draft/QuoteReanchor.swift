import Foundation

/// Finds the passage a quote most likely became after the author edited the essay, as
/// annotation tools re-anchor by fuzzy matching: the window of words most like the quote,
/// if it stands out from every other window, is found once in the essay, and, for a fact,
/// states the same figure.
public struct QuoteReanchor: QuoteAdvisor {
    /// Word-level similarity (`similarity`) a passage needs: one word in four may differ. Lower, and a rewritten sentence about
    /// the same subject passes for the old one (see `QuoteReanchorTests`).
    static let threshold = 0.75
    /// How far the best passage must stand above the next one elsewhere.
    static let margin = 0.1
    /// How many words longer or shorter than the quote a passage may be.
    static let slack = 3

    public init() {}

    public func advice(for quote: String, isFact: Bool, in corpus: QuoteCorpus) -> QuoteAdvice? {
        let quoteWords = Self.words(in: quote).map(\.folded)
        guard quoteWords.count >= 2 else { return nil }
        var best: (score: Double, paragraph: Int, range: Range<Int>)?
        var runnerUp = 0.0
        let quoteSet = Set(quoteWords)
        // A passage as like the quote as the threshold shares at least this many of its words.
        let needed = Int((Self.threshold * Double(quoteWords.count) / 2).rounded(.up))
        for (index, paragraph) in corpus.paragraphs.enumerated() {
            let words = Self.words(in: paragraph.text)
            guard words.filter({ quoteSet.contains($0.folded) }).count >= needed else { continue }
            var paragraphBest: (score: Double, range: Range<Int>)?
            let lengths = max(1, quoteWords.count - Self.slack)...(quoteWords.count + Self.slack)
            for start in words.indices {
                for length in lengths where start + length <= words.count {
                    let window = words[start..<start + length]
                    let score = Self.similarity(quoteWords, window.map(\.folded))
                    if score > paragraphBest?.score ?? 0 {
                        paragraphBest = (score, words[start].range.lowerBound..<words[start + length - 1].range.upperBound)
                    }
                }
            }
            guard let paragraphBest else { continue }
            if paragraphBest.score > best?.score ?? 0 {
                runnerUp = max(runnerUp, best?.score ?? 0)
                best = (paragraphBest.score, index, paragraphBest.range)
            } else {
                runnerUp = max(runnerUp, paragraphBest.score)
            }
        }
        guard let best, best.score >= Self.threshold, best.score - runnerUp >= Self.margin else { return nil }
        let paragraph = corpus.paragraphs[best.paragraph]
        let passage = Self.trimmed(String(decoding: Array(paragraph.text.utf8)[best.range], as: UTF8.self), like: quote)
        guard corpus.matches(of: passage).count == 1 else { return nil }
        if isFact {
            let old = FigureScanner.figures(in: quote).map(\.text)
            let new = FigureScanner.figures(in: passage).map(\.text)
            if old != new {
                // Said by the figures that differ: "5.5% became 6.5%", not every figure of both.
                let removed = old.filter { !new.contains($0) }, added = new.filter { !old.contains($0) }
                return QuoteAdvice(kind: .figureChanged(old: removed.joined(separator: ", "), new: added.joined(separator: ", ")),
                                   passage: passage, paragraphID: paragraph.id)
            }
        }
        return QuoteAdvice(kind: .moved, passage: passage, paragraphID: paragraph.id)
    }

    /// The passage without the punctuation its first and last words carry where the
    /// quote's have none: "million," for "million".
    static func trimmed(_ passage: String, like quote: String) -> String {
        let marks: Set<Character> = [",", ";", ":", ".", "(", ")", "\u{201C}", "\u{201D}", "\"", "'"]
        var passage = Substring(passage)
        while let last = passage.last, marks.contains(last), quote.last != last { passage = passage.dropLast() }
        while let first = passage.first, marks.contains(first), quote.first != first { passage = passage.dropFirst() }
        return String(passage)
    }

    /// A word: its UTF-8 range in the text, and its folded form for comparing (lower
    /// case, curly quotes straight, punctuation at its ends dropped).
    struct Word {
        var range: Range<Int>
        var folded: String
    }

    static func words(in text: String) -> [Word] {
        let bytes = Array(text.utf8)
        var words: [Word] = []
        var start: Int?
        for index in 0...bytes.count {
            let isSpace = index == bytes.count || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\n")
                || bytes[index] == UInt8(ascii: "\t")
            if isSpace, let first = start {
                let raw = String(decoding: bytes[first..<index], as: UTF8.self)
                let folded = String(decoding: FoldedText(raw).bytes, as: UTF8.self).lowercased()
                    .trimmingCharacters(in: .punctuationCharacters)
                words.append(Word(range: first..<index, folded: folded))
                start = nil
            } else if !isSpace, start == nil {
                start = index
            }
        }
        return words
    }

    /// The longest common subsequence of words over the longer length: 1 for the same
    /// words, 0 for none in common. Over the longer, not the mean, so that a window that
    /// leaves out the changed words does not score above the passage that holds them.
    static func similarity(_ lhs: [String], _ rhs: [String]) -> Double {
        guard !lhs.isEmpty, !rhs.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: rhs.count + 1)
        var current = previous
        for word in lhs {
            for (index, other) in rhs.enumerated() {
                current[index + 1] = word == other ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            swap(&previous, &current)
        }
        return Double(previous[rhs.count]) / Double(max(lhs.count, rhs.count))
    }
}
