/// A model whose every quote was found exactly once in its essay and whose every
/// reference resolves: what the annotator works from.
public struct ValidatedModel: Sendable {
    public var model: BriefingModel
    public var factMatches: [String: QuoteCorpus.Match]
    public var eventMatches: [String: QuoteCorpus.Match]
    public var crossReferenceMatches: [String: QuoteCorpus.Match]
}
