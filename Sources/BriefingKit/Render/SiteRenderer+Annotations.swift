extension SiteRenderer {
    /// The table of every figure.
    public func factsPage(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> RenderedPage? {
        guard let view = try factsPageView(briefing) else { return nil }
        return try render(view, with: "facts", at: .facts(slug: briefing.slug))
    }

    func factsPageView(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> FactsPageView? {
        guard let model = briefing.model else { return nil }
        let route = Route.facts(slug: briefing.slug)
        let views = ViewBuilder(from: route, briefing: briefing, dates: dates)
        let facts = model.model.facts.map { views.fact($0, match: model.factMatches[$0.id]) }
        let title = briefing.essay.metadata.title
        let charts = ChartRenderer(briefing: briefing, dates: dates)
        let chartHTML = try charts.groups.map { group throws(BuildFailure) in try charts.html(for: group, templates: templates) }
        return FactsPageView(page: page(route, title: "Facts and figures: \(title)", description: "Every figure in \(title), linked to the sentence that states it."),
                                 briefingTitle: title, briefingURL: views.links.to(.briefing(slug: briefing.slug)), facts: facts, count: facts.count,
                                 charts: chartHTML, hasCharts: !chartHTML.isEmpty)
    }

    /// The chronology.
    public func timelinePage(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> RenderedPage? {
        guard let view = timelinePageView(briefing) else { return nil }
        return try render(view, with: "timeline", at: .timeline(slug: briefing.slug))
    }

    func timelinePageView(_ briefing: AnnotatedBriefing) -> TimelinePageView? {
        guard let model = briefing.model else { return nil }
        let route = Route.timeline(slug: briefing.slug)
        let views = ViewBuilder(from: route, briefing: briefing, dates: dates)
        let events = model.model.events.sorted { ($0.when, $0.id) < ($1.when, $1.id) }
        let years = Dictionary(grouping: events, by: \.when.year).sorted { $0.key < $1.key }.map { year, events in
            TimelineYearView(year: String(year), anchorID: Anchor.year(year).id, events: events.map { views.event($0, match: model.eventMatches[$0.id], model: model) })
        }
        let title = briefing.essay.metadata.title
        return TimelinePageView(page: page(route, title: "Timeline: \(title)", description: "The events \(title) refers to, in order."),
                                    briefingTitle: title, briefingURL: views.links.to(.briefing(slug: briefing.slug)), years: years, count: events.count)
    }

    /// Replaces the fact-box markers of a briefing's body by the `fact-notes` template.
    func bodyWithFactBoxes(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> String {
        guard let model = briefing.model else { return briefing.bodyHTML }
        let views = ViewBuilder(from: .briefing(slug: briefing.slug), briefing: briefing, dates: dates)
        let charts = ChartRenderer(briefing: briefing, dates: dates)
        return try BlockMarker.replace(in: briefing.bodyHTML) { marker throws(BuildFailure) in
            switch marker {
            case let .factBoxes(ids):
                let facts = ids.compactMap { id in model.model.fact(id).map { views.fact($0, match: model.factMatches[id]) } }
                return try templates.render(FactNotesView(facts: facts), with: "partials/fact-notes")
            case let .chart(group):
                return try charts.html(for: group, templates: templates)
            }
        }
    }

    func atAGlance(_ briefing: AnnotatedBriefing) -> [FactView] {
        guard let model = briefing.model else { return [] }
        let views = ViewBuilder(from: .briefing(slug: briefing.slug), briefing: briefing, dates: dates)
        return model.model.info.atAGlance.compactMap { id in model.model.fact(id).map { views.fact($0, match: model.factMatches[id]) } }
    }
}
