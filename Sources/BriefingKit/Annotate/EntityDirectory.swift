/// Everything the site knows about each entity, gathered from every briefing: the data
/// of the entity index and the entity pages.
public struct EntityDirectory: Sendable {
    public struct Record: Sendable {
        public var entity: Entity
        /// The model file that defined it first, for messages.
        public var definedIn: String
        public var mentions: [BriefingMention]
        public var facts: [BriefingFact]
        public var events: [BriefingEvent]
        /// Other entities named in the same paragraphs, most often first.
        public var companions: [(id: String, count: Int)]
    }

    public struct BriefingMention: Sendable {
        public var briefingSlug: String
        public var mention: EntityMention
    }

    public struct BriefingFact: Sendable {
        public var briefingSlug: String
        public var fact: Fact
    }

    public struct BriefingEvent: Sendable {
        public var briefingSlug: String
        public var event: TimelineEvent
    }

    public private(set) var records: [String: Record] = [:]

    /// Gathers the entities of every briefing. One id defined two different ways in two
    /// model files is an error: entity pages are shared, so they must agree.
    public init(briefings: [AnnotatedBriefing]) throws(BuildFailure) {
        var problems: [Diagnostic] = []
        for briefing in briefings {
            guard let validated = briefing.model else { continue }
            let model = validated.model
            for entity in model.entities {
                if let existing = records[entity.id] {
                    if !existing.entity.hasSameDefinition(as: entity) {
                        problems.append(Diagnostic(
                            file: model.file, line: entity.position.line, column: entity.position.column,
                            "entity '\(entity.id)' is defined differently in \(existing.definedIn):\(existing.entity.position.line); make the two definitions identical or use another id"))
                    }
                } else {
                    records[entity.id] = Record(entity: entity, definedIn: model.file, mentions: [], facts: [], events: [], companions: [])
                }
            }
            for mention in briefing.mentions {
                records[mention.entityID]?.mentions.append(BriefingMention(briefingSlug: briefing.slug, mention: mention))
            }
            for fact in model.facts {
                for id in fact.entities {
                    records[id]?.facts.append(BriefingFact(briefingSlug: briefing.slug, fact: fact))
                }
            }
            for event in model.events {
                for id in event.entities {
                    records[id]?.events.append(BriefingEvent(briefingSlug: briefing.slug, event: event))
                }
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        computeCompanions(briefings)
    }

    private mutating func computeCompanions(_ briefings: [AnnotatedBriefing]) {
        var together: [String: [String: Int]] = [:]
        for briefing in briefings {
            let byParagraph = Dictionary(grouping: briefing.mentions, by: \.paragraphID)
            for mentions in byParagraph.values {
                let ids = Set(mentions.map(\.entityID))
                for id in ids {
                    for other in ids where other != id {
                        together[id, default: [:]][other, default: 0] += 1
                    }
                }
            }
        }
        for (id, counts) in together {
            records[id]?.companions = counts.map { (id: $0.key, count: $0.value) }
                .sorted { ($0.count, $1.id) > ($1.count, $0.id) }
        }
    }

    /// Entities in a stable order: by name, then id.
    public var sortedRecords: [Record] {
        records.values.sorted { ($0.entity.name, $0.entity.id) < ($1.entity.name, $1.entity.id) }
    }
}
