import Foundation

/// What the cards that preview a name, a figure or a cross-reference show, written into
/// the briefing page as JSON: the page's script needs no other request to show them.
struct PreviewData {
    struct EntityCard { var name, kind, url: String; var role, summary: String? }
    struct FactCard { var figure, label, url: String; var when: String? }
    struct PassageCard { var title, excerpt, url: String }

    var entities: [String: EntityCard] = [:]
    var facts: [String: FactCard] = [:]
    var sections: [String: PassageCard] = [:]
    var paragraphs: [String: PassageCard] = [:]

    static let excerptLength = 240

    /// `links` are those of the briefing's page, where the cards are shown.
    init(briefing: AnnotatedBriefing, links: PageLinks, dates: DateLanguage) {
        guard let model = briefing.model?.model else { return }
        let mentioned = Set(briefing.mentions.map(\.entityID))
        for entity in model.entities where mentioned.contains(entity.id) {
            entities[entity.id] = EntityCard(name: entity.name, kind: entity.kind.rawValue, url: links.to(.entity(id: entity.id)),
                                             role: entity.role, summary: entity.summary)
        }
        for fact in model.facts {
            facts[fact.id] = FactCard(figure: fact.figure, label: fact.label, url: links.here(.factBox(fact.id)), when: fact.when.map(dates.format))
        }
        // Only passages that a cross-reference points at need a card.
        for reference in model.crossReferences {
            switch reference.target {
            case let .section(id):
                guard let section = briefing.outline.sections.first(where: { $0.id == id }) else { continue }
                sections[id] = PassageCard(title: section.title ?? "Introduction",
                                           excerpt: Self.excerpt(section.paragraphs.first?.text ?? ""), url: links.here(.section(id)))
            case let .paragraph(id):
                guard let paragraph = briefing.outline.paragraphs.first(where: { $0.id == id }) else { continue }
                paragraphs[id] = PassageCard(title: "Paragraph \(paragraph.number)", excerpt: Self.excerpt(paragraph.text), url: links.here(.paragraph(paragraph.number)))
            case .fact, .entity:
                continue
            }
        }
    }

    /// The opening words of a passage, cut at a word boundary.
    static func excerpt(_ text: String) -> String {
        guard text.count > excerptLength else { return text }
        let cut = text.prefix(excerptLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    func scriptJSON() -> String { String(decoding: JSONWriter.bytes(of: self, format: .script), as: UTF8.self) }
}

// Keys in UTF-8 byte order, as `JSONEncoder` sorted them.
extension PreviewData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("entities", entities)
            json.field("facts", facts)
            json.field("paragraphs", paragraphs)
            json.field("sections", sections)
        }
    }
}

extension PreviewData.EntityCard: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("kind", kind)
            json.field("name", name)
            json.field("role", role)
            json.field("summary", summary)
            json.field("url", url)
        }
    }
}

extension PreviewData.FactCard: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("figure", figure)
            json.field("label", label)
            json.field("url", url)
            json.field("when", when)
        }
    }
}

extension PreviewData.PassageCard: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("excerpt", excerpt)
            json.field("title", title)
            json.field("url", url)
        }
    }
}
