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

extension FactsPageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "page": page.templateValue,
            "briefingTitle": briefingTitle.templateValue,
            "briefingURL": briefingURL.templateValue,
            "facts": facts.templateValue,
            "count": count.templateValue,
            "charts": charts.templateValue,
            "hasCharts": hasCharts.templateValue,
        ])
    }
}

struct TimelinePageView: Equatable, Sendable {
    var page: PageView
    var briefingTitle: String
    var briefingURL: String
    var years: [TimelineYearView]
    var count: Int
}

extension TimelinePageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "page": page.templateValue,
            "briefingTitle": briefingTitle.templateValue,
            "briefingURL": briefingURL.templateValue,
            "years": years.templateValue,
            "count": count.templateValue,
        ])
    }
}

struct EntityIndexPageView: Equatable, Sendable {
    var page: PageView
    /// The groups of kinds on this page.
    var groups: [EntityGroupView]
    /// Every kind the index holds, each linked to where its group starts.
    var kinds: [EntityKindLinkView]
    /// How many entities the whole index holds.
    var count: Int
    /// Nil when every entity fits on one page.
    var pagination: PaginationView?
}

extension EntityIndexPageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "page": page.templateValue,
            "groups": groups.templateValue,
            "kinds": kinds.templateValue,
            "count": count.templateValue,
            "pagination": pagination.templateValue,
        ])
    }
}

struct EntityPageView: Equatable, Sendable {
    var page: PageView
    var entityIndexURL: String
    var name: String
    var kind: String
    var kindLabel: String
    var role: String?
    var summary: String?
    var aliases: String
    var mentionCount: Int
    var briefingCount: Int
    /// The date of the newest dated briefing that mentions the entity, ISO and as shown.
    var latestMentionISO: String?
    var latestMention: String?
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

extension EntityPageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "page": page.templateValue,
            "entityIndexURL": entityIndexURL.templateValue,
            "name": name.templateValue,
            "kind": kind.templateValue,
            "kindLabel": kindLabel.templateValue,
            "role": role.templateValue,
            "summary": summary.templateValue,
            "aliases": aliases.templateValue,
            "mentionCount": mentionCount.templateValue,
            "briefingCount": briefingCount.templateValue,
            "latestMentionISO": latestMentionISO.templateValue,
            "latestMention": latestMention.templateValue,
            "mentionGroups": mentionGroups.templateValue,
            "otherBriefings": otherBriefings.templateValue,
            "hasOtherBriefings": hasOtherBriefings.templateValue,
            "unlistedBriefings": unlistedBriefings.templateValue,
            "facts": facts.templateValue,
            "hasFacts": hasFacts.templateValue,
            "events": events.templateValue,
            "hasEvents": hasEvents.templateValue,
            "companions": companions.templateValue,
            "hasCompanions": hasCompanions.templateValue,
        ])
    }
}
