import Foundation
import Testing
@testable import BriefingKit

@Suite("briefing init")
struct InitTests {
    @Test("the templates carried in the binary equal Templates/ byte for byte")
    func embeddedTemplatesMatch() throws {
        let onDisk = try TestSupport.snapshot(of: TestSupport.templatesURL).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        let embedded = Dictionary(EmbeddedTemplates.files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        #expect(embedded.keys.sorted() == onDisk.keys.sorted())
        for (path, data) in onDisk where embedded[path] != data {
            Issue.record("Templates/\(path) differs from its embedded copy")
        }
        #expect(EmbeddedTemplates.files.count == embedded.count)
    }

    @Test("init into a missing folder makes a site that builds and checks at once")
    func missingFolder() throws {
        let site = try TestSupport.scratchFolder().appendingPathComponent("deep/new-site")
        let made = try TestSupport.runBriefing(["init", site.path])
        #expect(made.status == 0, "\(made.standardError)")
        let files = try TestSupport.snapshot(of: site)
        #expect(files["site.yml"] != nil && files["README.md"] != nil && files[".gitignore"] != nil)
        #expect(files["Templates/index.mustache"] == (try Data(contentsOf: TestSupport.templatesURL.appendingPathComponent("index.mustache"))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("seeds").path).isEmpty)
        #expect(String(decoding: files[".gitignore"] ?? Data(), as: UTF8.self).contains("/.briefing-cache/"))
        #expect(!String(decoding: files[".gitignore"] ?? Data(), as: UTF8.self).contains("Public"))
        // Nothing of the staging folder is left beside the site.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path) == ["new-site"])

        // Every key of site.yml is there to edit, and the file as written reads cleanly.
        let siteFile = String(decoding: files["site.yml"] ?? Data(), as: UTF8.self)
        for key in SiteConfigLoader.keys + SiteConfigLoader.publisherKeys {
            #expect(siteFile.contains("\(key):"), "site.yml lacks \(key)")
        }
        #expect(SiteConfigLoader().load(TextFile(path: "site.yml", text: siteFile)).1.isEmpty)

        let built = try TestSupport.runBriefing(["build", "--source", site.path, "--quiet"])
        #expect(built.status == 0, "\(built.standardError)")
        let home = try String(contentsOf: site.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("No briefings yet"))
        let checked = try TestSupport.runBriefing(["check", "--source", site.path])
        #expect(checked.status == 0, "\(checked.standardError)")
    }

    @Test("init into an empty folder fills it; an essay added then is built")
    func emptyFolder() throws {
        let site = try TestSupport.scratchFolder()
        try SiteInitializer().create(at: site)
        try Data(SiteFixtures.news.utf8).write(to: site.appendingPathComponent("seeds/news.md"))
        let plan = try SiteBuilder().plan(source: site)
        #expect(HTMLTextExtractor.text(of: SiteFixtures.page(plan, "index.html")).contains("Port Strike Ends After Nine Days"))
    }

    @Test("init refuses a folder that holds anything, and leaves it untouched")
    func nonEmptyFolder() throws {
        let parent = try TestSupport.scratchFolder()
        let site = parent.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("my notes\n".utf8).write(to: site.appendingPathComponent("notes.txt"))
        let before = try TestSupport.snapshot(of: site)
        let result = try TestSupport.runBriefing(["init", site.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(site.path): is not empty (it holds notes.txt)"), "\(result.standardError)")
        #expect(try TestSupport.snapshot(of: site) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["taken"])

        let file = parent.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        #expect(throws: Diagnostic.self) { try SiteInitializer().create(at: file) }
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }
}
