/// A person, organisation, place or other thing the essay names, with every spelling by
/// which the essay names it.
public struct Entity: Sendable, Equatable {
    public var id: String
    public var name: String
    public var kind: EntityKind
    /// Spellings matched in the essay, case-sensitively, as whole words.
    public var aliases: [String]
    /// One line: what the entity is in this context ("President of Serbia").
    public var role: String?
    public var summary: String?
    /// Drafted, not yet confirmed by the editor (`review: true`).
    public var review: Bool
    /// Where the definition starts: in the model, or in the register when `registered`.
    public var position: SourcePosition
    /// Defined in the site's register of entities (`seeds/entities.yml`), which every
    /// model naming it shares, rather than in a model of its own.
    public var registered: Bool

    public init(id: String, name: String, kind: EntityKind, aliases: [String], role: String? = nil,
                summary: String? = nil, review: Bool = false, position: SourcePosition, registered: Bool = false) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.role = role
        self.summary = summary
        self.review = review
        self.position = position
        self.registered = registered
    }

    /// True when two files describe the entity the same way; where it was written, and
    /// whether an editor has reviewed it yet, do not matter.
    public func hasSameDefinition(as other: Entity) -> Bool {
        var other = other
        other.position = position
        other.review = review
        other.registered = registered
        return self == other
    }
}

/// An entity a model names by its id alone (`- russia` in its `entities` list), leaving
/// the definition to the site's register.
public struct EntityReference: Sendable, Equatable {
    public var id: String
    public var position: SourcePosition

    public init(id: String, position: SourcePosition) {
        self.id = id
        self.position = position
    }
}

public enum EntityKind: String, Sendable, CaseIterable, Codable {
    case person, organisation, place, project, event, outlet, document

    /// Plural heading for the entity index.
    public var plural: String {
        switch self {
        case .person: "People"
        case .organisation: "Organisations"
        case .place: "Places"
        case .project: "Projects"
        case .event: "Events"
        case .outlet: "Media outlets"
        case .document: "Documents"
        }
    }
}

extension Entity {
    /// True when `other` says the same of the entity, wherever it is written.
    func isDefined(like other: Entity) -> Bool {
        var moved = other
        moved.position = position
        return moved == self
    }
}
