extension SiteRenderer {
    /// The pages of the index of every entity, grouped by kind, `paginate` names to a page.
    func entityIndexPages(_ directory: EntityDirectory) throws(BuildFailure) -> [RenderedPage] {
        let pages = entityIndexPageViews(directory)
        var rendered: [RenderedPage] = []
        for (index, view) in pages.enumerated() {
            rendered.append(try render(view, with: "entities", at: .entityIndex(page: index + 1)))
        }
        return rendered
    }

    func entityIndexPageViews(_ directory: EntityDirectory) -> [EntityIndexPageView] {
        let records = directory.sortedRecords
        let byKind = EntityKind.allCases.flatMap { kind in records.filter { $0.entity.kind == kind } }
        let pages = PaginationView.pages(byKind, size: config.paginate)
        let firstPage = Dictionary(pages.enumerated().flatMap { index, page in page.map { ($0.entity.kind, index + 1) } }) { first, _ in first }
        return pages.enumerated().map { index, entries in
            let number = index + 1
            let route = Route.entityIndex(page: number)
            let links = PageLinks(from: route)
            let groups = EntityKind.allCases.compactMap { kind -> EntityGroupView? in
                let entries = entries.filter { $0.entity.kind == kind }.map {
                    EntityIndexEntryView(name: $0.entity.name, url: links.to(.entity(id: $0.entity.id)), role: $0.entity.role, mentionCount: $0.mentionCount)
                }
                let anchor = Anchor.entityKind(kind.rawValue)
                return entries.isEmpty ? nil : EntityGroupView(kind: kind.rawValue, anchorID: anchor.id, url: links.here(anchor),
                                                               heading: kind.plural, entities: entries)
            }
            let kinds = EntityKind.allCases.compactMap { kind in
                firstPage[kind].map { EntityKindLinkView(heading: kind.plural, url: links.to(.entityIndex(page: $0), at: .entityKind(kind.rawValue))) }
            }
            let pagination = paginationView(number, of: pages.count, at: Route.entityIndex(page:), previous: "Previous", next: "Next")
            let title = "People, places and organisations" + (number == 1 ? "" : ", page \(number)")
            return EntityIndexPageView(page: page(route, title: title, description: "Everything the briefings name, by kind.", pagination: pagination),
                                       groups: groups, kinds: kinds, count: records.count, pagination: pagination)
        }
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
