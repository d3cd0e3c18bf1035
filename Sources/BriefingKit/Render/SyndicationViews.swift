/// What `Templates/feed.mustache` gets: an Atom feed of the briefings, every URL absolute.
struct FeedView: Equatable, Sendable {
    var language: String
    var title: String
    var subtitle: String
    /// The site's absolute URL, which is also the feed's Atom id.
    var siteURL: String
    var feedURL: String
    /// The newest briefing's time, as Atom writes times.
    var updated: String
    var entries: [FeedEntryView]
}

extension FeedView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "language": language.templateValue,
            "title": title.templateValue,
            "subtitle": subtitle.templateValue,
            "siteURL": siteURL.templateValue,
            "feedURL": feedURL.templateValue,
            "updated": updated.templateValue,
            "entries": entries.templateValue,
        ])
    }
}

struct FeedEntryView: Equatable, Sendable {
    var title: String
    /// Absolute; also the entry's Atom id.
    var url: String
    var updated: String
    var author: String
    /// The editor's summary, else the subtitle.
    var summary: String?
}

extension FeedEntryView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "title": title.templateValue,
            "url": url.templateValue,
            "updated": updated.templateValue,
            "author": author.templateValue,
            "summary": summary.templateValue,
        ])
    }
}

/// What `Templates/sitemap.mustache` gets: the absolute URL of every page, sorted.
struct SitemapView: Equatable, Sendable {
    var pages: [SitemapPageView]
}

extension SitemapView: TemplateValue {
    var templateValue: TemplateData { .fields(["pages": pages.templateValue]) }
}

struct SitemapPageView: Equatable, Sendable {
    var url: String
}

extension SitemapPageView: TemplateValue {
    var templateValue: TemplateData { .fields(["url": url.templateValue]) }
}

/// What `Templates/robots.mustache` gets.
struct RobotsView: Equatable, Sendable {
    var sitemapURL: String
}

extension RobotsView: TemplateValue {
    var templateValue: TemplateData { .fields(["sitemapURL": sitemapURL.templateValue]) }
}
