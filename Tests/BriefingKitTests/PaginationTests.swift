import Foundation
import Testing
@testable import BriefingKit

/// The home page and the entity index split into pages of `paginate` entries, linked in
/// order and listed in the sitemap.
@Suite("Pagination")
struct PaginationTests {
    static func page(_ plan: SitePlan, _ route: Route) -> HTMLPage {
        HTMLPage(plan.files[route.file] ?? Data())
    }

    /// Where the page's `<link rel=…>` and its pagination's links of that rel lead.
    static func targets(_ page: HTMLPage, rel: String, from route: Route) -> [String] {
        page.elements.filter { $0.attributes["rel"] == rel }.compactMap { $0.attributes["href"].flatMap { HTMLPage.target(of: $0, from: route) } }
    }

    @Test("with paginate: 2, three briefings fill two pages of the home page, linked both ways and in the sitemap")
    func homePages() throws {
        let plan = try SiteBuilder().plan(source: SiteFixtures.source(siteFile: "paginate: 2\n"))
        let first = Self.page(plan, .home)
        let second = Self.page(plan, .homePage(2))
        // Newest first across the pages.
        #expect(HomePageTests.entries(SiteFixtures.page(plan, Route.home.file)).map { $0.prefix(20) }
                == ["Bond Yields Climb as", "Port Strike Ends Aft"])
        #expect(HomePageTests.entries(SiteFixtures.page(plan, Route.homePage(2).file)).map { $0.prefix(20) } == ["The Last Ferry of Wi"])
        #expect(plan.files[Route.homePage(3).file] == nil)

        // <link rel> in the head and the links of the pagination, both ways.
        #expect(Self.targets(first, rel: "next", from: .home) == [Route.homePage(2).address, Route.homePage(2).address])
        #expect(Self.targets(first, rel: "prev", from: .home).isEmpty)
        #expect(Self.targets(second, rel: "prev", from: .homePage(2)) == [Route.home.address, Route.home.address])
        #expect(Self.targets(second, rel: "next", from: .homePage(2)).isEmpty)
        #expect(first.text.contains("Page 1 of 2") && second.text.contains("Page 2 of 2"))
        #expect(second.all("title").map(\.text) == ["Page 2 – Briefing"])
        #expect(second.all("link").contains { $0.attributes["rel"] == "canonical" && $0.attributes["href"] == "http://127.0.0.1:8000/page/2/" })

