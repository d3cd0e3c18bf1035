/// A phrase in the essay that points to another part of it.
public struct CrossReference: Sendable, Equatable {
    public var id: String
    public var quote: Quote
    public var target: Target
    /// Drafted, not yet confirmed by the editor (`review: true`).
    public var review: Bool
    public var position: SourcePosition
    public var targetPosition: SourcePosition

    public enum Target: Sendable, Equatable, CustomStringConvertible {
        case section(String)
        case paragraph(String)
        case fact(String)
        case entity(String)

        /// Reads `section:ID`, `paragraph:p-N`, `fact:ID` or `entity:ID`.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { return nil }
            switch parts[0] {
            case "section": self = .section(parts[1])
            case "paragraph": self = .paragraph(parts[1])
            case "fact": self = .fact(parts[1])
            case "entity": self = .entity(parts[1])
            default: return nil
            }
        }

        public var description: String {
            switch self {
            case let .section(id): "section:\(id)"
            case let .paragraph(id): "paragraph:\(id)"
            case let .fact(id): "fact:\(id)"
            case let .entity(id): "entity:\(id)"
            }
        }
    }

    public init(id: String, quote: Quote, target: Target, review: Bool = false, position: SourcePosition,
                targetPosition: SourcePosition) {
        self.id = id
        self.quote = quote
        self.target = target
        self.review = review
        self.position = position
        self.targetPosition = targetPosition
    }
}
