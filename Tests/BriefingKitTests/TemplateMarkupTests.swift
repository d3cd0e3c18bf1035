import Foundation
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
        let facts = SiteFixtures.page(plan, "\(Self.slug)/facts/index.html")
        let chart = try #require(facts.firstMatch(of: /<figure class="chart" id="chart-wheat-harvest">.*?<\/figure>/))
        #expect(!chart.output.contains("\n"))
        #expect(chart.output.contains("<figcaption>Wheat harvest &lt;by year&gt;</figcaption>"))
        #expect(chart.output.contains("<svg class=\"chart-svg\" viewBox=\"0 0 600 96\" aria-hidden=\"true\">"))
        // The larger value fills the room left of its label; the smaller one in proportion.
        #expect(chart.output.contains("<rect class=\"chart-fill\" x=\"0\" y=\"21\" width=\"410\" height=\"14\" rx=\"2\"></rect>"))
        #expect(chart.output.contains("<rect class=\"chart-fill\" x=\"0\" y=\"67\" width=\"345.7\" height=\"14\" rx=\"2\"></rect>"))
        #expect(chart.output.contains("<tr><th scope=\"row\">Wheat harvest last year</th><td>4.3 million tonnes</td></tr>"))
        #expect(SiteFixtures.page(plan, "\(Self.slug)/index.html").contains(String(chart.output)))

        let feed = SiteFixtures.page(plan, "feed.xml")
        #expect(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("""
              <entry>
                <title>Grain Harvest Beats Forecasts</title>
                <id>http://127.0.0.1:8000/grain-harvest-beats-forecasts/</id>
                <link rel="alternate" type="text/html" href="http://127.0.0.1:8000/grain-harvest-beats-forecasts/"/>
                <updated>2022-08-30T00:00:00Z</updated>
                <author><name>Ines Varga</name></author>
                <summary>Farmers bring in more wheat than last year &amp; more barley</summary>
              </entry>
            </feed>

            """))
        #expect(SiteFixtures.page(plan, "sitemap.xml").contains("\n  <url><loc>http://127.0.0.1:8000/grain-harvest-beats-forecasts/facts/</loc></url>\n"))
        #expect(SiteFixtures.page(plan, "robots.txt") == "User-agent: *\nAllow: /\nSitemap: http://127.0.0.1:8000/sitemap.xml\n")
    }

    @Test("a changed chart partial and feed template change the pages and the feed")
    func editedTemplates() throws {
        let root = try Self.source()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.edit("partials/chart.mustache", in: root) { $0.replacingOccurrences(of: "class=\"chart-fill\"", with: "class=\"harvest-bar\"") }
        try Self.edit("feed.mustache", in: root) { $0.replacingOccurrences(of: "    <updated>{{updated}}</updated>\n", with: "    <updated>{{updated}}</updated>\n    <rights>{{author}}</rights>\n") }
        try Self.edit("robots.mustache", in: root) { $0.replacingOccurrences(of: "Allow: /", with: "Disallow: /entities/") }
        let plan = try SiteBuilder().plan(source: root)

        for page in ["\(Self.slug)/index.html", "\(Self.slug)/facts/index.html"] {
            let html = SiteFixtures.page(plan, page)
            #expect(html.matches(of: /<rect class="harvest-bar"/).count == 2, "in \(page)")
            #expect(!html.contains("chart-fill"), "in \(page)")
        }
        #expect(SiteFixtures.page(plan, "feed.xml").contains("<updated>2022-08-30T00:00:00Z</updated>\n    <rights>Ines Varga</rights>\n"))
        #expect(SiteFixtures.page(plan, "robots.txt").contains("Disallow: /entities/\n"))
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
        for path in ["feed.xml", "sitemap.xml", "robots.txt", "\(Self.slug)/index.html", "\(Self.slug)/facts/index.html"] {
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
