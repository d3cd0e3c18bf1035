/// Placing a fact's quote by the words around it: a drafted model quotes the fewest words
/// that occur once ("94%", "€900m", "fell 4m"), and when the author changes the figure
/// itself, those words are gone and no passage is like them. Where the quote resolved
/// before (`QuoteAnchor`) still names the words either side of it; if they stand as they
/// stood, what lies between them is what the quote became. Only for facts: the figure
/// it states says whether the meaning changed. A passage whose figure is the same, in
/// any notation, is a copy-edit; one whose figure differs is reported, never taken.
extension QuoteReanchor {
    /// How many remembered words either side must still stand next to the passage: two,
    /// so that one common word ("the", "of") is not mistaken for the old surroundings.
    static let surroundingWordsNeeded = 2

    func adviceFromSurroundings(for quote: String, in corpus: QuoteCorpus) -> QuoteAdvice? {
        guard let anchor = remembered().first(where: { $0.quote == quote }) else { return nil }
        let quoteWords = Self.words(in: quote).map(\.folded)
        let prefix = Self.words(in: anchor.prefix).map(\.folded), suffix = Self.words(in: anchor.suffix).map(\.folded)
        guard !quoteWords.isEmpty, prefix.count + suffix.count >= Self.surroundingWordsNeeded else { return nil }
        guard let (best, runnerUp) = Self.standout(of: Self.candidates(for: prefix + quoteWords + suffix, in: corpus)),
              best.score >= Self.threshold, best.score - runnerUp >= Self.margin,
              let between = Self.between(prefix: prefix, quoteCount: quoteWords.count, suffix: suffix, in: best) else { return nil }
        let paragraph = corpus.paragraphs[best.paragraph]
        guard let passage = Self.uniquePassage(words: best.words, span: between, in: paragraph.text, like: quote, corpus: corpus),
              !FigureScanner.figures(in: quote).isEmpty, !FigureScanner.figures(in: passage).isEmpty else { return nil }
        return Self.comparingFigures(of: quote, with: passage, paragraphID: paragraph.id)
    }

    /// The words of the candidate's paragraph between the last remembered word before
    /// the quote and the first after it, as the window aligns with `prefix + quote +
    /// suffix`; nil unless enough of either side stands next to it (a side the
    /// paragraph's edge bounded must still be its edge) and it is about the quote's length.
    static func between(prefix: [String], quoteCount: Int, suffix: [String], in candidate: Candidate) -> Range<Int>? {
        let window = candidate.words[candidate.window].map(\.folded)
        let pairs = alignment(prefix + Array(repeating: "", count: quoteCount) + suffix, window)
        let prefixMatches = pairs.filter { $0.0 < prefix.count }, suffixMatches = pairs.filter { $0.0 >= prefix.count + quoteCount }
        guard prefixMatches.count >= min(prefix.count, surroundingWordsNeeded),
              suffixMatches.count >= min(suffix.count, surroundingWordsNeeded) else { return nil }
        let lower = prefix.isEmpty ? 0 : (prefixMatches.last.map { $0.1 + 1 } ?? 0)
        let upper = suffix.isEmpty ? window.count : (suffixMatches.first?.1 ?? window.count)
        if prefix.isEmpty, candidate.window.lowerBound != 0 { return nil }
        if suffix.isEmpty, candidate.window.upperBound != candidate.words.count { return nil }
        guard lower < upper, upper - lower <= quoteCount + slack else { return nil }
        return candidate.window.lowerBound + lower..<candidate.window.lowerBound + upper
    }

    /// The passage the words in `span` make, widened a word at a time (after, then
    /// before) until it occurs once in the essay, as a quote must.
    static func uniquePassage(words: [Word], span: Range<Int>, in text: String, like quote: String, corpus: QuoteCorpus) -> String? {
        let bytes = Array(text.utf8)
        var span = span
        for _ in 0...slack {
            let passage = Self.passage(words[span.lowerBound].range.lowerBound..<words[span.upperBound - 1].range.upperBound, in: bytes, like: quote)
            if !passage.isEmpty, corpus.matches(of: passage).count == 1 { return passage }
            if span.upperBound < words.count { span = span.lowerBound..<span.upperBound + 1 }
            else if span.lowerBound > 0 { span = span.lowerBound - 1..<span.upperBound }
            else { return nil }
        }
        return nil
    }

    /// The pairs of positions a longest common subsequence of `lhs` and `rhs` matches,
    /// in order. An empty word matches nothing: it stands for a word that changed.
    static func alignment(_ lhs: [String], _ rhs: [String]) -> [(Int, Int)] {
        guard !lhs.isEmpty, !rhs.isEmpty else { return [] }
        var table = [[Int]](repeating: [Int](repeating: 0, count: rhs.count + 1), count: lhs.count + 1)
        for i in stride(from: lhs.count - 1, through: 0, by: -1) {
            for j in stride(from: rhs.count - 1, through: 0, by: -1) {
                table[i][j] = !lhs[i].isEmpty && lhs[i] == rhs[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = [], i = 0, j = 0
        while i < lhs.count, j < rhs.count {
            if !lhs[i].isEmpty, lhs[i] == rhs[j] { pairs.append((i, j)); i += 1; j += 1 }
            else if table[i + 1][j] >= table[i][j + 1] { i += 1 }
            else { j += 1 }
        }
        return pairs
    }
}
