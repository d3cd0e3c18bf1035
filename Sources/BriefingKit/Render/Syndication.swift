import Foundation

/// What search engines and feed readers fetch: `sitemap.xml`, an Atom `feed.xml` of the
/// briefings, and `robots.txt` pointing at the sitemap, each rendered by its template.
/// All URLs are absolute, from the base URL, as both formats require.
struct Syndication {
    static let feedPath = "feed.xml"
    static let sitemapPath = "sitemap.xml"
    static let robotsPath = "robots.txt"
    /// Atom requires an update time; a briefing without a date counts from this one.
    static let undatedTime = "2000-01-01T00:00:00Z"

    let baseURL: BaseURL
    /// The feed's title, subtitle, language and the author of unsigned briefings.
    let site: SiteConfig
    /// The briefings, newest first.
    let briefings: [BriefingSummaryView]
    /// Paths of the site's pages.
    let pages: [String]

    func files(templates: TemplateSet) throws(BuildFailure) -> [PlannedFile] {
        [PlannedFile(path: Self.sitemapPath, data: Data(try templates.render(sitemap, with: "sitemap").utf8)),
         PlannedFile(path: Self.feedPath, data: Data(try templates.render(feed, with: "feed").utf8)),
         PlannedFile(path: Self.robotsPath, data: Data(try templates.render(robots, with: "robots").utf8))]
    }

    var sitemap: SitemapView {
        let urls = pages.filter { $0.hasSuffix(".html") && $0 != "404.html" }.map { path in
            path == "index.html" ? "" : path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
        }.sorted()
        return SitemapView(pages: urls.map { SitemapPageView(url: baseURL.absolute + $0) })
    }

    var feed: FeedView {
        // Atom requires an author for every entry: the site's default author, else its publisher, else its name.
        let siteAuthor = site.author ?? site.publisher?.name ?? site.title
        let entries = briefings.map { briefing in
            FeedEntryView(title: briefing.title, url: baseURL.absolute + briefing.url, updated: Self.time(briefing.date),
                          author: briefing.author ?? siteAuthor, summary: briefing.summary ?? briefing.subtitle)
        }
        return FeedView(language: site.language, title: site.title, subtitle: site.description, siteURL: baseURL.absolute,
                        feedURL: baseURL.absolute + Self.feedPath, updated: briefings.first.map { Self.time($0.date) } ?? Self.undatedTime,
                        entries: entries)
    }

    var robots: RobotsView {
        RobotsView(sitemapURL: baseURL.absolute + Self.sitemapPath)
    }

    /// A partial date as an Atom time: the first moment of its year, month or day.
    static func time(_ date: String?) -> String {
        date.flatMap(PartialDate.init)?.firstMoment ?? undatedTime
    }
}
