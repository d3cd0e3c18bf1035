/// Builds the views of facts, events and entity links, with links from the page they
/// appear on.
struct ViewBuilder {
    let links: PageLinks
    let briefing: AnnotatedBriefing
    /// How dates are written for the site's readers.
    let dates: DateLanguage

    init(from page: Route, briefing: AnnotatedBriefing, dates: DateLanguage) {
        self.init(links: PageLinks(from: page), briefing: briefing, dates: dates)
    }

    init(links: PageLinks, briefing: AnnotatedBriefing, dates: DateLanguage) {
        self.links = links
        self.briefing = briefing
        self.dates = dates
    }

    private var briefingPage: Route { .briefing(slug: briefing.slug) }

    func entityURL(_ id: String) -> String { links.to(.entity(id: id)) }

    func entityLinks(_ ids: [String]) -> [EntityLinkView] {
        ids.map { EntityLinkView(name: briefing.entityNames[$0] ?? $0, url: entityURL($0)) }
    }

    /// The link to the paragraph `paragraphID` of the briefing.
    func paragraphURL(_ paragraphID: String?) -> String {
        links.to(briefingPage, at: paragraphID.flatMap(Anchor.paragraphNumber(of:)).map(Anchor.paragraph))
    }

    func fact(_ fact: Fact, match: QuoteCorpus.Match?) -> FactView {
        let sentence = briefing.factSentences[fact.id] ?? fact.quote.text
        let links = entityLinks(fact.entities)
        let paragraphNumber = match.flatMap { Anchor.paragraphNumber(of: $0.paragraphID) }
        return FactView(id: fact.id, boxID: Anchor.factBox(fact.id).id, rowID: Anchor.factRow(fact.id).id,
                        figure: fact.figure, label: fact.label,
                        when: fact.when.map(dates.format), whenISO: fact.when?.description,
                        entities: links, hasEntities: !links.isEmpty,
                        quoteURL: self.links.to(briefingPage, at: .fact(fact.id)), paragraphURL: paragraphURL(match?.paragraphID),
                        paragraphNumber: paragraphNumber.map(String.init) ?? "", sentence: sentence)
    }

    func event(_ event: TimelineEvent, match: QuoteCorpus.Match?, model: ValidatedModel) -> EventView {
        self.event(event, match: match, facts: event.facts.compactMap { id in model.model.fact(id).map { fact($0, match: model.factMatches[id]) } })
    }

    /// `facts` are the views of the event's facts, for a caller that has made them already.
    func event(_ event: TimelineEvent, match: QuoteCorpus.Match?, facts: [FactView]) -> EventView {
        EventView(id: event.id, anchorID: Anchor.event(event.id).id, when: dates.format(event.when), whenISO: event.when.description,
                         hasPreciseDate: event.when.month != nil, title: event.title,
                         quote: event.quote.text, paragraphURL: paragraphURL(match?.paragraphID),
                         entities: entityLinks(event.entities), facts: facts, hasFacts: !facts.isEmpty)
    }
}
