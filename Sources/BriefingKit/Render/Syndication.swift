import Foundation

/// What search engines and feed readers fetch: `sitemap.xml`, an Atom `feed.xml` of the
/// briefings, and `robots.txt` pointing at the sitemap. All URLs are absolute, from the
/// base URL, as both formats require.
struct Syndication {
    static let feedPath = "feed.xml"
    static let sitemapPath = "sitemap.xml"
    /// Atom requires an update time; a briefing without a date counts from this one.
    static let undatedTime = "2000-01-01T00:00:00Z"

    let baseURL: BaseURL
    /// The feed's title, subtitle, language and the author of unsigned briefings.
    let site: SiteConfig
    /// The briefings, newest first.
    let briefings: [BriefingSummaryView]
    /// Paths of the site's pages.
    let pages: [String]

    var files: [PlannedFile] {
        [PlannedFile(path: Self.sitemapPath, data: Data(sitemap.utf8)),
         PlannedFile(path: Self.feedPath, data: Data(feed.utf8)),
         PlannedFile(path: "robots.txt", data: Data("User-agent: *\nAllow: /\nSitemap: \(baseURL.absolute)\(Self.sitemapPath)\n".utf8))]
    }

    var sitemap: String {
        let urls = pages.filter { $0.hasSuffix(".html") && $0 != "404.html" }.map { path in
            path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
        }.sorted()
        let entries = urls.map { "  <url><loc>\(Self.xml(baseURL.absolute + $0))</loc></url>\n" }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\(entries)</urlset>\n"
    }

    var feed: String {
        let updated = briefings.first.map { Self.time($0.date) } ?? Self.undatedTime
        // Atom requires an author for every entry: the site's default author, else its publisher, else its name.
        let siteAuthor = site.author ?? site.publisher?.name ?? site.title
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(Self.xml(site.language))\">\n"
        xml += "  <title>\(Self.xml(site.title))</title>\n"
        xml += "  <subtitle>\(Self.xml(site.description))</subtitle>\n"
        xml += "  <id>\(Self.xml(baseURL.absolute))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(Self.xml(baseURL.absolute))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(Self.xml(baseURL.absolute + Self.feedPath))\"/>\n"
        xml += "  <updated>\(updated)</updated>\n"
        for briefing in briefings {
            let url = Self.xml(baseURL.absolute + briefing.url)
            xml += "  <entry>\n"
            xml += "    <title>\(Self.xml(briefing.title))</title>\n"
            xml += "    <id>\(url)</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            xml += "    <updated>\(Self.time(briefing.date))</updated>\n"
            xml += "    <author><name>\(Self.xml(briefing.author ?? siteAuthor))</name></author>\n"
            if let summary = briefing.summary ?? briefing.subtitle {
                xml += "    <summary>\(Self.xml(summary))</summary>\n"
            }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// A partial date as an Atom time: the first moment of its year, month or day.
    static func time(_ date: String?) -> String {
        date.flatMap(PartialDate.init)?.firstMoment ?? undatedTime
    }

    static func xml(_ text: String) -> String { HTMLText.escape(text) }
}
