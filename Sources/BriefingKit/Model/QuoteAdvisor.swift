/// Says what a quote that is no longer in the essay has most likely become, for the
/// validator's message. The rules live in a later room (they read figures); the build
/// hands them to the validator.
public protocol QuoteAdvisor: Sendable {
    /// The passage `quote` most likely became, or nil when no passage stands out.
    func advice(for quote: String, isFact: Bool, in corpus: QuoteCorpus) -> QuoteAdvice?
}

/// A passage a broken quote most likely became.
public struct QuoteAdvice: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The same words, copy-edited: safe to take (`briefing check --fix`).
        case moved
        /// The passage states another figure: the fact's meaning changed, so the editor
        /// must decide.
        case figureChanged(old: String, new: String)
    }

    public var kind: Kind
    /// The passage as it now reads, to quote instead.
    public var passage: String
    public var paragraphID: String

    public init(kind: Kind, passage: String, paragraphID: String) {
        self.kind = kind
        self.passage = passage
        self.paragraphID = paragraphID
    }
}
