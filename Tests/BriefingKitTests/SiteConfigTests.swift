import Foundation
import Testing
@testable import BriefingKit

@Suite("site.yml")
struct SiteConfigTests {
    static let everyKey = """
    title: "The Harbour Ledger"
    description: "Shipping and money, read closely."
    base_url: "https://news.example.com/ledger/"
    language: fr
    publisher:
      name: "Ledger Press"
      url: "https://press.example.com/"
      logo: "assets/logo.png"
    author: "Desk Editor"

    """

    @Test("without site.yml the site has the defaults")
    func defaults() throws {
        let source = try SiteFixtures.source()
        let sources = try SourceTree.load(from: source)
        #expect(sources.config == SiteConfig())
        let plan = try SiteBuilder().plan(for: sources)
        let home = SiteFixtures.page(plan, "index.html")
        #expect(home.contains("<html lang=\"en\">"))
        #expect(home.contains("<title>Briefing</title>"))
        #expect(home.contains("<meta name=\"description\" content=\"Annotated briefings\">"))
        #expect(home.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:8000/\">"))
        let news = SiteFixtures.page(plan, "port-strike-ends-after-nine-days/index.html")
        #expect(news.contains("<title>Port Strike Ends After Nine Days – Briefing</title>"))
        #expect(news.contains("<time datetime=\"2023-09-14\">14 September 2023</time>"))
    }

    @Test("a file of comments only gives the defaults")
    func commentsOnly() throws {
        let (config, problems) = SiteConfigLoader().load(TextFile(path: "site.yml", text: "# nothing set yet\n"))
        #expect(problems.isEmpty)
        #expect(config == SiteConfig())
    }

