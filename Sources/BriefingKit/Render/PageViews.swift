/// What every page template gets: where the site's root is from the page, and the
/// page's own title. Links are relative so the site works at any path.
struct PageView: Equatable, Sendable {
    /// `""` on the home page, `"../"` one folder down, and so on.
    var root: String
    var pageTitle: String
    var description: String
    var stylesheet: String
    var script: String?
    var siteName: String
    var canonicalURL: String
    /// OpenGraph type: `article` for a briefing, `website` otherwise.
    var type: String
    var feedURL: String
    /// On a briefing's pages, its own search index (figures and paragraphs), from the root.
    var briefingIndex: String?
}

struct BriefingSummaryView: Equatable, Sendable {
    var url: String
    var title: String
    var subtitle: String?
    var author: String?
    var date: String?
    var summary: String?
    var readingMinutes: Int
}

struct FigureView: Equatable, Sendable {
    var caption: String
    var credit: String?
}

struct TableOfContentsEntry: Equatable, Sendable {
    var id: String
    var title: String
}

struct BriefingPageView: Equatable, Sendable {
    var page: PageView
    var title: String
    var subtitle: String?
    var author: String?
    var bio: String?
    var date: String?
    var breadcrumbs: [String]
    var hasBreadcrumbs: Bool
    var figures: [FigureView]
    var contents: [TableOfContentsEntry]
    var hasContents: Bool
    var body: String
    var wordCount: Int
    var readingMinutes: Int
    /// The editor's standfirst and the essay's source publication, from the model.
    var summary: String?
    var source: String?
    var atAGlance: [FactView]
    var hasAtAGlance: Bool
    var annotations: AnnotationSummaryView?
    /// Card data for the page's script, as JSON.
    var previewData: String?
    /// schema.org `Article` for search engines, as JSON-LD.
    var structuredData: String
}

/// Counts and links shown when a briefing has a model.
struct AnnotationSummaryView: Equatable, Sendable {
    var factCount: Int
    var eventCount: Int
    var entityCount: Int
}

struct HomePageView: Equatable, Sendable {
    var page: PageView
    var briefings: [BriefingSummaryView]
}

struct NotFoundPageView: Equatable, Sendable {
    var page: PageView
}
