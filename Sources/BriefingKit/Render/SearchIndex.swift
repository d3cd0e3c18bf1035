import Foundation

/// What the search box looks through, written at build time. The site's `search.json`
/// holds the briefings and the entities; each briefing's own `SLUG/search.json` holds
/// its figures and paragraphs, which its pages load beside the site's. Every entry has a
/// kind, a title, the text to match and a URL from the site's root; except a paragraph,
/// whose text is the briefing page's own: the search script reads it from the page, the
/// element its URL's fragment names, so that the index does not hold the essay twice.
struct SearchIndex {
    struct Entry: Equatable {
        /// `briefing`, `entity`, `fact` or `paragraph`.
        var kind: String
        var title: String
        /// Nil when the page at `url` holds it.
        var text: String?
        var url: String
    }

    var entries: [Entry] = []

    /// The site's index: every briefing and every entity.
    init(listings: [BriefingSummaryView], directory: EntityDirectory) {
        entries = listings.map { listing in
            Entry(kind: "briefing", title: listing.title,
                  text: [listing.subtitle, listing.author].compactMap { $0 }.joined(separator: " · "),
                  url: Route.briefing(slug: listing.slug).address)
        }
        entries += directory.records.keys.sorted().compactMap { id in
            directory.records[id].map { record in
                let entity = record.entity
                return Entry(kind: "entity", title: entity.name,
                             text: ([entity.role, entity.summary].compactMap { $0 } + entity.aliases).joined(separator: " · "),
                             url: Route.entity(id: id).address)
            }
        }
    }

    /// One briefing's index: its figures and its paragraphs.
    init(briefing: AnnotatedBriefing) {
        let page = Route.briefing(slug: briefing.slug)
        // Addresses from the site's root, as from the home page: the search script puts
        // the page's way to the root before them.
        let links = PageLinks(from: .home)
        for fact in briefing.model?.model.facts ?? [] {
            entries.append(Entry(kind: "fact", title: fact.figure, text: fact.label,
                                 url: links.to(page, at: .fact(fact.id))))
        }
        for section in briefing.outline.sections {
            for paragraph in section.paragraphs {
                entries.append(Entry(kind: "paragraph", title: "\(section.title ?? briefing.essay.metadata.title) ¶\(paragraph.number)",
                                     text: nil, url: links.to(page, at: .paragraph(paragraph.number))))
            }
        }
    }

    /// Compact, with a final newline.
    func json() -> Data {
        var json = JSONWriter.bytes(of: entries, format: .compact)
        json.append(UInt8(ascii: "\n"))
        return Data(json)
    }
}

// Keys in UTF-8 byte order, as `JSONEncoder` sorted them.
extension SearchIndex.Entry: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("kind", kind)
            json.field("text", text)
            json.field("title", title)
            json.field("url", url)
        }
    }
}
