/// Builds the views of facts, events and entity links, with links relative to the page
/// they appear on.
struct ViewBuilder {
    /// From the page to the site's root, e.g. `../../`.
    var toSite: String
    /// From the page to the briefing page's folder, e.g. `../` or `../../SLUG/`.
    var toBriefing: String
    /// Every entity's display name, by id.
    var names: [String: String]
    var paragraphTexts: [String: String]

    init(toSite: String, toBriefing: String, briefing: AnnotatedBriefing) {
        self.toSite = toSite
        self.toBriefing = toBriefing
        names = Dictionary((briefing.model?.model.entities ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        paragraphTexts = Dictionary(briefing.outline.paragraphs.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    func entityURL(_ id: String) -> String { "\(toSite)entities/\(id)/" }

    func entityLinks(_ ids: [String]) -> [EntityLinkView] {
        ids.map { EntityLinkView(name: names[$0] ?? $0, url: entityURL($0)) }
    }

    func fact(_ fact: Fact, match: QuoteCorpus.Match?) -> FactView {
        let anchor = TreeAnnotation.factAnchor(fact.id)
        let paragraphID = match?.paragraphID ?? ""
        let sentence = match.flatMap { match in
            paragraphTexts[match.paragraphID].map { Sentences.sentence(in: $0, atUTF8Offset: match.range.lowerBound) }
        } ?? fact.quote.text
        let links = entityLinks(fact.entities)
        return FactView(id: fact.id, anchor: anchor, figure: fact.figure, label: fact.label,
                        when: fact.when?.display, whenISO: fact.when?.description,
                        entities: links, hasEntities: !links.isEmpty,
                        quoteURL: "\(toBriefing)#\(anchor)", paragraphURL: "\(toBriefing)#\(paragraphID)",
                        paragraphNumber: String(paragraphID.dropFirst(2)), sentence: sentence)
    }

    func event(_ event: TimelineEvent, match: QuoteCorpus.Match?, model: ValidatedModel) -> EventView {
        let facts = event.facts.compactMap { id in model.model.fact(id).map { fact($0, match: model.factMatches[id]) } }
        return EventView(id: event.id, when: event.when.display, whenISO: event.when.description,
                         hasPreciseDate: event.when.month != nil, title: event.title,
                         quote: event.quote.text, paragraphURL: "\(toBriefing)#\(match?.paragraphID ?? "")",
                         entities: entityLinks(event.entities), facts: facts, hasFacts: !facts.isEmpty)
    }
}
