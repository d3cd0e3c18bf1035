extension SiteRenderer {
    /// The index of every entity, grouped by kind, at `entities/index.html`.
    public func entityIndexPage(_ directory: EntityDirectory) throws(BuildFailure) -> RenderedPage {
        let records = directory.sortedRecords
        let groups = EntityKind.allCases.compactMap { kind -> EntityGroupView? in
            let entries = records.filter { $0.entity.kind == kind }.map {
                EntityIndexEntryView(name: $0.entity.name, url: "\($0.entity.id)/", role: $0.entity.role, mentionCount: $0.mentions.count)
            }
            return entries.isEmpty ? nil : EntityGroupView(kind: kind.rawValue, heading: kind.plural, entities: entries)
        }
        let view = EntityIndexPageView(page: page(path: "entities/", title: "People, places and organisations", description: "Everything the briefings name, by kind."),
                                       groups: groups, count: records.count)
        let path = "entities/index.html"
        return RenderedPage(path: path, html: try templates.render(view, with: "entities", page: path))
    }

    /// The page of one entity, at `entities/ID/index.html`.
    public func entityPage(_ record: EntityDirectory.Record, directory: EntityDirectory,
                            bySlug: [String: AnnotatedBriefing]) throws(BuildFailure) -> RenderedPage {
        let entity = record.entity
        let groups = Dictionary(grouping: record.mentions, by: \.briefingSlug).sorted { $0.key < $1.key }.map { slug, mentions in
            MentionGroupView(
                briefingTitle: bySlug[slug]?.essay.metadata.title ?? slug, briefingURL: "../../\(slug)/",
                mentions: Self.uniqueSentences(mentions.map(\.mention)).map {
                    MentionView(sentence: $0.sentence, url: "../../\(slug)/#\($0.paragraphID)", paragraph: "¶\($0.paragraphID.dropFirst(2))")
                })
        }
        var facts: [FactView] = []
        var events: [EventView] = []
        for item in record.facts {
            guard let briefing = bySlug[item.briefingSlug], let model = briefing.model else { continue }
            let views = ViewBuilder(toSite: "../../", toBriefing: "../../\(item.briefingSlug)/", briefing: briefing)
            facts.append(views.fact(item.fact, match: model.factMatches[item.fact.id]))
        }
        for item in record.events.sorted(by: { ($0.event.when, $0.event.id) < ($1.event.when, $1.event.id) }) {
            guard let briefing = bySlug[item.briefingSlug], let model = briefing.model else { continue }
            let views = ViewBuilder(toSite: "../../", toBriefing: "../../\(item.briefingSlug)/", briefing: briefing)
            events.append(views.event(item.event, match: model.eventMatches[item.event.id], model: model))
        }
        let companions = record.companions.prefix(8).compactMap { companion in
            directory.records[companion.id].map { CompanionView(name: $0.entity.name, url: "../\(companion.id)/", count: companion.count) }
        }
        let view = EntityPageView(
            page: page(path: "entities/\(entity.id)/", title: entity.name, description: entity.summary ?? entity.role ?? entity.name),
            name: entity.name, kind: entity.kind.rawValue, kindLabel: entity.kind.rawValue.capitalized,
            role: entity.role, summary: entity.summary, aliases: entity.aliases.joined(separator: ", "),
            mentionCount: record.mentions.count, mentionGroups: groups,
            facts: facts, hasFacts: !facts.isEmpty, events: events, hasEvents: !events.isEmpty,
            companions: companions, hasCompanions: !companions.isEmpty)
        let path = "entities/\(entity.id)/index.html"
        return RenderedPage(path: path, html: try templates.render(view, with: "entity", page: path))
    }

    /// A sentence naming an entity twice is listed once.
    private static func uniqueSentences(_ mentions: [EntityMention]) -> [EntityMention] {
        var seen: Set<String> = []
        return mentions.filter { seen.insert("\($0.paragraphID)\u{0}\($0.sentence)").inserted }
    }
}
