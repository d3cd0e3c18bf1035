/// Turns annotated briefings into the site's pages, by the user's templates.
public struct SiteRenderer: Sendable {
    public var templates: TemplateSet
    /// Path of the stylesheet from the site root, e.g. `assets/style.css`.
    public var stylesheet: String
    /// Path of the script from the site root, if the templates have one.
    public var script: String?
    /// Where the site is published: absolute links for canonical URLs and social cards,
    /// and the base path for the 404 page, which is served at any depth.
    public var baseURL: BaseURL
    /// The site's name, description, language, publisher and default author.
    public var config: SiteConfig {
        didSet { dates = DateLanguage(tag: config.language) }
    }
    /// How dates are written in the site's language.
    private(set) var dates: DateLanguage

    /// Words per minute used for the reading time shown under a title.
    static let readingSpeed = 230

    public init(templates: TemplateSet, stylesheet: String, script: String? = nil, baseURL: BaseURL = .preview,
                config: SiteConfig = SiteConfig()) {
        self.templates = templates
        self.stylesheet = stylesheet
        self.script = script
        self.baseURL = baseURL
        self.config = config
        dates = DateLanguage(tag: config.language)
    }

    /// The briefing's own page, at `SLUG/index.html`.
    public func briefingPage(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> RenderedPage {
        let path = "\(briefing.slug)/index.html"
        return RenderedPage(path: path, html: try templates.render(try briefingPageView(briefing), with: "briefing", page: path))
    }

    func briefingPageView(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> BriefingPageView {
        let metadata = briefing.essay.metadata
        let words = briefing.wordCount
        let info = briefing.model?.model.info
        let glance = atAGlance(briefing)
        return BriefingPageView(
            page: page(path: "\(briefing.slug)/", title: metadata.title,
                       description: info?.summary ?? metadata.subtitle ?? metadata.title, type: "article",
                       briefingIndex: Self.searchIndexPath(of: briefing)),
            title: metadata.title, subtitle: metadata.subtitle, author: metadata.author ?? config.author, bio: metadata.bio,
            date: briefing.date, dateDisplay: briefing.date.map(dates.format(iso:)), breadcrumbs: metadata.breadcrumbs, hasBreadcrumbs: !metadata.breadcrumbs.isEmpty,
            figures: metadata.captions.map { FigureView(caption: $0.text, credit: $0.credit) },
            contents: briefing.outline.headings.map { TableOfContentsEntry(id: $0.id, title: $0.title ?? "") },
            hasContents: !briefing.outline.headings.isEmpty,
            body: try bodyWithFactBoxes(briefing), wordCount: words, readingMinutes: Self.readingMinutes(words),
            summary: info?.summary, source: info?.source, atAGlance: glance, hasAtAGlance: !glance.isEmpty,
            annotations: briefing.model.map {
                AnnotationSummaryView(factCount: $0.model.facts.count, eventCount: $0.model.events.count,
                                      entityCount: Set(briefing.mentions.map(\.entityID)).count)
            },
            previewData: briefing.model == nil ? nil : PreviewData(briefing: briefing, dates: dates).scriptJSON(),
            structuredData: ArticleData(briefing: briefing, url: baseURL.absolute + "\(briefing.slug)/", site: config, baseURL: baseURL).scriptJSON())
    }

    /// The home page: every briefing, newest first.
    func homePage(_ listings: [BriefingSummaryView]) throws(BuildFailure) -> RenderedPage {
        let path = "index.html"
        return RenderedPage(path: path, html: try templates.render(homePageView(listings), with: "index", page: path))
    }

    func homePageView(_ listings: [BriefingSummaryView]) -> HomePageView {
        HomePageView(page: page(path: "", title: config.title, description: config.description), description: config.description,
                     briefings: listings, isEmpty: listings.isEmpty)
    }

    /// The page a static host serves for any missing path, at any depth: so its links
    /// start from the base path instead of being relative.
    public func notFoundPage() throws(BuildFailure) -> RenderedPage {
        let path = "404.html"
        return RenderedPage(path: path, html: try templates.render(notFoundPageView(), with: "404", page: path))
    }

    func notFoundPageView() -> NotFoundPageView {
        NotFoundPageView(page: page(root: baseURL.path, path: "404.html", title: "Page not found", description: "Page not found"))
    }

    /// The view shared by every page; `path` is the page's folder from the site root
    /// (`""`, `"entities/nis/"`), which also says how deep it is.
    /// `briefingIndex` is the search index of the briefing the page belongs to.
    func page(path: String, title: String, description: String, type: String = "website", briefingIndex: String? = nil) -> PageView {
        page(root: String(repeating: "../", count: path.filter { $0 == "/" }.count), path: path, title: title,
             description: description, type: type, briefingIndex: briefingIndex)
    }

    private func page(root: String, path: String, title: String, description: String, type: String = "website",
                      briefingIndex: String? = nil) -> PageView {
        // The home page's title is the site's name; every other page says which site it is on.
        let documentTitle = path.isEmpty || title == config.title ? title : "\(title) – \(config.title)"
        return PageView(root: root, pageTitle: title, documentTitle: documentTitle, description: description,
                 language: config.language, stylesheet: root + stylesheet, script: script.map { root + $0 }, siteName: config.title,
                 canonicalURL: baseURL.absolute + path, type: type, feedURL: baseURL.absolute + Syndication.feedPath,
                 briefingIndex: briefingIndex)
    }

    /// A briefing's own search index, from the site's root.
    static func searchIndexPath(of briefing: AnnotatedBriefing) -> String { "\(briefing.slug)/\(SearchIndex.fileName)" }

    static func readingMinutes(_ words: Int) -> Int { max(1, (words + readingSpeed / 2) / readingSpeed) }
}

/// One page of the site: where it goes and what it says.
public struct RenderedPage: Sendable, Equatable {
    public var path: String
    public var html: String
}
