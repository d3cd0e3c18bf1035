/// Chooses a drafted item's quote: the shortest run of whole words around a place in a
/// paragraph that occurs exactly once in the essay, as the validator folds and counts, and
/// that stands in one run of plain text, as the annotator must find it to wrap it.
struct QuoteChooser {
    let corpus: QuoteCorpus
    let words: [WordSpans]
    /// Each paragraph's runs of text between formatting (emphasis, links), as UTF-8 ranges.
    let runs: [[Range<Int>]]
    /// Past this many words a quote no longer reads as pointing at one place.
    static let longest = 40

    init(corpus: QuoteCorpus, runs: [[Range<Int>]]) {
        self.corpus = corpus
        words = corpus.paragraphs.map { WordSpans($0.text) }
        self.runs = runs
    }

    /// Whether `span` lies in one run of plain text of the paragraph.
    private func isPlain(_ span: Range<Int>, in paragraph: Int) -> Bool {
        guard paragraph < runs.count else { return true }
        return runs[paragraph].contains { $0.lowerBound <= span.lowerBound && span.upperBound <= $0.upperBound }
    }

    /// Words a quote should not begin or end on when another of its length does not: a
    /// highlight ending on "on" or starting on "the" reads as a slip. A label does not end
    /// on them either.
    static let weakEdges: Set<String> = DraftWording.trailingFiller.union(["than"])

    /// The shortest unique quote in paragraph `paragraph` holding all of `range`, and
    /// overlapping none of `avoiding`; among quotes of one length, one that neither begins
    /// nor ends on a word of `weakEdges` beyond the range, then the one whose middle is
    /// nearest the range's. Nil when there is none.
    func quote(in paragraph: Int, containing range: Range<Int>, avoiding taken: [Range<Int>] = []) -> Range<Int>? {
        let spans = words[paragraph]
        guard let core = spans.words(touching: range) else { return nil }
        let coreLength = core.count
        for length in coreLength...max(coreLength, Self.longest) {
            let extra = length - coreLength
            var candidates: [(span: Range<Int>, weakEdge: Bool)] = []
            for before in stride(from: extra, through: 0, by: -1) {
                let first = core.lowerBound - before
                let last = core.upperBound + (extra - before)
                guard first >= 0, last < spans.ranges.count else { continue }
                let span = spans.span(first, last).covering(range)
                if taken.contains(where: { $0.overlaps(span) }) || !isPlain(span, in: paragraph) { continue }
                let weakEdge = (before > 0 && isWeak(first, in: spans)) || (extra - before > 0 && isWeak(last, in: spans))
                candidates.append((span, weakEdge))
            }
            if candidates.isEmpty {
                if core.lowerBound - extra < 0 && core.upperBound + extra >= spans.ranges.count { return nil }
                continue
            }
            let middle = (range.lowerBound + range.upperBound) / 2
            func distance(_ span: Range<Int>) -> Int { abs((span.lowerBound + span.upperBound) / 2 - middle) }
            candidates.sort { ($0.weakEdge ? 1 : 0, distance($0.span)) < ($1.weakEdge ? 1 : 0, distance($1.span)) }
            let counts = corpus.matches(of: candidates.map { spans.text($0.span) }).map(\.count)
            if let unique = zip(candidates, counts).first(where: { $0.1 == 1 }) { return unique.0.span }
        }
        return nil
    }

    private func isWeak(_ word: Int, in spans: WordSpans) -> Bool {
        Self.weakEdges.contains(spans.text(spans.span(word, word)).lowercased())
    }

    func text(in paragraph: Int, _ range: Range<Int>) -> String {
        words[paragraph].text(range)
    }
}

extension Range where Bound == Int {
    /// This range grown to hold all of `other`: a figure may end in a mark the words trim.
    func covering(_ other: Range<Int>) -> Range<Int> {
        Swift.min(lowerBound, other.lowerBound)..<Swift.max(upperBound, other.upperBound)
    }
}
