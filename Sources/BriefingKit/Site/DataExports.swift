import Foundation

/// The briefing's data for other tools: `briefing.json` (the validated model, with the
/// paragraph each quote resolved to) and `facts.csv`.
enum DataExports {
    static func files(for briefing: AnnotatedBriefing) throws(BuildFailure) -> [PlannedFile] {
        guard let model = briefing.model else { return [] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json: Data
        do {
            json = try encoder.encode(BriefingExport(briefing: briefing, model: model))
        } catch {
            throw BuildFailure([Diagnostic(file: model.model.file, "cannot export the model as JSON: \(error)")])
        }
        return [PlannedFile(path: "\(briefing.slug)/briefing.json", data: json + Data("\n".utf8)),
                PlannedFile(path: "\(briefing.slug)/facts.csv", data: Data(factsCSV(model).utf8))]
    }

    static func factsCSV(_ model: ValidatedModel) -> String {
        let header = ["id", "figure", "label", "when", "value", "unit", "compare", "entities", "paragraph", "quote"]
        let rows = model.model.facts.map { fact in
            [fact.id, fact.figure, fact.label, fact.when?.description ?? "", fact.value.map(BriefingExport.number) ?? "",
             fact.unit ?? "", fact.compare ?? "", fact.entities.joined(separator: " "),
             model.factMatches[fact.id]?.paragraphID ?? "", fact.quote.text]
        }
        return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The shape of `briefing.json`: the model as written plus where each quote resolved.
struct BriefingExport: Encodable {
    struct Section: Encodable { var id: String; var title: String?; var paragraphs: [String] }
    struct EntityItem: Encodable {
        var id, name, kind: String
        var aliases: [String]
        var role, summary: String?
        var mentions: [Mention]
    }
    struct Mention: Encodable { var paragraph, sentence: String }
    struct FactItem: Encodable {
        var id, figure, label: String
        var when: String?
        var quote: String
        var entities: [String]
        var value: Double?
        var unit, compare: String?
        var paragraph, section: String?
        var anchor: String
    }
    struct EventItem: Encodable {
        var id, when, title, quote: String
        var entities, facts: [String]
        var paragraph: String?
    }
    struct CrossReferenceItem: Encodable { var id, quote, to: String; var paragraph: String? }

    var slug, title: String
    var subtitle, author, date, source, summary: String?
    var atAGlance: [String]
    var compareTitles: [String: String]
    var sections: [Section]
    var entities: [EntityItem]
    var facts: [FactItem]
    var events: [EventItem]
    var crossrefs: [CrossReferenceItem]

    enum CodingKeys: String, CodingKey {
        case slug, title, subtitle, author, date, source, summary, sections, entities, facts, events, crossrefs
        case atAGlance = "at_a_glance", compareTitles = "compare_titles"
    }

    init(briefing: AnnotatedBriefing, model validated: ValidatedModel) {
        let model = validated.model
        let metadata = briefing.essay.metadata
        slug = briefing.slug
        title = metadata.title
        subtitle = metadata.subtitle
        author = metadata.author
        date = briefing.date
        source = model.info.source
        summary = model.info.summary
        atAGlance = model.info.atAGlance
        compareTitles = model.info.compareTitles
        sections = briefing.outline.sections.map { Section(id: $0.id, title: $0.title, paragraphs: $0.paragraphs.map(\.id)) }
        let mentions = Dictionary(grouping: briefing.mentions, by: \.entityID)
        entities = model.entities.map { entity in
            EntityItem(id: entity.id, name: entity.name, kind: entity.kind.rawValue, aliases: entity.aliases,
                       role: entity.role, summary: entity.summary,
                       mentions: (mentions[entity.id] ?? []).map { Mention(paragraph: $0.paragraphID, sentence: $0.sentence) })
        }
        facts = model.facts.map { fact in
            let match = validated.factMatches[fact.id]
            return FactItem(id: fact.id, figure: fact.figure, label: fact.label, when: fact.when?.description,
                            quote: fact.quote.text, entities: fact.entities, value: fact.value,
                            unit: fact.unit, compare: fact.compare, paragraph: match?.paragraphID, section: match?.sectionID,
                            anchor: TreeAnnotation.factAnchor(fact.id))
        }
        events = model.events.map { event in
            EventItem(id: event.id, when: event.when.description, title: event.title, quote: event.quote.text,
                      entities: event.entities, facts: event.facts, paragraph: validated.eventMatches[event.id]?.paragraphID)
        }
        crossrefs = model.crossReferences.map { reference in
            CrossReferenceItem(id: reference.id, quote: reference.quote.text, to: reference.target.description,
                               paragraph: validated.crossReferenceMatches[reference.id]?.paragraphID)
        }
    }

    /// Numbers as an editor wrote them: `400000000`, not `4e+08` or `400000000.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
