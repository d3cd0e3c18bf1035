import Foundation

/// The briefing as a schema.org `Article`, for search engines and link previews.
struct ArticleData {
    struct Thing {
        var type: String
        var name: String
        var url: String?
        var logo: ImageObject?
    }

    /// A schema.org `ImageObject` known only by its URL.
    struct ImageObject {
        var type = "ImageObject"
        var url: String
    }

    var context = "https://schema.org"
    var type = "Article"
    var headline: String
    var inLanguage: String
    var alternativeHeadline: String?
    var description: String?
    var author: Thing?
    var publisher: Thing
    var datePublished: String?
    var url: String
    var mainEntityOfPage: String

    init(briefing: AnnotatedBriefing, url: String, site: SiteConfig, baseURL: BaseURL) {
        let metadata = briefing.essay.metadata
        headline = metadata.title
        inLanguage = site.language
        alternativeHeadline = metadata.subtitle
        description = briefing.model?.model.info.summary ?? metadata.subtitle
        author = (metadata.author ?? site.author).map { Thing(type: "Person", name: $0) }
        if let publisher = site.publisher {
            self.publisher = Thing(type: "Organization", name: publisher.name, url: publisher.url,
                                   logo: publisher.logo.map { ImageObject(url: Self.absolute($0, from: baseURL)) })
        } else {
            publisher = Thing(type: "Organization", name: briefing.model?.model.info.source ?? site.title)
        }
        datePublished = briefing.date
        self.url = url
        mainEntityOfPage = url
    }

    /// A logo given as a path from the site's root, made absolute as schema.org wants.
    static func absolute(_ link: String, from baseURL: BaseURL) -> String {
        if BaseURL(link) != nil { return link }
        return baseURL.absolute + (link.hasPrefix("/") ? String(link.dropFirst()) : link)
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
            json.field("inLanguage", inLanguage)
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
            json.field("logo", logo)
            json.field("name", name)
            json.field("url", url)
        }
    }
}

extension ArticleData.ImageObject: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("@type", type)
            json.field("url", url)
        }
    }
}
