import Foundation
import Testing
@testable import BriefingKit

/// Views spell out the dictionaries the templates read. These tests hold each view's
/// dictionary to what reflecting its fields gives, on every view a real site renders, so
/// a field added to a view but not to its dictionary is caught here.
@Suite("Template values")
struct TemplateValueTests {
    /// What the templates would read if views were reflected field by field; a value of a
    /// type templates cannot read is an unread `.text` naming its type, which no view's
    /// own value matches.
    static func reflected(_ value: Any) -> TemplateData {
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .number(number)
        case let flag as Bool: return .flag(flag)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: TemplateData] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                fields[label] = reflected(child.value)
            }
            return .fields(fields)
        case .collection:
            return .list(mirror.children.map { reflected($0.value) })
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return .missing }
            return reflected(wrapped)
        default:
            return .text("unreadable \(type(of: value))")
        }
    }

    /// Where two template values differ, as a path of keys, or nil when they are the same.
    static func difference(_ left: TemplateData, _ right: TemplateData, at path: String = "") -> String? {
        switch (left, right) {
        case let (.list(left), .list(right)):
            guard left.count == right.count else { return "\(path) (\(left.count) against \(right.count) elements)" }
            return zip(left, right).enumerated().lazy.compactMap { index, pair in difference(pair.0, pair.1, at: "\(path)[\(index)]") }.first
        case let (.fields(left), .fields(right)):
            guard Set(left.keys) == Set(right.keys) else {
                return "\(path) (keys \(left.keys.sorted()) against \(right.keys.sorted()))"
            }
            return left.sorted { $0.key < $1.key }.lazy.compactMap { key, value in
                right[key].flatMap { difference(value, $0, at: "\(path).\(key)") }
            }.first
        case (.text, .text), (.number, .number), (.flag, .flag), (.missing, .missing):
            return left == right ? nil : path
        default:
            return "\(path) (\(kind(of: left)) against \(kind(of: right)))"
        }
    }

    private static func kind(of value: TemplateData) -> String {
        switch value {
        case .text: "text"
        case .number: "number"
        case .flag: "flag"
        case .list: "list"
        case .fields: "fields"
        case .missing: "missing"
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
        guard case var .fields(renamed) = view.templateValue else {
            Issue.record("a view gives its fields")
            return
        }
        renamed["title"] = renamed.removeValue(forKey: "name")
        #expect(Self.difference(.fields(renamed), Self.reflected(view)) != nil)
        var changed = CompanionView(name: "Ostrava", url: "../ostrava/", count: 4)
        #expect(Self.difference(changed.templateValue, Self.reflected(view)) == ".count")
        changed.count = 3
        #expect(Self.difference(changed.templateValue, Self.reflected(view)) == nil)
        let missing = EntityIndexEntryView(name: "Ostrava", url: "ostrava/", role: nil, mentionCount: 1)
        #expect(Self.difference(missing.templateValue, Self.reflected(EntityIndexEntryView(name: "Ostrava", url: "ostrava/", role: "town", mentionCount: 1))) == ".role (missing against text)")
    }
}
