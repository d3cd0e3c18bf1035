import Foundation
import Testing
@testable import BriefingKit

/// The path the README gives a new editor, run through the built binary: `init`, add an
/// essay, `draft`, `check`, `build`.
@Suite("Start your own briefing site")
struct EditorPathTests {
    @Test("init, add the seed, draft, check and build", arguments: ["seed", "essays/chipmaker-results.md"])
    func startASite(essay: String) throws {
        let site = try TestSupport.scratchFolder().appendingPathComponent("my-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(try TestSupport.runBriefing(["init", site.path]).status == 0)
        let source = essay == "seed" ? TestSupport.seedURL : try TestSupport.fixture(essay)
        let name = "essay." + source.pathExtension
        try FileManager.default.copyItem(at: source, to: site.appendingPathComponent("seeds/\(name)"))

        let drafted = try TestSupport.runBriefing(["draft", "seeds/\(name)"], in: site)
        #expect(drafted.status == 0, "\(drafted.standardError)")
        #expect(drafted.standardOutput.hasPrefix("wrote seeds/essay.yml: "), "\(drafted.standardOutput)")
        #expect(drafted.standardError.isEmpty, "\(drafted.standardError)")

        let checked = try TestSupport.runBriefing(["check"], in: site)
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(checked.standardOutput.contains("(100.0%)"), "\(checked.standardOutput)")
        #expect(checked.standardOutput.contains("drafted items still marked review: true"))

        // A second draft refuses to replace the model, and says how to add to it.
        let again = try TestSupport.runBriefing(["draft", "seeds/\(name)"], in: site)
        #expect(again.status == 1)
        #expect(again.standardError.contains("seeds/essay.yml: already exists"), "\(again.standardError)")

        let built = try TestSupport.runBriefing(["build", "--quiet"], in: site)
        #expect(built.status == 0, "\(built.standardError)")
        let page = try String(contentsOf: site.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(page.contains("min read"))
        let briefing = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("Public").path)
            .filter { FileManager.default.fileExists(atPath: site.appendingPathComponent("Public/\($0)/facts/index.html").path) }
        #expect(briefing.count == 1)
    }
}
