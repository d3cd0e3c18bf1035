import Foundation

/// Finds the passage a quote most likely became after the author edited the essay, as
/// annotation tools re-anchor by fuzzy matching: the window of words most like the quote,
/// if it stands out from every other window, is found once in the essay, and, for a fact,
/// states the same figure. When two passages are equally like the quote, where the quote
/// resolved at the last build (`QuoteAnchor`) decides, if it tells them apart; and a
/// fact's quote too short to be like anything is placed by the words remembered around it.
public struct QuoteReanchor: QuoteAdvisor {
    /// Word-level similarity (`similarity`) a passage needs: one word in four may differ. Lower, and a rewritten sentence about
    /// the same subject passes for the old one (see `QuoteReanchorTests`).
    static let threshold = 0.75
    /// How far the best passage must stand above the next one elsewhere.
    static let margin = 0.1
    /// How many words longer or shorter than the quote a passage may be.
    static let slack = 3

    /// Where the briefing's quotes resolved at its last build; read only when a quote is
    /// not found, which most builds never ask.
    let remembered: @Sendable () -> [QuoteAnchor]

    public init() {
        remembered = { [] }
    }

    /// An advisor for one briefing, with where its quotes resolved before.
    public init(remembered anchors: [QuoteAnchor]) {
        remembered = { anchors }
    }

    /// An advisor for one briefing that reads where its quotes resolved only when a quote
    /// is not found.
    public init(rememberedBy load: @escaping @Sendable () -> [QuoteAnchor]) {
        remembered = load
    }

    /// The best window of words of one paragraph.
    struct Candidate {
        var score: Double
        var paragraph: Int
        /// The window's UTF-8 range in the paragraph's text.
        var range: Range<Int>
        /// The paragraph's words, and which of them the window holds.
        var words: [Word]
        var window: Range<Int>
    }

    public func advice(for quote: String, isFact: Bool, in corpus: QuoteCorpus) -> QuoteAdvice? {
        adviceFromWords(for: quote, isFact: isFact, in: corpus) ?? (isFact ? adviceFromSurroundings(for: quote, in: corpus) : nil)
    }

    /// The passage most like the quote's own words.
    func adviceFromWords(for quote: String, isFact: Bool, in corpus: QuoteCorpus) -> QuoteAdvice? {
        let quoteWords = Self.words(in: quote).map(\.folded)
        guard quoteWords.count >= 2 else { return nil }
        let candidates = Self.candidates(for: quoteWords, in: corpus)
        guard let (best, runnerUp) = Self.standout(of: candidates), best.score >= Self.threshold else { return nil }
        var chosen = best
        if best.score - runnerUp < Self.margin {
            let contenders = candidates.filter { best.score - $0.score < Self.margin }
            guard let anchor = remembered().first(where: { $0.quote == quote }),
                  let placed = Self.placed(among: contenders, by: anchor, in: corpus) else { return nil }
            chosen = placed
        }
        let paragraph = corpus.paragraphs[chosen.paragraph]
        let passage = Self.passage(chosen.range, in: Array(paragraph.text.utf8), like: quote)
        guard corpus.matches(of: passage).count == 1 else { return nil }
        return isFact ? Self.comparingFigures(of: quote, with: passage, paragraphID: paragraph.id)
            : QuoteAdvice(kind: .moved, passage: passage, paragraphID: paragraph.id)
    }

    /// The best candidate, the first of equals as paragraphs come, and the score of the
    /// best of the others (0 when there is none).
    static func standout(of candidates: [Candidate]) -> (best: Candidate, runnerUp: Double)? {
        guard let bestIndex = candidates.indices.max(by: { candidates[$0].score < candidates[$1].score || (candidates[$0].score == candidates[$1].score && $0 > $1) }) else { return nil }
        let runnerUp = candidates.indices.filter { $0 != bestIndex }.map { candidates[$0].score }.max() ?? 0
        return (candidates[bestIndex], runnerUp)
    }

