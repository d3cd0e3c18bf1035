import Foundation

/// The briefing as a schema.org `Article`, for search engines and link previews.
struct ArticleData {
    struct Thing {
        var type: String
        var name: String
    }

    var context = "https://schema.org"
    var type = "Article"
    var headline: String
    var alternativeHeadline: String?
    var description: String?
    var author: Thing?
    var publisher: Thing
    var datePublished: String?
    var url: String
    var mainEntityOfPage: String

    init(briefing: AnnotatedBriefing, url: String) {
        let metadata = briefing.essay.metadata
        headline = metadata.title
        alternativeHeadline = metadata.subtitle
        description = briefing.model?.model.info.summary ?? metadata.subtitle
        author = metadata.author.map { Thing(type: "Person", name: $0) }
        publisher = Thing(type: "Organization", name: briefing.model?.model.info.source ?? SiteRenderer.siteName)
        datePublished = briefing.date
        self.url = url
        mainEntityOfPage = url
    }

    func scriptJSON() -> String { String(decoding: JSONWriter.bytes(of: self, format: .script), as: UTF8.self) }
}

// Keys in UTF-8 byte order, as `JSONEncoder` sorted them: `@` comes before letters.
extension ArticleData: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("@context", context)
            json.field("@type", type)
            json.field("alternativeHeadline", alternativeHeadline)
            json.field("author", author)
            json.field("datePublished", datePublished)
            json.field("description", description)
            json.field("headline", headline)
            json.field("mainEntityOfPage", mainEntityOfPage)
            json.field("publisher", publisher)
            json.field("url", url)
        }
    }
}

extension ArticleData.Thing: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("@type", type)
            json.field("name", name)
        }
    }
}
