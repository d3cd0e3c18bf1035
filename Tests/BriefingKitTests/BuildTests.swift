import Foundation
import Testing
@testable import BriefingKit

@Suite("Build")
struct BuildTests {
    static let slug = "is-russian-malign-influence-in-serbia-a-myth"
    static let briefing = Route.briefing(slug: slug)
    /// A briefing without a model: its page, and the site's files.
    static let sitePaths = ([.notFound, .home, briefing, .feed, .robots, .siteSearchIndex, .sitemap]
        + ["briefing.js", "favicon.svg", "style.css"].map { Route.asset(name: $0) }).map(\.file).sorted()

    static func seedOnlySource() throws -> URL {
        try TestSupport.sourceFolder(seeds: ["essay.txt": Data(contentsOf: TestSupport.seedURL)])
    }

    @Test("every body paragraph on the page reads exactly as the seed's paragraph")
    func paragraphRoundTrip() throws {
        let essay = try TestSupport.seedEssay()
        guard case let .blocks(blocks) = essay.body else { throw TestFailure("a scraped seed gives blocks") }
        let seedParagraphs = blocks.compactMap { if case let .paragraph(text) = $0 { text } else { nil } }
        let html = try Annotator().annotate(essay).bodyHTML
        let rendered = HTMLTextExtractor.bodyParagraphs(in: html)
        #expect(rendered.map(\.id) == (1...49).map { "p-\($0)" })
        #expect(rendered.map { HTMLTextExtractor.text(of: $0.html) } == seedParagraphs)
    }

    @Test("the built briefing page has the header, contents, headings and paragraphs")
    func briefingPage() throws {
        let plan = try SiteBuilder().plan(source: Self.seedOnlySource())
        #expect(plan.paths.withoutFingerprints == Self.sitePaths)
        let page = HTMLPage(plan.files[Self.briefing.file] ?? Data())
        #expect(page.all("h1").map(\.text) == ["Is Russian ‘Malign’ Influence in Serbia a Myth?"])
        for line in ["The Realities of Belgrade’s Engagement with Moscow", "Stefan Antić", "Stefan Antić is Managing Editor of Horizons",
                     "Photo: Shutterstock/lightman_pic"] {
            #expect(page.text.contains(line))
        }
        // Each section heading carries its id, and the contents link to it.
        let sections = ["energy-trade", "military-cooperation-and-humanitarian-assistance", "the-power-of-russian-diplomacy", "the-media-and-soft-power"]
        #expect(page.all("h2").compactMap(\.id).filter { sections.contains($0) } == sections)
        for id in sections { #expect(page.links.contains(Anchor.section(id).fragment)) }
        // Every paragraph carries its anchor and a link to itself.
        for number in 1...49 {
            let anchor = Anchor.paragraph(number)
            #expect(page.element(id: anchor.id)?.links.contains(anchor.fragment) == true, "paragraph \(number)")
        }
        let stylesheet = try #require(plan.paths.first { $0.hasPrefix("assets/style.") })
        #expect(page.all("link").contains { $0.attributes["rel"] == "stylesheet" && $0.attributes["href"].flatMap { HTMLPage.target(of: $0, from: Self.briefing) } == stylesheet })

        let home = HTMLPage(plan.files[Route.home.file] ?? Data())
        let link = try #require(home.all("a").first { $0.text == "Is Russian ‘Malign’ Influence in Serbia a Myth?" })
        #expect(link.attributes["href"].flatMap { HTMLPage.target(of: $0, from: .home) } == Self.briefing.address)
    }

    @Test("builds running at the same time write identical sites")
    func concurrentBuildsAreIdentical() throws {
        let source = try Self.seedOnlySource()
        let plans = ResultSlots<SitePlan>(count: 4)
        DispatchQueue.concurrentPerform(iterations: 4) { index in
            plans[index] = try? SiteBuilder().plan(source: source)
        }
        let all = plans.values
        #expect(all.count == 4)
        #expect(all.allSatisfy { $0 == all[0] })
    }

    @Test("briefing build writes the site end to end, and again byte-identically")
    func endToEnd() throws {
        let source = try Self.seedOnlySource()
        let first = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.isEmpty)
        let output = source.appendingPathComponent("Public")
        let built = try TestSupport.snapshot(of: output)
        #expect(built.keys.withoutFingerprints == Self.sitePaths)

        let elsewhere = try TestSupport.scratchFolder().appendingPathComponent("site")
        let second = try TestSupport.runBriefing(["build", "--source", source.path, "--output", elsewhere.path])
        #expect(second.status == 0)
        #expect(second.standardOutput.hasPrefix("built \(Self.sitePaths.count) files (\(Self.sitePaths.count) changed) into \(elsewhere.path)"))
        #expect(try TestSupport.snapshot(of: elsewhere) == built)
        // Nothing hidden is left beside the source but the build cache.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasPrefix(".") }
        #expect(leftovers == [".briefing-cache"])
    }

