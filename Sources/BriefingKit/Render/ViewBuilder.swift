/// Builds the views of facts, events and entity links, with links relative to the page
/// they appear on.
struct ViewBuilder {
    /// From the page to the site's root, e.g. `../../`.
    var toSite: String
    /// From the page to the briefing page's folder, e.g. `../` or `../../SLUG/`.
    var toBriefing: String
    let briefing: AnnotatedBriefing
    /// How dates are written for the site's readers.
    let dates: DateLanguage

    init(toSite: String, toBriefing: String, briefing: AnnotatedBriefing, dates: DateLanguage) {
        self.toSite = toSite
        self.toBriefing = toBriefing
        self.briefing = briefing
        self.dates = dates
    }

    func entityURL(_ id: String) -> String { "\(toSite)entities/\(id)/" }

    func entityLinks(_ ids: [String]) -> [EntityLinkView] {
        ids.map { EntityLinkView(name: briefing.entityNames[$0] ?? $0, url: entityURL($0)) }
    }

    func fact(_ fact: Fact, match: QuoteCorpus.Match?) -> FactView {
        let anchor = TreeAnnotation.factAnchor(fact.id)
        let paragraphID = match?.paragraphID ?? ""
        let sentence = briefing.factSentences[fact.id] ?? fact.quote.text
        let links = entityLinks(fact.entities)
        return FactView(id: fact.id, anchor: anchor, figure: fact.figure, label: fact.label,
                        when: fact.when.map(dates.format), whenISO: fact.when?.description,
                        entities: links, hasEntities: !links.isEmpty,
                        quoteURL: "\(toBriefing)#\(anchor)", paragraphURL: "\(toBriefing)#\(paragraphID)",
                        paragraphNumber: String(paragraphID.dropFirst(2)), sentence: sentence)
    }

    func event(_ event: TimelineEvent, match: QuoteCorpus.Match?, model: ValidatedModel) -> EventView {
        let facts = event.facts.compactMap { id in model.model.fact(id).map { fact($0, match: model.factMatches[id]) } }
        return EventView(id: event.id, when: dates.format(event.when), whenISO: event.when.description,
                         hasPreciseDate: event.when.month != nil, title: event.title,
                         quote: event.quote.text, paragraphURL: "\(toBriefing)#\(match?.paragraphID ?? "")",
                         entities: entityLinks(event.entities), facts: facts, hasFacts: !facts.isEmpty)
    }
}
