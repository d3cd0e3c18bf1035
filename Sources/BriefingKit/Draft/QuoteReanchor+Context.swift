/// The tie-break of `QuoteReanchor`: when passages are within `margin` of each other in
/// words, the one whose surroundings match where the quote resolved before, and which
/// stands where it stood, is the one it became. Only ever a tie-break: the threshold on
/// the words stays the gate, and a figure that changed is still said so.
extension QuoteReanchor {
    /// How much better a passage's evidence must be than every other contender's: two
    /// remembered words of the ten either side (a fifth of them). One word alone is what
    /// a copy-edit next to the quote changes, so it decides nothing.
    static let contextMargin = 0.2
    /// What standing in the paragraph where the quote resolved adds to the evidence: half
    /// the margin, so that the place alone never decides (paragraphs are renumbered by
    /// any paragraph added before), but it and one word of context together do.
    static let nearnessWeight = 0.1
    /// Room for the rounding of sums of fifths, so that two words in ten are a fifth.
    private static let tolerance = 1e-9

    /// The contender `anchor` points at, or nil when the memory tells none apart.
    static func placed(among contenders: [Candidate], by anchor: QuoteAnchor, in corpus: QuoteCorpus) -> Candidate? {
        let prefix = words(in: anchor.prefix).map(\.folded), suffix = words(in: anchor.suffix).map(\.folded)
        let weighed = contenders.map { contender in
            (contender, evidence(for: contender, prefix: prefix, suffix: suffix, paragraphID: anchor.paragraphID, in: corpus))
        }.sorted { $0.1 > $1.1 }
        guard let first = weighed.first, first.0.score >= threshold else { return nil }
        if weighed.count > 1, first.1 - weighed[1].1 < contextMargin - tolerance { return nil }
        return first.0
    }

    /// From 0 to 1 + `nearnessWeight`: how alike the words before and after the passage
    /// are to those remembered (the mean of both sides), and whether it is in the
    /// paragraph the quote was.
    static func evidence(for candidate: Candidate, prefix: [String], suffix: [String], paragraphID: String, in corpus: QuoteCorpus) -> Double {
        let count = QuoteAnchor.contextWords
        let before = candidate.words[max(0, candidate.window.lowerBound - count)..<candidate.window.lowerBound].map(\.folded)
        let after = candidate.words[candidate.window.upperBound..<min(candidate.words.count, candidate.window.upperBound + count)].map(\.folded)
        let context = (sideSimilarity(prefix, before) + sideSimilarity(suffix, after)) / 2
        return context + (corpus.paragraphs[candidate.paragraph].id == paragraphID ? nearnessWeight : 0)
    }

    /// `similarity`, where nothing on either side (the start or end of a paragraph) is
    /// the same as nothing.
    private static func sideSimilarity(_ remembered: [String], _ found: [String]) -> Double {
        remembered.isEmpty && found.isEmpty ? 1 : similarity(remembered, found)
    }
}