    /// A fact's passage: a copy-edit when it states the quote's figures, in any notation;
    /// otherwise a figure change, said by the figures that differ ("5.5% became 6.5%"),
    /// not every figure of both.
    static func comparingFigures(of quote: String, with passage: String, paragraphID: String) -> QuoteAdvice {
        let old = FigureScanner.figures(in: quote), new = FigureScanner.figures(in: passage)
        if old.elementsEqual(new, by: { $0.states(sameAs: $1) }) {
            return QuoteAdvice(kind: .moved, passage: passage, paragraphID: paragraphID)
        }
        let removed = old.filter { figure in !new.contains { $0.states(sameAs: figure) } }
        let added = new.filter { figure in !old.contains { $0.states(sameAs: figure) } }
        return QuoteAdvice(kind: .figureChanged(old: removed.map(\.text).joined(separator: ", "), new: added.map(\.text).joined(separator: ", ")),
                           passage: passage, paragraphID: paragraphID)
    }

    /// Each paragraph's window of words most like the quote, for the paragraphs that share
    /// enough of its words to reach the threshold.
    static func candidates(for quoteWords: [String], in corpus: QuoteCorpus) -> [Candidate] {
        let quoteSet = Set(quoteWords)
        // A passage as like the quote as the threshold shares at least this many of its words.
        let needed = Int((threshold * Double(quoteWords.count) / 2).rounded(.up))
        var candidates: [Candidate] = []
        for (index, paragraph) in corpus.paragraphs.enumerated() {
            let words = Self.words(in: paragraph.text)
            guard words.filter({ quoteSet.contains($0.folded) }).count >= needed else { continue }
            guard let paragraphBest = bestWindow(for: quoteWords, in: words) else { continue }
            let range = words[paragraphBest.window.lowerBound].range.lowerBound..<words[paragraphBest.window.upperBound - 1].range.upperBound
            candidates.append(Candidate(score: paragraphBest.score, paragraph: index, range: range, words: words, window: paragraphBest.window))
        }
        return candidates
    }

    /// The window of `words` most like the quote. Of equally like windows: the one that
    /// starts and ends with the quote's first and last words, so that a word beside the
    /// passage does not stand in for one the quote lost ("Additionally, European buyers
    /// now pay" against "European buyers are now paying"); then the one as long as the
    /// quote, so that a word the author replaced at the quote's edge stays in ("certain to
    /// reach" for "sure to reach"); then the first. The similarity of every length from
    /// one start comes from one table of the longest common subsequence, a column per
    /// word, with words compared as numbers: the same scores as `similarity` window by
    /// window, for a fraction of the work.
    static func bestWindow(for quoteWords: [String], in words: [Word]) -> (score: Double, window: Range<Int>)? {
        var numbers: [String: Int] = [:]
        for word in quoteWords where numbers[word] == nil { numbers[word] = numbers.count }
        let quote = quoteWords.map { numbers[$0] ?? -1 }
        // A word the quote does not have matches none of its words.
        let text = words.map { numbers[$0.folded] ?? -1 }
        let shortest = max(1, quote.count - slack), longest = quote.count + slack
        var best: (rank: WindowRank, window: Range<Int>)?
        var column = [Int](repeating: 0, count: quote.count + 1), next = column
        for start in text.indices {
            for row in column.indices { column[row] = 0 }
            for length in 1...min(longest, text.count - start) {
                let word = text[start + length - 1]
                next[0] = 0
                for row in 1...quote.count {
                    next[row] = quote[row - 1] == word ? column[row - 1] + 1 : max(column[row], next[row - 1])
                }
                swap(&column, &next)
                guard length >= shortest else { continue }
                let score = Double(column[quote.count]) / Double(max(quote.count, length))
                guard score > 0 else { continue }
                let rank = WindowRank(score: score, edges: (text[start] == quote.first ? 1 : 0) + (word == quote.last ? 1 : 0),
                                      lengthDifference: abs(length - quote.count))
                if let current = best, !(rank > current.rank) { continue }
                best = (rank, start..<start + length)
            }
        }
        return best.map { ($0.rank.score, $0.window) }
    }

    /// How a window ranks among those like the quote, as `bestWindow` says.
    struct WindowRank {
        var score: Double
        /// How many of the window's first and last words are the quote's first and last.
        var edges: Int
        var lengthDifference: Int

        static func > (left: WindowRank, right: WindowRank) -> Bool {
            if left.score != right.score { return left.score > right.score }
            if left.edges != right.edges { return left.edges > right.edges }
            return left.lengthDifference < right.lengthDifference
        }
    }

    /// The words at `range` of a paragraph's UTF-8 `bytes`, trimmed like the quote.
    static func passage(_ range: Range<Int>, in bytes: [UInt8], like quote: String) -> String {
        trimmed(String(decoding: bytes[range], as: UTF8.self), like: quote)
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
