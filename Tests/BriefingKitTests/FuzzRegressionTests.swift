import Foundation
import Testing
@testable import BriefingKit

/// Inputs that once crashed or hung Briefing under the fuzzers in Fuzz/, and inputs made
/// the way a fuzzer makes them, run through the same pipelines the fuzzers run
/// (FuzzPipelines/): each must end in a briefing or in diagnostics that locate the
/// problem. A crash or a hang fails the whole run, which is the point.
///
/// `Fixtures/fuzz-regressions/ingest/` holds seeds, `model/` models; a file saved by
/// `scripts/fuzz` in `.fuzz/crashes/TARGET/` goes in the folder of its target.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [String] {
        guard let folder = try? TestSupport.fixture("fuzz-regressions/\(target)"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted()
    }

    static func input(_ target: String, _ name: String) throws -> Data {
        try Data(contentsOf: TestSupport.fixture("fuzz-regressions/\(target)/\(name)"))
    }

    @Test("both folders hold inputs", arguments: ["ingest", "model"])
    func foldersAreNotEmpty(_ target: String) {
        #expect(!Self.inputs(target).isEmpty)
    }

    @Test("a seed ends in an essay or a diagnostic", arguments: inputs("ingest"))
    func seed(_ name: String) throws {
        let data = try Self.input("ingest", name)
        do {
            try IngestPipeline.run(data)
        } catch {
            Issue.record("\(name): \(error)")
        }
    }

    /// Seeds too large to keep as files, grown the way fuzzers grow inputs: by repeating
    /// a few bytes. Each nests or repeats far past what an editor would write.
    static let grownSeeds: [String: String] = [
        "emphasis nested 100,000 deep": "---\ntitle: Deep\n---\n" + String(repeating: "*a ", count: 100_000)
            + "b" + String(repeating: " c*", count: 100_000) + "\n",
        "block quotes nested 50,000 deep": "---\ntitle: Deep\n---\n" + String(repeating: ">", count: 50_000) + " x\n",
        "links and images opened 50,000 times": "---\ntitle: Open\n---\n" + String(repeating: "[![", count: 50_000) + "\n",
        "20,000 breadcrumbs and nothing else": String(repeating: "- x\n", count: 20_000),
        "a line of 30,000 hyphens and dots": "- Home\n- A Title\n" + String(repeating: "-.", count: 15_000) + "\n",
    ]

    @Test("a grown seed ends in an essay or a diagnostic", arguments: grownSeeds.keys.sorted())
    func grownSeed(_ name: String) throws {
        let text = try #require(Self.grownSeeds[name])
        do {
            try IngestPipeline.run(Data(text.utf8))
        } catch {
            Issue.record("\(name): \(error)")
        }
    }

    @Test("a model ends in a briefing or a diagnostic", arguments: inputs("model"))
    func model(_ name: String) throws {
        let data = try Self.input("model", name)
        let pipeline = try ModelPipeline(essays: [TestSupport.seedEssay(), AnnotateTests.lakes().essay])
        do {
            try pipeline.run(data)
        } catch {
            Issue.record("\(name): \(error)")
        }
    }
}
