import Foundation

/// `search.json`: what the search box looks through, written at build time. Each entry
/// has a kind, a title, the text to match and a URL from the site's root.
struct SearchIndex {
    struct Entry: Encodable, Equatable {
        /// `briefing`, `entity`, `fact` or `paragraph`.
        var kind: String
        var title: String
        var text: String
        var url: String
    }

    var entries: [Entry] = []

    init(briefings: [AnnotatedBriefing]) {
        var entities: [String: Entry] = [:]
        for briefing in briefings {
            let slug = briefing.slug
            let metadata = briefing.essay.metadata
            entries.append(Entry(kind: "briefing", title: metadata.title,
                                 text: [metadata.subtitle, metadata.author].compactMap { $0 }.joined(separator: " · "), url: "\(slug)/"))
            for entity in briefing.model?.model.entities ?? [] where entities[entity.id] == nil {
                entities[entity.id] = Entry(kind: "entity", title: entity.name,
                                            text: ([entity.role, entity.summary].compactMap { $0 } + entity.aliases).joined(separator: " · "),
                                            url: "entities/\(entity.id)/")
            }
            for fact in briefing.model?.model.facts ?? [] {
                entries.append(Entry(kind: "fact", title: fact.figure, text: fact.label,
                                     url: "\(slug)/#\(TreeAnnotation.factAnchor(fact.id))"))
            }
            for section in briefing.outline.sections {
                for paragraph in section.paragraphs {
                    entries.append(Entry(kind: "paragraph", title: "\(section.title ?? metadata.title) ¶\(paragraph.number)",
                                         text: paragraph.text, url: "\(slug)/#\(paragraph.id)"))
                }
            }
        }
        entries += entities.keys.sorted().compactMap { entities[$0] }
    }

    func json() throws(BuildFailure) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(entries) + Data("\n".utf8)
        } catch {
            throw BuildFailure([Diagnostic(file: "search.json", "cannot write the search index: \(error)")])
        }
    }
}
