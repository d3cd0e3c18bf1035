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

    /// The shortest unique quote in paragraph `paragraph` holding all of `range`, and
    /// overlapping none of `avoiding`; among quotes of one length, the one whose middle is
    /// nearest the range's. Nil when there is none.
    func quote(in paragraph: Int, containing range: Range<Int>, avoiding taken: [Range<Int>] = []) -> Range<Int>? {
        let spans = words[paragraph]
        guard let core = spans.words(touching: range) else { return nil }
        let coreLength = core.count
        for length in coreLength...max(coreLength, Self.longest) {
            let extra = length - coreLength
            var candidates: [Range<Int>] = []
            for before in stride(from: extra, through: 0, by: -1) {
                let first = core.lowerBound - before
                let last = core.upperBound + (extra - before)
                guard first >= 0, last < spans.ranges.count else { continue }
                let span = spans.span(first, last).covering(range)
                if taken.contains(where: { $0.overlaps(span) }) || !isPlain(span, in: paragraph) { continue }
                candidates.append(span)
            }
            if candidates.isEmpty {
                if core.lowerBound - extra < 0 && core.upperBound + extra >= spans.ranges.count { return nil }
                continue
            }
            let middle = (range.lowerBound + range.upperBound) / 2
            candidates.sort { abs(($0.lowerBound + $0.upperBound) / 2 - middle) < abs(($1.lowerBound + $1.upperBound) / 2 - middle) }
            let counts = corpus.matches(of: candidates.map { spans.text($0) }).map(\.count)
            if let unique = zip(candidates, counts).first(where: { $0.1 == 1 }) { return unique.0 }
        }
        return nil
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
