/// Turns an essay and its model into the annotated HTML body and the indexes its pages
/// need. The cmark tree lives only inside `annotate`, so nothing after this stage sees it.
public struct Annotator: Sendable {
    /// Says what a broken quote became (see `ModelValidator.advisor`).
    public var advisor: (any QuoteAdvisor)?

    public init(advisor: (any QuoteAdvisor)? = nil) {
        self.advisor = advisor
    }

    /// `modelDiagnostics` are the problems found while loading the model: reported
    /// together with what validation finds, so an editor sees every problem at once.
    public func annotate(_ essay: Essay, model: BriefingModel? = nil,
                         modelDiagnostics: [Diagnostic] = []) throws(BuildFailure) -> AnnotatedBriefing {
        let document = EssayAnchoring.document(of: essay)
        document.consolidateTextNodes()
        let anchoring = EssayAnchoring()
        let outline = anchoring.outline(of: document)

        var validated: ValidatedModel?
        var warnings: [Diagnostic] = []
        var mentions: [EntityMention] = []
        var sentencesByParagraph: [String: Sentences.Indexed] = [:]
        if let model {
            let (checked, found) = ModelValidator(advisor: advisor).validate(model, against: QuoteCorpus(outline))
            let diagnostics = modelDiagnostics + found
            let errors = diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else { throw BuildFailure(diagnostics) }
            warnings = diagnostics
            var annotation = TreeAnnotation(document: document, outline: outline, model: checked,
                                            links: PageLinks(from: .briefing(slug: essay.slug)))
            try annotation.apply()
            mentions = annotation.mentions
            sentencesByParagraph = annotation.sentences
            validated = checked
        }
        anchoring.applyAnchors(of: outline, to: document)
        var briefing = AnnotatedBriefing(essay: essay, outline: outline, bodyHTML: document.renderHTML(),
                                         model: validated, mentions: mentions, warnings: warnings)
        if let validated {
            briefing.entityNames = Dictionary(validated.model.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let texts = Dictionary(outline.paragraphs.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
            for (paragraphID, matches) in Dictionary(grouping: validated.factMatches, by: \.value.paragraphID) {
                guard let text = texts[paragraphID] else { continue }
                var sentences = sentencesByParagraph[paragraphID] ?? Sentences.indexed(text)
                for (id, match) in matches {
                    briefing.factSentences[id] = sentences.sentence(atUTF8Offset: match.range.lowerBound) ?? text
                }
            }
        }
        return briefing
    }
}

extension QuoteCorpus {
    init(_ outline: EssayOutline) {
        self.init(
            paragraphs: outline.sections.flatMap { section in
                section.paragraphs.map { Paragraph(id: $0.id, sectionID: section.id, text: $0.text) }
            },
            sectionIDs: outline.sections.map(\.id))
    }
}
