/// A figure the essay states, tied to the exact words that state it.
public struct Fact: Sendable, Equatable {
    public var id: String
    /// The figure as the essay writes it ("€400 million").
    public var figure: String
    public var label: String
    public var when: PartialDate?
    public var quote: Quote
    public var entities: [String]
    public var value: Double?
    public var unit: String?
    /// Facts sharing a compare group are shown together.
    public var compare: String?
    /// Drafted, not yet confirmed by the editor (`review: true`).
    public var review: Bool
    public var position: SourcePosition
    public var entitiesPosition: SourcePosition?

    public init(id: String, figure: String, label: String, when: PartialDate? = nil, quote: Quote,
                entities: [String] = [], value: Double? = nil, unit: String? = nil, compare: String? = nil,
                review: Bool = false, position: SourcePosition, entitiesPosition: SourcePosition? = nil) {
        self.id = id
        self.figure = figure
        self.label = label
        self.when = when
        self.quote = quote
        self.entities = entities
        self.value = value
        self.unit = unit
        self.compare = compare
        self.review = review
        self.position = position
        self.entitiesPosition = entitiesPosition
    }
}

/// Words copied from the essay, with where the model wrote them.
public struct Quote: Sendable, Equatable {
    public var text: String
    public var position: SourcePosition

    public init(_ text: String, at position: SourcePosition) {
        self.text = text
        self.position = position
    }
}
