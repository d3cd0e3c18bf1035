import Foundation

/// What a form starts with for words an editor selected on the page: the selection as a
/// quote of whole words, whether it occurs once, and the figure, date, names and id the
/// drafting rules find in it and its sentence.
struct SelectionSuggestion {
    let briefing: EditedBriefing
    let paragraph: EssayOutline.Paragraph
    /// UTF-8 range of the quote in the paragraph's text.
    let range: Range<Int>

    init(_ briefing: EditedBriefing, paragraphID: String, selection: String) throws(EditFailure) {
        guard let paragraph = briefing.annotated.outline.paragraphs.first(where: { $0.id == paragraphID }) else {
            throw EditFailure(.notFound, "the page has no paragraph \(paragraphID)")
        }
        let trimmed = selection.trimmingCharacters(in: .whitespacesAndNewlines)
        let corpus = QuoteCorpus(paragraphs: [QuoteCorpus.Paragraph(id: paragraph.id, sectionID: "", text: paragraph.text)], sectionIDs: [""])
        guard !trimmed.isEmpty, let match = corpus.matches(of: trimmed).first else {
            throw EditFailure(.invalid, "the selection is not in \(paragraphID); select words within one paragraph")
        }
        let words = WordSpans(paragraph.text)
        guard let touched = words.words(touching: match.range) else {
            throw EditFailure(.invalid, "the selection holds no words; select words within one paragraph")
        }
        self.briefing = briefing
        self.paragraph = paragraph
        range = words.span(touched.lowerBound, touched.upperBound)
    }

    func json() -> Data {
        let bytes = Array(paragraph.text.utf8)
        let quote = String(decoding: bytes[range], as: UTF8.self)
        var sentences = Sentences.indexed(paragraph.text)
        let sentence = sentences.sentence(atUTF8Offset: range.lowerBound) ?? paragraph.text
        let sentenceRange = sentences.ranges.first { $0.contains(range.lowerBound) } ?? 0..<bytes.count
        let figure = FigureScanner.figures(in: quote).first
        let when = DateMentions.dates(in: sentence).first?.date.description
        let validated = briefing.annotated.model
        let model = validated?.model ?? BriefingModel(file: briefing.files.model)
        var named: [String] = []
        for found in validated?.aliasMatches[paragraph.id] ?? [] where sentenceRange.contains(found.range.lowerBound) && !named.contains(found.entityID) {
            named.append(found.entityID)
        }
        let unique = QuoteCorpus(briefing.annotated.outline).matches(of: quote).count == 1
        var taken = Set(model.facts.map(\.id) + model.entities.map(\.id) + model.events.map(\.id) + model.crossReferences.map(\.id))
        let label = figure.map { DraftWording.clause(of: quote, around: $0.range, removing: true) }
        let id = taken.claimUnique(DraftWording.id(from: label.flatMap { $0.isEmpty ? nil : $0 } ?? quote, fallback: "item"))
        let entityMatch = Self.entity(named: quote, in: model.entities + briefing.register.entities)
        let null = JSONObject.orNull
        return JSONObject.data([
            "quote": quote, "unique": unique, "sentence": sentence, "paragraphID": paragraph.id,
            "figure": null(figure?.text), "value": null(figure?.value), "unit": null(figure?.unit), "label": null(label),
            "when": null(when), "entities": named, "id": id,
            "entityMatch": entityMatch.map { ["id": $0.id, "name": $0.name] as [String: Any] } ?? NSNull(),
            "kind": (EntityKindGuess.keywordKind(quote) ?? (EntityKindGuess.looksLikePersonalName(quote) ? .person : .organisation)).rawValue,
        ])
    }

    /// The entity whose name or an alias is `name`, ignoring case.
    static func entity(named name: String, in entities: [Entity]) -> Entity? {
        let wanted = name.lowercased()
        return entities.first { entity in
            ([entity.name] + entity.aliases).contains { $0.lowercased() == wanted }
        }
    }
}