    @Test("every key reaches the pages, the feed, JSON-LD and OpenGraph")
    func everyKeyUsed() throws {
        let sources = try SourceTree.load(from: SiteFixtures.source(siteFile: Self.everyKey))
        #expect(sources.config.title == "The Harbour Ledger")
        #expect(sources.config.publisher == SiteConfig.Publisher(name: "Ledger Press", url: "https://press.example.com/", logo: "assets/logo.png"))
        let plan = try SiteBuilder().plan(for: sources)

        let home = SiteFixtures.page(plan, "index.html")
        #expect(home.contains("<html lang=\"fr\">"))
        #expect(home.contains("<title>The Harbour Ledger</title>"))
        #expect(home.contains("<meta name=\"description\" content=\"Shipping and money, read closely.\">"))
        #expect(home.contains("<meta property=\"og:site_name\" content=\"The Harbour Ledger\">"))
        #expect(home.contains("<link rel=\"canonical\" href=\"https://news.example.com/ledger/\">"))
        #expect(HTMLTextExtractor.text(of: home).contains("Shipping and money, read closely."))

        let finance = SiteFixtures.page(plan, "bond-yields-climb-as-inflation-lingers/index.html")
        #expect(finance.contains("<title>Bond Yields Climb as Inflation Lingers – The Harbour Ledger</title>"))
        // The site's name links home.
        let financePage = Route.briefing(slug: "bond-yields-climb-as-inflation-lingers")
        #expect(HTMLPage(finance).all("a").contains {
            $0.text == "The Harbour Ledger" && $0.attributes["href"].flatMap { HTMLPage.target(of: $0, from: financePage) } == Route.home.address
        })
        #expect(finance.contains("<time datetime=\"2024-03-01\">1er mars 2024</time>"))
        // The essay names no author: the site's default signs it, on the page and in JSON-LD.
        #expect(HTMLTextExtractor.text(of: finance).contains("By Desk Editor"))
        let article = try Self.structuredData(finance)
        #expect(article["inLanguage"] as? String == "fr")
        #expect((article["author"] as? [String: Any])?["name"] as? String == "Desk Editor")
        let publisher = try #require(article["publisher"] as? [String: Any])
        #expect(publisher["name"] as? String == "Ledger Press")
        #expect(publisher["url"] as? String == "https://press.example.com/")
        #expect((publisher["logo"] as? [String: Any])?["url"] as? String == "https://news.example.com/ledger/assets/logo.png")
        #expect(article["url"] as? String == "https://news.example.com/ledger/bond-yields-climb-as-inflation-lingers/")

        let feed = SiteFixtures.page(plan, "feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"))
        #expect(feed.contains("<title>The Harbour Ledger</title>"))
        #expect(feed.contains("<subtitle>Shipping and money, read closely.</subtitle>"))
        #expect(feed.contains("<author><name>Desk Editor</name></author>"))
        #expect(feed.contains("<author><name>Mira Holt</name></author>"))
        #expect(feed.contains("<id>https://news.example.com/ledger/</id>"))
    }

    @Test("--base-url overrides base_url")
    func baseURLOverride() throws {
        let sources = try SourceTree.load(from: SiteFixtures.source(siteFile: Self.everyKey))
        let plan = try SiteBuilder(options: BuildOptions(baseURL: BaseURL("https://mirror.example.org/"))).plan(for: sources)
        #expect(SiteFixtures.page(plan, "index.html").contains("<link rel=\"canonical\" href=\"https://mirror.example.org/\">"))
        #expect(!SiteFixtures.page(plan, "feed.xml").contains("news.example.com"))
    }

    @Test("unknown keys, wrong types and malformed values are reported at their line and column")
    func problemsAtTheirPlace() {
        let text = """
        title: "Fine"
        titel: "Typo"
        description: [a, list]
        base_url: "ftp://example.org/"
        language: "english language"
        publisher: "Acme"
        author:

        """
        let (_, problems) = SiteConfigLoader().load(TextFile(path: "site.yml", text: text))
        #expect(problems.map(\.description) == [
            "site.yml:2:1: unknown key 'titel' in the site; expected one of 'title', 'description', 'base_url', 'language', 'publisher', 'author', 'paginate'",
            "site.yml:3:14: 'description' must be text, found a list",
            "site.yml:4:11: 'base_url' must be an absolute http(s) URL, e.g. https://example.org/briefings/, found 'ftp://example.org/'",
            "site.yml:5:11: 'language' must be a BCP 47 language tag such as en, fr or pt-BR, found 'english language'",
            "site.yml:6:12: 'publisher' must be a mapping of keys to values, found 'Acme'",
            "site.yml:7:8: 'author' must be text, found nothing",
        ])
    }

    @Test("the publisher's keys are checked too")
    func publisherProblems() {
        let text = """
        publisher:
          url: "press.example.com"
          logos: "x.png"

        """
        let (config, problems) = SiteConfigLoader().load(TextFile(path: "site.yml", text: text))
        #expect(config.publisher == nil)
        #expect(problems.map(\.description) == [
            "site.yml:3:3: unknown key 'logos' in 'publisher'; expected one of 'name', 'url', 'logo'",
            "site.yml:2:8: the publisher's 'url' must be an absolute http(s) URL, found 'press.example.com'",
            "site.yml:2:3: 'publisher' is missing 'name'",
        ])
    }

    @Test("briefing build with a bad site.yml exits 1 with file:line:column and leaves the output as it was")
    func badFileStopsTheBuild() throws {
        let source = try SiteFixtures.source(siteFile: "title: \"Ledger\"\nlanguage: 42x\n")
        let output = source.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("the last good site\n".utf8).write(to: output.appendingPathComponent("index.html"))
        let before = try TestSupport.snapshot(of: output)
        let result = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("site.yml:2:11: 'language' must be a BCP 47 language tag"), "\(result.standardError)")
        #expect(try TestSupport.snapshot(of: output) == before)
    }

    @Test("a preview rebuild after site.yml changes renders every page as a full build does")
    func previewRebuildsOnSiteFile() async throws {
        let source = try SiteFixtures.source()
        let output = try TestSupport.scratchFolder().appendingPathComponent("site")
        let rebuilder = SiteRebuilder(source: source, output: output, options: BuildOptions(baseURL: .preview), broadcaster: nil,
                                      report: { _ in }, reportError: { _ in })
        #expect(rebuilder.watchedFiles.map(\.lastPathComponent) == ["site.yml"])
        #expect(await rebuilder.rebuild())
        let siteFile = source.appendingPathComponent("site.yml")
        for text in ["title: \"Quayside\"\nlanguage: de\n", "title: \"Quayside\"\nlanguage: de\nauthor: \"Night Desk\"\n", "# all defaults\n"] {
            try Data(text.utf8).write(to: siteFile)
            #expect(await rebuilder.rebuild(because: [siteFile.path]))
            let expected = try SiteBuilder(options: BuildOptions(baseURL: .preview)).plan(source: source).files
            let written = try TestSupport.snapshot(of: output)
            #expect(written.keys.sorted() == expected.keys.sorted(), "after \(text)")
            for (path, data) in expected where written[path] != data {
                Issue.record("after \(text), \(path) differs from a full build")
            }
        }
        try Data("title: \"Quayside\"\nlanguage: de\n".utf8).write(to: siteFile)
        #expect(await rebuilder.rebuild(because: [siteFile.path]))
        let news = try String(contentsOf: output.appendingPathComponent("port-strike-ends-after-nine-days/index.html"), encoding: .utf8)
        #expect(news.contains("14. September 2023"))
        #expect(news.contains(">Quayside</a>"))
    }

    @Test("the watcher reports site.yml saved by renaming a new file over it, and no other file beside it")
    func watcherSeesSiteFile() async throws {
        let root = try TestSupport.scratchFolder()
        let siteFile = root.appendingPathComponent("site.yml")
        try Data("title: One\n".utf8).write(to: siteFile)
        let watcher = try FileWatcher(folders: [], files: [siteFile])
        defer { watcher.stop() }
        let changes = watcher.changes()
        try Data("unrelated\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
        let scratch = root.appendingPathComponent("site.yml.tmp")
        try Data("title: Two\n".utf8).write(to: scratch)
        #expect(rename(scratch.path, siteFile.path) == 0)
        var iterator = changes.makeAsyncIterator()
        let batch = await iterator.next() ?? []
        #expect(batch.contains(siteFile.path), "\(batch)")
        #expect(!batch.contains { $0.hasSuffix("notes.txt") })
    }

    /// The page's JSON-LD, parsed.
    static func structuredData(_ page: String) throws -> [String: Any] {
        let match = try #require(page.firstMatch(of: /<script type="application\/ld\+json">(.*?)<\/script>/))
        let json = try JSONSerialization.jsonObject(with: Data(String(match.output.1).utf8))
        return try #require(json as? [String: Any])
    }
}
