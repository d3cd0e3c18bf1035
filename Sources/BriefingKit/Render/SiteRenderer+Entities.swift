extension SiteRenderer {
    /// The index of every entity, grouped by kind.
    func entityIndexPage(_ directory: EntityDirectory) throws(BuildFailure) -> RenderedPage {
        try render(entityIndexPageView(directory), with: "entities", at: .entityIndex)
    }

    func entityIndexPageView(_ directory: EntityDirectory) -> EntityIndexPageView {
        let records = directory.sortedRecords
        let links = PageLinks(from: .entityIndex)
        let groups = EntityKind.allCases.compactMap { kind -> EntityGroupView? in
            let entries = records.filter { $0.entity.kind == kind }.map {
                EntityIndexEntryView(name: $0.entity.name, url: links.to(.entity(id: $0.entity.id)), role: $0.entity.role, mentionCount: $0.mentionCount)
            }
            let anchor = Anchor.entityKind(kind.rawValue)
            return entries.isEmpty ? nil : EntityGroupView(kind: kind.rawValue, anchorID: anchor.id, url: links.here(anchor),
                                                           heading: kind.plural, entities: entries)
        }
        return EntityIndexPageView(page: page(.entityIndex, title: "People, places and organisations", description: "Everything the briefings name, by kind."),
                                   groups: groups, count: records.count)
    }

    /// The page of one entity: its newest briefings with their sentences, facts and
    /// events, then older ones by title.
    func entityPage(_ record: EntityDirectory.Record, directory: EntityDirectory) throws(BuildFailure) -> RenderedPage {
        try render(entityPageView(record, directory: directory), with: "entity", at: .entity(id: record.entity.id))
    }

    func entityPageView(_ record: EntityDirectory.Record, directory: EntityDirectory) -> EntityPageView {
        let entity = record.entity
        let route = Route.entity(id: entity.id)
        let links = PageLinks(from: route)
        var groups: [MentionGroupView] = []
        var facts: [FactView] = []
        var events: [EventView] = []
        var others: [BriefingMentionCountView] = []
        for appearance in record.appearances {
            let url = links.to(.briefing(slug: appearance.listing.slug))
            guard let usage = appearance.usage, !usage.isEmpty else {
                others.append(BriefingMentionCountView(title: appearance.listing.title, url: url, count: appearance.mentionCount))
                continue
            }
            if !usage.mentions.isEmpty {
                groups.append(MentionGroupView(briefingTitle: appearance.listing.title, briefingURL: url, mentions: usage.mentions,
                                               moreMentions: Self.positive(usage.mentionCount - usage.mentions.count)))
            }
            facts += usage.facts
            events += usage.events
        }
        events.sort { ($0.whenISO, $0.id) < ($1.whenISO, $1.id) }
        // Appearances run newest first, undated ones last.
        let latest = record.appearances.first { $0.mentionCount > 0 && $0.listing.date != nil }?.listing
        let companions = record.companions.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(8).compactMap { id, count in
            directory.records[id].map { CompanionView(name: $0.entity.name, url: links.to(.entity(id: id)), count: count) }
        }
        return EntityPageView(
            page: page(route, title: entity.name, description: entity.summary ?? entity.role ?? entity.name),
            entityIndexURL: links.to(.entityIndex),
            name: entity.name, kind: entity.kind.rawValue, kindLabel: entity.kind.rawValue.capitalized,
            role: entity.role, summary: entity.summary, aliases: entity.aliases.joined(separator: ", "),
            mentionCount: record.mentionCount, briefingCount: record.briefingCount,
            latestMentionISO: latest?.date, latestMention: latest?.dateDisplay, mentionGroups: groups,
            otherBriefings: others, hasOtherBriefings: !others.isEmpty, unlistedBriefings: Self.positive(record.briefingCount - record.appearances.count),
            facts: facts, hasFacts: !facts.isEmpty, events: events, hasEvents: !events.isEmpty,
            companions: companions, hasCompanions: !companions.isEmpty)
    }

    /// A count the templates show only when there is something to count.
    private static func positive(_ count: Int) -> Int? { count > 0 ? count : nil }
}
