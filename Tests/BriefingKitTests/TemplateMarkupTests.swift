import Foundation
import FoundationXML
import Testing
@testable import BriefingKit

/// The feed, sitemap, robots.txt and the bar charts are written by templates the user can
/// change, and a site whose `Templates/` predates them builds with the embedded defaults.
@Suite("Template markup")
struct TemplateMarkupTests {
    static let harvest = """
    ---
    title: Grain Harvest Beats Forecasts
    subtitle: Farmers bring in more wheat than last year & more barley
    author: Ines Varga
    date: 2022-08-30
    ---

    The wheat harvest reached 5.1 million tonnes this summer, against 4.3 million tonnes last year.

    Barley growers reported a smaller gain.

    """

    static let harvestModel = """
    briefing:
      compare_titles:
        wheat-harvest: "Wheat harvest <by year>"
    facts:
      - id: wheat-this-year
        figure: "5.1 million tonnes"
        label: "Wheat harvest this summer"
        quote: "reached 5.1 million tonnes this summer"
        value: 5100000
        unit: tonnes
        compare: wheat-harvest
      - id: wheat-last-year
        figure: "4.3 million tonnes"
        label: "Wheat harvest last year"
        quote: "4.3 million tonnes last year"
        value: 4300000
        unit: tonnes
        compare: wheat-harvest

    """

    static func source() throws -> URL {
        try TestSupport.sourceFolder(seeds: ["harvest.md": Data(harvest.utf8), "harvest.yml": Data(harvestModel.utf8)])
    }

    static func edit(_ template: String, in root: URL, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent("Templates/\(template)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit must change \(template)")
        try Data(changed.utf8).write(to: url)
    }

    static let slug = "grain-harvest-beats-forecasts"

    @Test("the default templates write the chart, feed, sitemap and robots.txt with escaped text")
    func defaults() throws {
        let root = try Self.source()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try SiteBuilder().plan(source: root)
        let chartID = Anchor.chart("wheat-harvest").id
        let factsFile = try #require(plan.files[Route.facts(slug: Self.slug).file])
        // The compare title is text, escaped: no element of its own.
        #expect(!String(decoding: factsFile, as: UTF8.self).contains("<by year>"))
        let chart = try #require(HTMLPage(factsFile).element(id: chartID))
        #expect(chart.all("figcaption").map(\.text) == ["Wheat harvest <by year>"])
        // The HTML parser reads attribute names in lower case.
        #expect(chart.all("svg").first?.attributes["viewbox"] == "0 0 600 96")
        // The larger value fills the room left of its label; the smaller one in proportion.
        #expect(chart.all("rect").map { [$0.attributes["y"], $0.attributes["width"]] } == [["21", "410"], ["67", "345.7"]])
        #expect(chart.all("th").map(\.text) == ["Wheat harvest this summer", "Wheat harvest last year"])
        #expect(chart.all("td").map(\.text) == ["5.1 million tonnes", "4.3 million tonnes"])
        let briefing = HTMLPage(plan.files[Route.briefing(slug: Self.slug).file] ?? Data())
        #expect(briefing.element(id: chartID)?.all("rect").count == 2)

        let feed = try XMLDocument(data: plan.files[Route.feed.file] ?? Data())
        let entries = feed.rootElement()?.elements(forName: "entry") ?? []
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        func value(_ name: String) -> String? { entry.elements(forName: name).first?.stringValue }
        let url = BaseURL.preview.absolute + Route.briefing(slug: Self.slug).address
        #expect(value("title") == "Grain Harvest Beats Forecasts")
        #expect(value("id") == url)
        #expect(entry.elements(forName: "link").first?.attributes?.first { $0.name == "href" }?.stringValue == url)
        #expect(value("updated") == "2022-08-30T00:00:00Z")
        #expect(entry.elements(forName: "author").first?.elements(forName: "name").first?.stringValue == "Ines Varga")
        #expect(value("summary") == "Farmers bring in more wheat than last year & more barley")

        let sitemap = try XMLDocument(data: plan.files[Route.sitemap.file] ?? Data())
        let locations = try sitemap.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        #expect(locations.contains(BaseURL.preview.absolute + Route.facts(slug: Self.slug).address))
        #expect(!locations.contains(BaseURL.preview.absolute + Route.notFound.address))
        let robots = SiteFixtures.page(plan, Route.robots.file).split(separator: "\n")
        #expect(robots.contains("Sitemap: \(BaseURL.preview.absolute + Route.sitemap.address)"))
    }

    /// Puts the fixture template `name` of the test bundle in place of the site's own.
    static func useFixture(_ name: String, in root: URL) throws {
        let fixture = try Data(contentsOf: TestSupport.fixture("templates/\(name)"))
        try fixture.write(to: root.appendingPathComponent("Templates/\(name)"))
    }

    @Test("a changed chart partial and feed template change the pages and the feed")
    func editedTemplates() throws {
        let root = try Self.source()
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["partials/chart.mustache", "feed.mustache", "robots.mustache"] {
            try Self.useFixture(name, in: root)
        }
        let plan = try SiteBuilder().plan(source: root)

        let chart = "<figure id=\"\(Anchor.chart("wheat-harvest").id)\" data-size=\"600x96\"><b data-bar=\"21 410\">5.1 million tonnes</b><b data-bar=\"67 345.7\">4.3 million tonnes</b></figure>"
        for route in [Route.briefing(slug: Self.slug), .facts(slug: Self.slug)] {
            #expect(SiteFixtures.page(plan, route.file).contains(chart), "in \(route.file)")
        }
        let url = BaseURL.preview.absolute + Route.briefing(slug: Self.slug).address
        #expect(SiteFixtures.page(plan, Route.feed.file)
                == "Grain Harvest Beats Forecasts | \(url) | 2022-08-30T00:00:00Z | Ines Varga | Farmers bring in more wheat than last year &amp; more barley\n")
        #expect(SiteFixtures.page(plan, Route.robots.file) == "Disallow: /\nSitemap: \(BaseURL.preview.absolute + Route.sitemap.address)\n")
    }

    @Test("a site whose Templates/ lacks the feed, sitemap, robots and chart templates builds as with the defaults")
    func olderSiteFallsBack() throws {
        let current = try Self.source()
        let older = try Self.source()
        defer {
            try? FileManager.default.removeItem(at: current)
            try? FileManager.default.removeItem(at: older)
        }
        for name in TemplateSet.defaultedNames {
            try FileManager.default.removeItem(at: older.appendingPathComponent("Templates/\(name).mustache"))
        }
        let expected = try SiteBuilder().plan(source: current)
        let plan = try SiteBuilder().plan(source: older)
        #expect(plan.paths == expected.paths)
        for path in [Route.feed, .sitemap, .robots, .briefing(slug: Self.slug), .facts(slug: Self.slug)].map(\.file) {
            #expect(plan.files[path] == expected.files[path], "\(path)")
        }
    }

    @Test("a syntax error in the chart partial is reported at its line")
    func brokenChartPartial() throws {
        let root = try Self.source()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.edit("partials/chart.mustache", in: root) { $0 + "{{#bars}}\n" }
        do {
            _ = try SiteBuilder().plan(source: root)
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.contains { $0.file == "Templates/partials/chart.mustache" && $0.line != nil })
        }
    }
}
