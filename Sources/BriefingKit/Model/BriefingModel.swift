/// The editor's annotations of one essay, as written in `seeds/NAME.yml`.
public struct BriefingModel: Sendable, Equatable {
    /// The model file's path as shown in messages, e.g. `seeds/essay.yml`.
    public var file: String
    public var info: BriefingInfo
    /// Every entity the briefing names: those the model defines and, once the model is
    /// resolved against the register, the registered ones it names (`registered`).
    public var entities: [Entity]
    /// The ids the model's `entities` list gives without a definition, as written.
    public var entityReferences: [EntityReference] = []
    public var facts: [Fact]
    public var events: [TimelineEvent]
    public var crossReferences: [CrossReference]

    public init(file: String, info: BriefingInfo = BriefingInfo(), entities: [Entity] = [], facts: [Fact] = [],
                events: [TimelineEvent] = [], crossReferences: [CrossReference] = []) {
        self.file = file
        self.info = info
        self.entities = entities
        self.facts = facts
        self.events = events
        self.crossReferences = crossReferences
    }

    public func entity(_ id: String) -> Entity? { entities.first { $0.id == id } }
    public func fact(_ id: String) -> Fact? { facts.first { $0.id == id } }
}

/// What the editor says about the briefing as a whole.
public struct BriefingInfo: Sendable, Equatable {
    /// The editor's standfirst: what the essay examines and argues.
    public var summary: String?
    /// The essay's publication date, `YYYY-MM-DD` (or a year or month).
    public var date: PartialDate?
    /// The publication the essay appeared in.
    public var source: String?
    /// Ids of the facts shown in the "at a glance" panel, in order.
    public var atAGlance: [String]
    public var atAGlancePosition: SourcePosition?
    /// Titles of the charts of compare groups, by group.
    public var compareTitles: [String: String]

    public init(summary: String? = nil, date: PartialDate? = nil, source: String? = nil,
                atAGlance: [String] = [], atAGlancePosition: SourcePosition? = nil, compareTitles: [String: String] = [:]) {
        self.summary = summary
        self.date = date
        self.source = source
        self.atAGlance = atAGlance
        self.atAGlancePosition = atAGlancePosition
        self.compareTitles = compareTitles
    }
}
