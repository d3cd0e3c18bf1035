import Foundation
import Testing
@testable import BriefingKit

/// Views spell out the dictionaries the templates read. These tests hold each view's
/// dictionary to what reflecting its fields gives, on every view a real site renders, so
/// a field added to a view but not to its dictionary is caught here.
@Suite("Template values")
struct TemplateValueTests {
    /// What the templates would read if views were reflected field by field.
    static func reflected(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                dictionary[label] = reflected(child.value)
            }
            return dictionary
        case .collection:
            return mirror.children.map { reflected($0.value) }
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return MissingValue() }
            return reflected(wrapped)
        default:
            return value
        }
    }

    /// Where two template values differ, as a path of keys, or nil when they are the same.
    static func difference(_ left: Any, _ right: Any, at path: String = "") -> String? {
        if let fields = left as? TemplateFields { return difference(fields.fields, right, at: path) }
        switch (left, right) {
        case let (left as String, right as String): return left == right ? nil : path
        case let (left as Int, right as Int): return left == right ? nil : path
        case let (left as Bool, right as Bool): return left == right ? nil : path
        case (is MissingValue, is MissingValue): return nil
        case let (left as [Any], right as [Any]):
            guard left.count == right.count else { return "\(path) (\(left.count) against \(right.count) elements)" }
            return zip(left, right).enumerated().lazy.compactMap { index, pair in difference(pair.0, pair.1, at: "\(path)[\(index)]") }.first
        case let (left as [String: Any], right as [String: Any]):
            guard Set(left.keys) == Set(right.keys) else {
                return "\(path) (keys \(left.keys.sorted()) against \(right.keys.sorted()))"
            }
            return left.sorted { $0.key < $1.key }.lazy.compactMap { key, value in
                right[key].flatMap { difference(value, $0, at: "\(path).\(key)") }
            }.first
        default: return "\(path) (\(type(of: left)) against \(type(of: right)))"
        }
    }

    /// Every view the renderer makes for the site of `sources`.
    static func views(of sources: SourceTree) throws -> [any TemplateValue] {
        let renderer = SiteRenderer(templates: try TemplateSet(files: sources.templates))
        let briefings = try SiteBuilder().planAndBriefings(for: sources).briefings
        var views: [any TemplateValue] = []
        var directory = EntityDirectory()
        var listings: [BriefingSummaryView] = []
        for briefing in briefings {
            views.append(try renderer.briefingPageView(briefing))
            if let facts = try renderer.factsPageView(briefing) { views.append(facts) }
            if let timeline = renderer.timelinePageView(briefing) { views.append(timeline) }
            let boxes = ViewBuilder(from: .briefing(slug: briefing.slug), briefing: briefing, dates: renderer.dates)
            for fact in briefing.model?.model.facts ?? [] {
                views.append(boxes.fact(fact, match: briefing.model?.factMatches[fact.id]))
            }
            let digest = renderer.digest(of: briefing, files: [])
            directory.add(digest)
            listings.append(digest.listing)
        }
        directory.finish()
        views += [renderer.homePageView(listings), renderer.notFoundPageView()] + renderer.entityIndexPageViews(directory)
        views += directory.sortedRecords.map { renderer.entityPageView($0, directory: directory) }
        return views
    }

    @Test("every view of the seed's site gives the templates its fields, nil ones as missing")
    func seedSite() throws {
        let views = try Self.views(of: SourceTree.load(from: TestSupport.packageRoot))
        #expect(views.count > 150)
        for view in views {
            let difference = Self.difference(view.templateValue, Self.reflected(view))
            #expect(difference == nil, "\(type(of: view)) differs at \(difference ?? "")")
        }
    }

    @Test("entity pages of a site with more briefings than they show in full give their fields")
    func manyBriefings() throws {
        let source = try ManyBriefingsTests.lakesSite(count: EntityDirectory.detailLimit + 2)
        let views = try Self.views(of: SourceTree.load(from: source))
        let listing = views.compactMap { $0 as? EntityPageView }.filter(\.hasOtherBriefings)
        #expect(!listing.isEmpty)
        for view in views {
            let difference = Self.difference(view.templateValue, Self.reflected(view))
            #expect(difference == nil, "\(type(of: view)) differs at \(difference ?? "")")
        }
    }

    @Test("the comparison finds a renamed key, a changed value and a missing value")
    func comparisonFindsDifferences() {
        let view = CompanionView(name: "Ostrava", url: "../ostrava/", count: 3)
        var renamed = (view.templateValue as? TemplateFields)?.fields ?? [:]
        renamed["title"] = renamed.removeValue(forKey: "name")
        #expect(Self.difference(renamed, Self.reflected(view)) != nil)
        var changed = CompanionView(name: "Ostrava", url: "../ostrava/", count: 4)
        #expect(Self.difference(changed.templateValue, Self.reflected(view)) == ".count")
        changed.count = 3
        #expect(Self.difference(changed.templateValue, Self.reflected(view)) == nil)
        let missing = EntityIndexEntryView(name: "Ostrava", url: "ostrava/", role: nil, mentionCount: 1)
        #expect(Self.difference(missing.templateValue, Self.reflected(EntityIndexEntryView(name: "Ostrava", url: "ostrava/", role: "town", mentionCount: 1))) == ".role (MissingValue against String)")
    }
}