        let sitemap = SiteFixtures.page(plan, Route.sitemap.file)
        #expect(sitemap.contains("<loc>http://127.0.0.1:8000/page/2/</loc>"))
        // Every link of both pages leads to a page of the site, the briefings' included.
        #expect(LinkChecker.brokenLinks(in: plan).filter { [Route.home.file, Route.homePage(2).file].contains($0.page) }.isEmpty)
        #expect(second.linkTargets(from: .homePage(2)).contains(Route.briefing(slug: "the-last-ferry-of-winter").address))
    }

    @Test("a site that fits on one page has no pagination and no rel links")
    func onePage() throws {
        let plan = try SiteBuilder().plan(source: SiteFixtures.source())
        let home = Self.page(plan, .home)
        #expect(Self.targets(home, rel: "next", from: .home).isEmpty && Self.targets(home, rel: "prev", from: .home).isEmpty)
        #expect(home.all("nav").allSatisfy { $0.attributes["class"] != "pagination" })
        #expect(plan.files[Route.homePage(2).file] == nil && plan.files[Route.entityIndexPage(2).file] == nil)
    }

    @Test("the entity index splits by paginate too, and its list of kinds links to each kind's first page")
    func entityIndexPages() throws {
        let model = """
        entities:
          - id: kessel
            name: Kessel
            kind: place
            aliases: [Kessel]
          - id: lena-dorn
            name: Lena Dorn
            kind: person
            aliases: [Lena Dorn]
          - id: harbour-board
            name: Kessel Harbour Board
            kind: organisation
            aliases: [Kessel Harbour Board]

        """
        let source = try TestSupport.sourceFolder(seeds: ["harbour.md": Data(IncrementalBuildTests.harbour.replacingOccurrences(of: "Fishermen in", with: "Lena Dorn said fishermen in").utf8),
                                                         "harbour.yml": Data(model.utf8)])
        try Data("paginate: 2\n".utf8).write(to: source.appendingPathComponent("site.yml"))
        let plan = try SiteBuilder().plan(source: source)
        let first = Self.page(plan, .entityIndex)
        let second = Self.page(plan, .entityIndexPage(2))
        // By kind, in the order of kinds: people, organisations, places.
        let names = { (page: HTMLPage, route: Route) in
            page.linkTargets(from: route).filter { $0.hasPrefix("entities/") && $0 != Route.entityIndex.address && !$0.contains("page/") && !$0.contains("#") }
        }
        #expect(names(first, .entityIndex) == [Route.entity(id: "lena-dorn").address, Route.entity(id: "harbour-board").address])
        #expect(names(second, .entityIndexPage(2)) == [Route.entity(id: "kessel").address])
        #expect(first.text.contains("3 names"))
        #expect(second.text.contains("3 names"))
        // Each page's list of kinds reaches every kind's group, wherever it stands.
        let kinds = try #require(second.all("nav").first { $0.attributes["class"] == "kind-nav" })
        #expect(kinds.links.compactMap { HTMLPage.target(of: $0, from: .entityIndexPage(2)) } == [Route.entityIndex.address + "#person",
                                                                 Route.entityIndex.address + "#organisation",
                                                                 Route.entityIndexPage(2).address + "#place"])
        #expect(Self.targets(first, rel: "next", from: .entityIndex).first == Route.entityIndexPage(2).address)
        #expect(SiteFixtures.page(plan, Route.sitemap.file).contains("<loc>http://127.0.0.1:8000/entities/page/2/</loc>"))
        #expect(LinkChecker.brokenLinks(in: plan).isEmpty)
    }

    @Test("paginate must be a whole number, 1 or more, said at its line and column")
    func badPaginate() throws {
        for value in ["0", "-3", "ten", "2.5", "\"2\"", "[2]"] {
            let (config, problems) = SiteConfigLoader().load(TextFile(path: "site.yml", text: "title: Harbour\npaginate: \(value)\n"))
            #expect(config.paginate == SiteConfig.defaultPaginate)
            #expect(problems.map(\.description) == ["site.yml:2:11: 'paginate' must be a whole number of briefings per page, 1 or more, found \(value.hasPrefix("[") ? "a list" : value.hasPrefix("\"") ? "'2'" : "'\(value)'")"],
                    "\(value): \(problems)")
        }
        let (config, problems) = SiteConfigLoader().load(TextFile(path: "site.yml", text: "paginate: 40\n"))
        #expect(problems.isEmpty && config.paginate == 40)
    }

    @Test("an entity may not take the id the entity index's later pages stand at")
    func reservedEntityID() throws {
        let model = "entities:\n  - id: page\n    name: Kessel\n    kind: place\n    aliases: [Kessel]\n"
        let source = try TestSupport.sourceFolder(seeds: ["harbour.md": Data(IncrementalBuildTests.harbour.utf8), "harbour.yml": Data(model.utf8)])
        #expect {
            try SiteBuilder().plan(source: source)
        } throws: { error in
            (error as? BuildFailure)?.description == "seeds/harbour.yml:2:5: the entity id 'page' makes the URL /entities/page/, where the entity index keeps its later pages; give the entity another id"
        }
        // Nor a briefing the folder the home page's later pages stand in.
        let titled = try TestSupport.sourceFolder(seeds: ["page.md": Data("---\ntitle: Page\n---\n\nA short note.\n".utf8)])
        #expect {
            try SiteBuilder().plan(source: titled)
        } throws: { error in
            (error as? BuildFailure)?.description.hasPrefix("seeds/page.md:1:1: the title makes the URL /page/") == true
        }
    }
}
