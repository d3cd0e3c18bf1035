extension AnnotatedBriefing {
    /// Where each quote of the model resolved, in the order the model lists its facts,
    /// events and cross-references: what a build remembers for re-anchoring them after
    /// the author's next edits. Empty for a briefing without a model.
    public var quoteAnchors: [QuoteAnchor] {
        guard let validated = model else { return [] }
        var paragraphs: [String: (number: Int, sectionID: String, text: String)] = [:]
        for section in outline.sections {
            for paragraph in section.paragraphs { paragraphs[paragraph.id] = (paragraph.number, section.id, paragraph.text) }
        }
        func anchor(_ kind: String, _ id: String, _ quote: String, _ match: QuoteCorpus.Match?) -> QuoteAnchor? {
            guard let match, let paragraph = paragraphs[match.paragraphID] else { return nil }
            let around = QuoteAnchor.surroundings(of: match.range, in: paragraph.text)
            return QuoteAnchor(kind: kind, id: id, quote: quote, paragraph: paragraph.number, paragraphID: match.paragraphID,
                               sectionID: paragraph.sectionID, offset: match.range.lowerBound, prefix: around.prefix, suffix: around.suffix)
        }
        let model = validated.model
        return model.facts.compactMap { anchor("fact", $0.id, $0.quote.text, validated.factMatches[$0.id]) }
            + model.events.compactMap { anchor("event", $0.id, $0.quote.text, validated.eventMatches[$0.id]) }
            + model.crossReferences.compactMap { anchor("cross-reference", $0.id, $0.quote.text, validated.crossReferenceMatches[$0.id]) }
    }
}
