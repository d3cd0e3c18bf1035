import Foundation
import Testing
@testable import BriefingKit

@Suite("Home page")
struct HomePageTests {
    /// The reader's text of each briefing's entry on the home page, newest first.
    static func entries(_ home: String) -> [String] {
        home.matches(of: /<li>\s*<article[^>]*>(.*?)<\/article>/.dotMatchesNewlines()).map {
            HTMLTextExtractor.text(of: String($0.output.1)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    @Test("each briefing shows its standfirst, date, source, author and reading time, newest first")
    func listing() throws {
        let plan = try SiteBuilder().plan(source: SiteFixtures.source())
        let home = SiteFixtures.page(plan, "index.html")
        let entries = Self.entries(home)
        try #require(entries.count == 3)

        // The model's summary is the standfirst, and its source and date are shown.
        #expect(entries[0].hasPrefix("Bond Yields Climb as Inflation Lingers"))
        #expect(entries[0].contains("Yields rose because traders stopped betting on early rate cuts."))
        #expect(entries[0].hasSuffix("Market Notes 1 March 2024 1 min read"))
        #expect(!entries[0].contains("By "))

        // Without a model, the subtitle is the standfirst.
        #expect(entries[1].hasPrefix("Port Strike Ends After Nine Days"))
        #expect(entries[1].contains("Dockers accept a pay rise and cranes restart at dawn"))
        #expect(entries[1].hasSuffix("By Mira Holt 14 September 2023 1 min read"))

        #expect(entries[2].hasPrefix("The Last Ferry of Winter"))
        #expect(entries[2].contains("By Tomas Reyes"))
        #expect(entries[2].contains("1 March 2021"))
        let words = SiteFixtures.longForm.split(whereSeparator: \.isWhitespace).count
        #expect(entries[2].contains("\(SiteRenderer.readingMinutes(words)) min read"))
        #expect(SiteRenderer.readingMinutes(words) > 1)

        // Machines still get the ISO date.
        #expect(home.contains("<time datetime=\"2024-03-01\">1 March 2024</time>"))
        #expect(!home.contains("No briefings yet"))
    }

    @Test("a site with no briefing builds, and its home page says how to add one")
    func emptySite() throws {
        let source = try TestSupport.sourceFolder(seeds: [:])
        let plan = try SiteBuilder().plan(source: source)
        let home = HTMLTextExtractor.text(of: SiteFixtures.page(plan, "index.html"))
        #expect(home.contains("No briefings yet"))
        #expect(home.contains("seeds/NAME.txt"))
        #expect(home.contains("briefing draft seeds/NAME.txt"))
        #expect(LinkChecker.brokenLinks(in: plan).isEmpty)
        #expect(plan.files["feed.xml"] != nil && plan.files["entities/index.html"] == nil)
    }
}
