extension SiteRenderer {
    /// The index of every entity, grouped by kind, at `entities/index.html`.
    func entityIndexPage(_ directory: EntityDirectory) throws(BuildFailure) -> RenderedPage {
        let path = "entities/index.html"
        return RenderedPage(path: path, html: try templates.render(entityIndexPageView(directory), with: "entities", page: path))
    }

    func entityIndexPageView(_ directory: EntityDirectory) -> EntityIndexPageView {
        let records = directory.sortedRecords
        let groups = EntityKind.allCases.compactMap { kind -> EntityGroupView? in
            let entries = records.filter { $0.entity.kind == kind }.map {
                EntityIndexEntryView(name: $0.entity.name, url: "\($0.entity.id)/", role: $0.entity.role, mentionCount: $0.mentionCount)
            }
            return entries.isEmpty ? nil : EntityGroupView(kind: kind.rawValue, heading: kind.plural, entities: entries)
        }
        return EntityIndexPageView(page: page(path: "entities/", title: "People, places and organisations", description: "Everything the briefings name, by kind."),
                                   groups: groups, count: records.count)
    }

    /// The page of one entity, at `entities/ID/index.html`: its newest briefings with
    /// their sentences, facts and events, then older ones by title.
    func entityPage(_ record: EntityDirectory.Record, directory: EntityDirectory) throws(BuildFailure) -> RenderedPage {
        let path = "entities/\(record.entity.id)/index.html"
        return RenderedPage(path: path, html: try templates.render(entityPageView(record, directory: directory), with: "entity", page: path))
    }

    func entityPageView(_ record: EntityDirectory.Record, directory: EntityDirectory) -> EntityPageView {
        let entity = record.entity
        var groups: [MentionGroupView] = []
        var facts: [FactView] = []
        var events: [EventView] = []
        var others: [BriefingMentionCountView] = []
        for appearance in record.appearances {
            let url = "../../\(appearance.listing.url)"
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
            directory.records[id].map { CompanionView(name: $0.entity.name, url: "../\(id)/", count: count) }
        }
        return EntityPageView(
            page: page(path: "entities/\(entity.id)/", title: entity.name, description: entity.summary ?? entity.role ?? entity.name),
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
