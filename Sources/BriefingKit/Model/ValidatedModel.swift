/// A model whose every quote was found exactly once in its essay and whose every
/// reference resolves: what the annotator works from.
public struct ValidatedModel: Sendable {
    public var model: BriefingModel
    public var factMatches: [String: QuoteCorpus.Match]
    public var eventMatches: [String: QuoteCorpus.Match]
    public var crossReferenceMatches: [String: QuoteCorpus.Match]
    /// Every entity name in each paragraph, by paragraph id, with UTF-8 ranges in the
    /// paragraph's text: found once, used for the alias check and for the links.
    public var aliasMatches: [String: [AliasMatcher.Found]]
}