    @Test("a briefing whose model names no entity links to no entity index, so a site without entities checks clean")
    func modelWithoutEntities() throws {
        let essay = """
            ---
            title: Harbour Strike Ends
            date: 2026-03-02
            ---

            Dock workers returned on Monday after a nine-day strike that halted 2.4m containers.

            """
        let model = """
            facts:
              - id: containers
                figure: "2.4m containers"
                label: "Containers the strike halted"
                quote: "halted 2.4m containers"

            """
        let source = try TestSupport.sourceFolder(seeds: ["harbour.md": Data(essay.utf8), "harbour.yml": Data(model.utf8)])
        let check = try TestSupport.runBriefing(["check", "--source", source.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        let build = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
        #expect(build.status == 0, "\(build.standardError)")
        let page = HTMLPage(try Data(contentsOf: source.appendingPathComponent("Public/" + Route.briefing(slug: "harbour-strike-ends").file)))
        let links = page.links
        #expect(links.contains { $0.hasSuffix(Route.facts(slug: "harbour-strike-ends").address) || $0.contains("facts/") })
        #expect(!links.contains { $0.contains(Route.entityIndex.address) })
    }

    @Test("with --base-url every link works when the site is served under that path")
    func baseURL() throws {
        let source = try Self.seedOnlySource()
        let output = try TestSupport.scratchFolder().appendingPathComponent("site")
        let result = try TestSupport.runBriefing(["build", "--source", source.path, "--output", output.path, "--quiet",
                                                  "--base-url", "https://example.org/briefings"])
        #expect(result.status == 0, "\(result.standardError)")
        var plan = SitePlan()
        for (path, data) in try TestSupport.snapshot(of: output) { plan.add(path, data) }
        // Relative links resolve within the site wherever it is mounted...
        #expect(LinkChecker.brokenLinks(in: plan).map(\.description) == [])
        // ...and every absolute one points into the subpath, at a file that exists.
        for path in plan.paths where path.hasSuffix(".html") || path.hasSuffix(".xml") || path == "robots.txt" {
            let text = String(decoding: plan.files[path] ?? Data(), as: UTF8.self)
            for match in text.matches(of: /(?:href|src|content)="(\/[^"]*|https?:[^"]*)"|<(?:loc|id)>([^<]*)</) {
                let url = String(match.output.1 ?? match.output.2 ?? "")
                guard !url.hasPrefix("http://www.") && !url.contains("schema.org") && !url.contains("w3.org") else { continue }
                let local: String
                if url.hasPrefix("https://example.org/briefings/") {
                    local = String(url.dropFirst("https://example.org/briefings/".count))
                } else if url.hasPrefix("/briefings/") {
                    local = String(url.dropFirst("/briefings/".count))
                } else {
                    Issue.record("\(path) links outside the subpath: \(url)")
                    continue
                }
                let file = local.split(separator: "#").first.map(String.init) ?? ""
                let exists = plan.files[file] != nil || plan.files[file + (file.isEmpty || file.hasSuffix("/") ? "" : "/") + "index.html"] != nil
                #expect(exists, "\(path) links to missing \(url)")
            }
        }
        let notFound = String(decoding: plan.files["404.html"] ?? Data(), as: UTF8.self)
        #expect(notFound.contains("href=\"/briefings/\""))
    }

    @Test("convert prints front matter and the escaped body")
    func convertCommand() throws {
        let result = try TestSupport.runBriefing(["convert", TestSupport.seedURL.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("---\ntitle: \"Is Russian ‘Malign’ Influence in Serbia a Myth?\"\n"))
        #expect(result.standardOutput.contains("\n## Energy \\& Trade\n"))
    }

    @Test("a usage error exits with status 2")
    func usageError() throws {
        let result = try TestSupport.runBriefing(["build", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--no-such-option"))
    }
}
