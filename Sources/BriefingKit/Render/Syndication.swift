import Foundation

/// What search engines and feed readers fetch: `sitemap.xml`, an Atom `feed.xml` of the
/// briefings, and `robots.txt` pointing at the sitemap, each rendered by its template.
/// All URLs are absolute, from the base URL, as both formats require.
struct Syndication {
    /// Atom requires an update time; a briefing without a date counts from this one.
    static let undatedTime = "2000-01-01T00:00:00Z"
    /// The feed holds the newest briefings only: readers poll it, and want what is new.
    static let feedLimit = 20

    let baseURL: BaseURL
    /// The feed's title, subtitle, language and the author of unsigned briefings.
    let site: SiteConfig
    /// The briefings, newest first.
    let briefings: [BriefingSummaryView]
    /// Paths of the site's pages.
    let pages: [String]

    func files(templates: TemplateSet) throws(BuildFailure) -> [PlannedFile] {
        [PlannedFile(path: Route.sitemap.file, data: Data(try templates.render(sitemap, with: "sitemap").utf8)),
         PlannedFile(path: Route.feed.file, data: Data(try templates.render(feed, with: "feed").utf8)),
         PlannedFile(path: Route.robots.file, data: Data(try templates.render(robots, with: "robots").utf8))]
    }

    var sitemap: SitemapView {
        let urls = pages.compactMap(Route.pageAddress(ofFile:)).sorted()
        return SitemapView(pages: urls.map { SitemapPageView(url: baseURL.absolute + $0) })
    }

    var feed: FeedView {
        // Atom requires an author for every entry: the site's default author, else its publisher, else its name.
        let siteAuthor = site.author ?? site.publisher?.name ?? site.title
        let entries = briefings.prefix(Self.feedLimit).map { briefing in
            FeedEntryView(title: briefing.title, url: baseURL.absolute + Route.briefing(slug: briefing.slug).address, updated: Self.time(briefing.date),
                          author: briefing.author ?? siteAuthor, summary: briefing.summary ?? briefing.subtitle)
        }
        return FeedView(language: site.language, title: site.title, subtitle: site.description, siteURL: baseURL.absolute,
                        feedURL: baseURL.absolute + Route.feed.address, updated: briefings.first.map { Self.time($0.date) } ?? Self.undatedTime,
                        entries: entries)
    }

    var robots: RobotsView {
        RobotsView(sitemapURL: baseURL.absolute + Route.sitemap.address)
    }

    /// A partial date as an Atom time: the first moment of its year, month or day.
    static func time(_ date: String?) -> String {
        date.flatMap(PartialDate.init)?.firstMoment ?? undatedTime
    }
}
