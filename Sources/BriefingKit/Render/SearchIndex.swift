import Foundation

/// What the search box looks through beside the page it is on, written at build time:
/// the site's `search.json`, every briefing and every entity, each with a kind, a title,
/// the text to match and a URL from the site's root. A briefing's figures and paragraphs
/// are not in it: on a briefing's pages the search script reads them from the briefing
/// page itself (its fact boxes, `Templates/partials/fact-box.mustache`, and its essay's
/// paragraphs), so that no index holds them twice.
struct SearchIndex {
    struct Entry: Equatable {
        /// `briefing` or `entity`.
        var kind: String
        var title: String
        var text: String
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
