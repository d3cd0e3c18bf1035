/// A link to an entity page, from wherever the page stands.
struct EntityLinkView: Equatable, Sendable {
    var name: String
    var url: String
}

/// A fact as boxes, tables and the "at a glance" panel show it.
struct FactView: Equatable, Sendable {
    var id: String
    var anchor: String
    var figure: String
    var label: String
    var when: String?
    var whenISO: String?
    var entities: [EntityLinkView]
    var hasEntities: Bool
    /// The highlighted words, linked from tables and the panel.
    var quoteURL: String
    /// The paragraph stating the fact, for the ¶ link.
    var paragraphURL: String
    var paragraphNumber: String
    var sentence: String
}

struct EventView: Equatable, Sendable {
    var id: String
    var when: String
    var whenISO: String
    /// False when only the year is known, which the timeline's year heading already says.
    var hasPreciseDate: Bool
    var title: String
    var quote: String
    var paragraphURL: String
    var entities: [EntityLinkView]
    var facts: [FactView]
    var hasFacts: Bool
}

struct TimelineYearView: Equatable, Sendable {
    var year: String
    var events: [EventView]
}

struct EntityGroupView: Equatable, Sendable {
    var kind: String
    var heading: String
    var entities: [EntityIndexEntryView]
}

struct EntityIndexEntryView: Equatable, Sendable {
    var name: String
    var url: String
    var role: String?
    var mentionCount: Int
}

struct MentionView: Equatable, Sendable {
    var sentence: String
    var url: String
    var paragraph: String
}

struct MentionGroupView: Equatable, Sendable {
    var briefingTitle: String
    var briefingURL: String
    var mentions: [MentionView]
    /// Mentions in this briefing beyond the sentences shown, if any.
    var moreMentions: Int?
}

/// A briefing listed on an entity page by title only.
struct BriefingMentionCountView: Equatable, Sendable {
    var title: String
    var url: String
    var count: Int
}

struct CompanionView: Equatable, Sendable {
    var name: String
    var url: String
    var count: Int
}
