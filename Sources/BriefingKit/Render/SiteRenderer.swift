/// Turns annotated briefings into the site's pages, by the user's templates.
public struct SiteRenderer: Sendable {
    public var templates: TemplateSet
    /// The names the files of `Templates/assets/` are published under, by their own
    /// names: `style.css` → `style.3f2a1c09d4.css`.
    public var assetNames: [String: String]
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

    public init(templates: TemplateSet, assetNames: [String: String] = [:], baseURL: BaseURL = .preview,
                config: SiteConfig = SiteConfig()) {
        self.templates = templates
        self.assetNames = assetNames
        self.baseURL = baseURL
        self.config = config
        dates = DateLanguage(tag: config.language)
    }

    /// The briefing's own page.
    public func briefingPage(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> RenderedPage {
        try render(briefingPageView(briefing), with: "briefing", at: .briefing(slug: briefing.slug))
    }

    func briefingPageView(_ briefing: AnnotatedBriefing) throws(BuildFailure) -> BriefingPageView {
        let metadata = briefing.essay.metadata
        let words = briefing.wordCount
        let info = briefing.model?.model.info
        let glance = atAGlance(briefing)
        let route = Route.briefing(slug: briefing.slug)
        let links = PageLinks(from: route)
        return BriefingPageView(
            page: page(route, title: metadata.title,
                       description: info?.summary ?? metadata.subtitle ?? metadata.title, type: "article"),
            title: metadata.title, subtitle: metadata.subtitle, author: metadata.author ?? config.author, bio: metadata.bio,
            date: briefing.date, dateDisplay: briefing.date.map(dates.format(iso:)), breadcrumbs: metadata.breadcrumbs, hasBreadcrumbs: !metadata.breadcrumbs.isEmpty,
            figures: metadata.captions.map { FigureView(caption: $0.text, credit: $0.credit) },
            contents: briefing.outline.headings.map { TableOfContentsEntry(url: links.here(.section($0.id)), title: $0.title ?? "") },
            hasContents: !briefing.outline.headings.isEmpty,
            body: try bodyWithFactBoxes(briefing), wordCount: words, readingMinutes: Self.readingMinutes(words),
            summary: info?.summary, source: info?.source, atAGlance: glance, hasAtAGlance: !glance.isEmpty,
            annotations: briefing.model.map {
                let entityCount = Set(briefing.mentions.map(\.entityID)).count
                return AnnotationSummaryView(factCount: $0.model.facts.count, eventCount: $0.model.events.count, entityCount: entityCount,
                                      factsURL: links.to(.facts(slug: briefing.slug)), timelineURL: links.to(.timeline(slug: briefing.slug)),
                                      entityIndexURL: entityCount == 0 ? nil : links.to(.entityIndex), dataURL: links.to(.briefingData(slug: briefing.slug)),
                                      factsTableURL: links.to(.factsTable(slug: briefing.slug)))
            },
            structuredData: ArticleData(briefing: briefing, url: baseURL.absolute + route.address, site: config, baseURL: baseURL).scriptJSON())
    }

    /// The pages of the home page: every briefing, newest first, `paginate` to a page.
    func homePages(_ listings: [BriefingSummaryView]) throws(BuildFailure) -> [RenderedPage] {
        let pages = PaginationView.pages(listings, size: config.paginate)
        var rendered: [RenderedPage] = []
        for (index, briefings) in pages.enumerated() {
            let view = homePageView(Array(briefings), page: index + 1, of: pages.count, isEmpty: listings.isEmpty)
            rendered.append(try render(view, with: "index", at: .home(page: index + 1)))
        }
        return rendered
    }

    func homePageView(_ listings: [BriefingSummaryView], page number: Int = 1, of count: Int = 1, isEmpty: Bool? = nil) -> HomePageView {
        let route = Route.home(page: number)
        let links = PageLinks(from: route)
        // A listing links from the first page; the later pages stand two folders down.
        let listings = number == 1 ? listings : listings.map { listing in
            var listing = listing
            listing.url = links.to(.briefing(slug: listing.slug))
            return listing
        }
        let pagination = paginationView(number, of: count, at: Route.home(page:), previous: "Newer", next: "Older")
        return HomePageView(page: page(route, title: number == 1 ? config.title : "Page \(number)", description: config.description,
                                       pagination: pagination),
                            description: config.description, briefings: listings, isEmpty: isEmpty ?? listings.isEmpty,
                            pagination: pagination)
    }

    /// Where page `number` of `count` stands, with links to its neighbours from it; nil
    /// for a list of one page.
    func paginationView(_ number: Int, of count: Int, at route: (Int) -> Route, previous: String, next: String) -> PaginationView? {
        guard count > 1 else { return nil }
        let links = PageLinks(from: route(number))
        return PaginationView(number: number, count: count, previousURL: number > 1 ? links.to(route(number - 1)) : nil,
                              nextURL: number < count ? links.to(route(number + 1)) : nil, previousLabel: previous, nextLabel: next)
    }

    /// The page a static host serves for any missing path, at any depth: so its links
    /// start from the base path instead of being relative.
    public func notFoundPage() throws(BuildFailure) -> RenderedPage {
        try render(notFoundPageView(), with: "404", at: .notFound)
    }

    func notFoundPageView() -> NotFoundPageView {
        NotFoundPageView(page: page(.notFound, links: PageLinks(rootedAt: baseURL.path), title: "Page not found", description: "Page not found"))
    }

    /// Renders `view` with the template `name` into the file of `route`. Only site-wide
    /// pages are offered to the page cache: a briefing's own pages are rendered again only
    /// when the briefing changed, so keeping them would only hold a thousand pages in memory.
    func render(_ view: some TemplateValue & Equatable & Sendable, with name: String, at route: Route) throws(BuildFailure) -> RenderedPage {
        RenderedPage(path: route.file, html: try templates.render(view, with: name, page: Self.briefingSlug(of: route) == nil ? route.file : nil))
    }

    /// The view shared by every page. The pages of a briefing search the briefing page too.
    func page(_ route: Route, links: PageLinks? = nil, title: String, description: String, type: String = "website",
              pagination: PaginationView? = nil) -> PageView {
        let links = links ?? PageLinks(from: route)
        // The home page's title is the site's name; every other page says which site it is on.
        let documentTitle = route == .home || title == config.title ? title : "\(title) – \(config.title)"
        let indexes = [Route.siteSearchIndex] + (Self.briefingSlug(of: route).map { [Route.briefing(slug: $0)] } ?? [])
        return PageView(root: links.root, pageTitle: title, documentTitle: documentTitle, description: description,
                        language: config.language, stylesheet: links.to(asset("style.css")), script: assetNames["briefing.js"].map { links.to(.asset(name: $0)) },
                        icon: assetNames["favicon.svg"].map { links.to(.asset(name: $0)) }, siteName: config.title,
                        canonicalURL: baseURL.absolute + route.address, type: type, feedURL: baseURL.absolute + Route.feed.address,
                        // A page's link to itself is empty, which would name no source.
                        searchIndexes: indexes.map { links.to($0) }.map { $0.isEmpty ? "./" : $0 }.joined(separator: " "),
                        previousURL: pagination?.previousURL, nextURL: pagination?.nextURL)
    }

    /// The published form of a file of `Templates/assets/`.
    private func asset(_ name: String) -> Route { .asset(name: assetNames[name] ?? name) }

    /// The briefing a page belongs to.
    private static func briefingSlug(of route: Route) -> String? {
        switch route {
        case let .briefing(slug), let .facts(slug), let .timeline(slug): slug
        default: nil
        }
    }

    static func readingMinutes(_ words: Int) -> Int { max(1, (words + readingSpeed / 2) / readingSpeed) }
}

/// One page of the site: where it goes and what it says.
public struct RenderedPage: Sendable, Equatable {
    public var path: String
    public var html: String
}
