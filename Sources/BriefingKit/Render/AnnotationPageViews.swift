struct FactsPageView: Equatable, Sendable {
    var page: PageView
    var briefingTitle: String
    var briefingURL: String
    var facts: [FactView]
    var count: Int
    /// Bar charts of the compare groups, as HTML.
    var charts: [String]
    var hasCharts: Bool
}

struct TimelinePageView: Equatable, Sendable {
    var page: PageView
    var briefingTitle: String
    var briefingURL: String
    var years: [TimelineYearView]
    var count: Int
}

struct EntityIndexPageView: Equatable, Sendable {
    var page: PageView
    var groups: [EntityGroupView]
    var count: Int
}

struct EntityPageView: Equatable, Sendable {
    var page: PageView
    var name: String
    var kind: String
    var kindLabel: String
    var role: String?
    var summary: String?
    var aliases: String
    var mentionCount: Int
    var briefingCount: Int
    /// The newest briefings, with their sentences.
    var mentionGroups: [MentionGroupView]
    /// Older briefings, by title; then how many more are not listed at all.
    var otherBriefings: [BriefingMentionCountView]
    var hasOtherBriefings: Bool
    var unlistedBriefings: Int?
    var facts: [FactView]
    var hasFacts: Bool
    var events: [EventView]
    var hasEvents: Bool
    var companions: [CompanionView]
    var hasCompanions: Bool
}
