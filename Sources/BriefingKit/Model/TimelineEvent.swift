/// Something that happened at a known time, as the essay mentions it.
public struct TimelineEvent: Sendable, Equatable {
    public var id: String
    public var when: PartialDate
    public var title: String
    public var quote: Quote
    public var entities: [String]
    public var facts: [String]
    /// Drafted, not yet confirmed by the editor (`review: true`).
    public var review: Bool
    public var position: SourcePosition
    public var entitiesPosition: SourcePosition?
    public var factsPosition: SourcePosition?

    public init(id: String, when: PartialDate, title: String, quote: Quote, entities: [String] = [], facts: [String] = [],
                review: Bool = false, position: SourcePosition, entitiesPosition: SourcePosition? = nil, factsPosition: SourcePosition? = nil) {
        self.id = id
        self.when = when
        self.title = title
        self.quote = quote
        self.entities = entities
        self.facts = facts
        self.review = review
        self.position = position
        self.entitiesPosition = entitiesPosition
        self.factsPosition = factsPosition
    }
}
