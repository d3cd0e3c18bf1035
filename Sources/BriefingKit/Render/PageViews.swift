/// What every page template gets: links to the site's root, assets and search indexes
/// from the page, and the page's own title.
struct PageView: Equatable, Sendable {
    /// The link to the home page, which is also what the search script puts before the
    /// addresses in the indexes: `""` on the home page, `"../"` one folder down.
    var root: String
    var pageTitle: String
    /// What `<title>` says: the page's title and the site's name.
    var documentTitle: String
    var description: String
    /// The site's BCP 47 language tag, for `<html lang>`.
    var language: String
    var stylesheet: String
    var script: String?
    var icon: String?
    var siteName: String
    var canonicalURL: String
    /// OpenGraph type: `article` for a briefing, `website` otherwise.
    var type: String
    var feedURL: String
    /// What the page's search box looks through, separated by spaces: the site's index
    /// (`search.json`), and on a briefing's pages the briefing page, whose figures and
    /// paragraphs the search script reads from it.
    var searchIndexes: String
    /// The pages before and after this one, on a list split into pages.
    var previousURL: String?
    var nextURL: String?
}

extension PageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "root": root.templateValue,
            "pageTitle": pageTitle.templateValue,
            "documentTitle": documentTitle.templateValue,
            "description": description.templateValue,
            "language": language.templateValue,
            "stylesheet": stylesheet.templateValue,
            "script": script.templateValue,
            "icon": icon.templateValue,
            "siteName": siteName.templateValue,
            "canonicalURL": canonicalURL.templateValue,
            "type": type.templateValue,
            "feedURL": feedURL.templateValue,
            "searchIndexes": searchIndexes.templateValue,
            "previousURL": previousURL.templateValue,
            "nextURL": nextURL.templateValue,
        ])
    }
}

struct BriefingSummaryView: Equatable, Sendable {
    var slug: String
    /// The link from the home page.
    var url: String
    var title: String
    var subtitle: String?
    var author: String?
    /// ISO (`2020-01-23`), for `<time datetime>` and for ordering.
    var date: String?
    /// As readers expect it in the site's language: `23 January 2020`.
    var dateDisplay: String?
    var summary: String?
    /// What the home page shows under the title: the editor's summary, else the subtitle.
    var standfirst: String?
    /// The publication the essay first appeared in, from the model.
    var source: String?
    var readingMinutes: Int
}

extension BriefingSummaryView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "slug": slug.templateValue,
            "url": url.templateValue,
            "title": title.templateValue,
            "subtitle": subtitle.templateValue,
            "author": author.templateValue,
            "date": date.templateValue,
            "dateDisplay": dateDisplay.templateValue,
            "summary": summary.templateValue,
            "standfirst": standfirst.templateValue,
            "source": source.templateValue,
            "readingMinutes": readingMinutes.templateValue,
        ])
    }
}

struct FigureView: Equatable, Sendable {
    var caption: String
    var credit: String?
}

extension FigureView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "caption": caption.templateValue,
            "credit": credit.templateValue,
        ])
    }
}

struct TableOfContentsEntry: Equatable, Sendable {
    var url: String
    var title: String
}

extension TableOfContentsEntry: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "url": url.templateValue,
            "title": title.templateValue,
        ])
    }
}

struct BriefingPageView: Equatable, Sendable {
    var page: PageView
    var title: String
    var subtitle: String?
    var author: String?
    var bio: String?
    var date: String?
    var dateDisplay: String?
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
    /// schema.org `Article` for search engines, as JSON-LD.
    var structuredData: String
}

extension BriefingPageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "page": page.templateValue,
            "title": title.templateValue,
            "subtitle": subtitle.templateValue,
            "author": author.templateValue,
            "bio": bio.templateValue,
            "date": date.templateValue,
            "dateDisplay": dateDisplay.templateValue,
            "breadcrumbs": breadcrumbs.templateValue,
            "hasBreadcrumbs": hasBreadcrumbs.templateValue,
            "figures": figures.templateValue,
            "contents": contents.templateValue,
            "hasContents": hasContents.templateValue,
            "body": body.templateValue,
            "wordCount": wordCount.templateValue,
            "readingMinutes": readingMinutes.templateValue,
            "summary": summary.templateValue,
            "source": source.templateValue,
            "atAGlance": atAGlance.templateValue,
            "hasAtAGlance": hasAtAGlance.templateValue,
            "annotations": annotations.templateValue,
            "structuredData": structuredData.templateValue,
        ])
    }
}

/// Counts and links shown when a briefing has a model.
struct AnnotationSummaryView: Equatable, Sendable {
    var factCount: Int
    var eventCount: Int
    var entityCount: Int
    var factsURL: String
    var timelineURL: String
    /// Nil when the briefing names no entity: a site whose briefings name none has no
    /// entity index to link to.
    var entityIndexURL: String?
    var dataURL: String
    var factsTableURL: String
}

extension AnnotationSummaryView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "factCount": factCount.templateValue,
            "eventCount": eventCount.templateValue,
            "entityCount": entityCount.templateValue,
            "factsURL": factsURL.templateValue,
            "timelineURL": timelineURL.templateValue,
            "entityIndexURL": entityIndexURL.templateValue,
            "dataURL": dataURL.templateValue,
            "factsTableURL": factsTableURL.templateValue,
        ])
    }
}

struct HomePageView: Equatable, Sendable {
    var page: PageView
    /// The site's description from `site.yml`, shown under the heading.
    var description: String
    var briefings: [BriefingSummaryView]
    /// No briefing yet: the page says how to add one.
    var isEmpty: Bool
    /// Nil when every briefing fits on one page.
    var pagination: PaginationView?
}

extension HomePageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "page": page.templateValue,
            "description": description.templateValue,
            "briefings": briefings.templateValue,
            "isEmpty": isEmpty.templateValue,
            "pagination": pagination.templateValue,
        ])
    }
}

struct NotFoundPageView: Equatable, Sendable {
    var page: PageView
}

extension NotFoundPageView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "page": page.templateValue,
        ])
    }
}
