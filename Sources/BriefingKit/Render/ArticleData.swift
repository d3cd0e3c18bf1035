import Foundation

/// The briefing as a schema.org `Article`, for search engines and link previews.
struct ArticleData: Encodable {
    struct Thing: Encodable {
        var type: String
        var name: String
        enum CodingKeys: String, CodingKey { case type = "@type", name }
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

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type"
        case headline, alternativeHeadline, description, author, publisher, datePublished, url, mainEntityOfPage
    }

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

    func scriptJSON() -> String { ScriptJSON.encode(self) }
}
