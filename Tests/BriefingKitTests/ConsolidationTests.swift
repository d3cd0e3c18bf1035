import Foundation
import Testing
@testable import BriefingKit

/// `briefing entities --consolidate` on sites whose models define their entities
/// themselves, as every site did before the register.
@Suite("Consolidating entities")
struct ConsolidationTests {
    /// The lakes model as an editor might keep it, with comments among its entities.
    static let commentedModel: String = {
        let model = (try? String(contentsOf: TestSupport.fixture("lakes/lakes.yml"), encoding: .utf8)) ?? ""
        return model.replacingOccurrences(of: "entities:\n", with: "entities:\n  # the lakes first\n")
            .replacingOccurrences(of: "  - id: lake-mala\n", with: "  # and the smaller one\n  - id: lake-mala\n")
    }()

    /// Three copies of the lakes essay, each with its own title and the lakes model: `a`
    /// with comments, `b` as it is, `c` with Ostrava's role changed.
    static func threeModels() throws -> URL {
        let text = try String(contentsOf: TestSupport.fixture("lakes/lakes.txt"), encoding: .utf8)
        let model = try String(contentsOf: TestSupport.fixture("lakes/lakes.yml"), encoding: .utf8)
        var seeds: [String: Data] = [:]
        for name in ["a", "b", "c"] {
            seeds["\(name).txt"] = Data(text.replacingOccurrences(of: "The Two Lakes", with: "The Two Lakes (\(name))").utf8)
        }
        seeds["a.yml"] = Data(commentedModel.utf8)
        seeds["b.yml"] = Data(model.utf8)
        seeds["c.yml"] = Data(model.replacingOccurrences(of: "role: \"A town\"", with: "role: \"A city\"").utf8)
        return try TestSupport.sourceFolder(seeds: seeds)
    }

    @Test("definitions that agree move into the register; one that differs is reported with both places and left alone")
    func oneDiffers() throws {
        let root = try Self.threeModels()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try EntityConsolidation(SourceTree.load(from: root))
        #expect(plan.moved == ["lake-vir", "lake-mala"])
        #expect(plan.differing.map(\.description) == [
            "seeds/c.yml:13:5: entity 'ostrava' is defined differently here and in seeds/a.yml:14:5; make the two agree (or give one another id), then consolidate again",
        ])
        #expect(plan.files.map(\.path) == ["seeds/entities.yml", "seeds/a.yml", "seeds/b.yml", "seeds/c.yml"])
        try plan.write(into: root)

        // Exactly the moved blocks became ids; the comments and Ostrava stayed.
        let a = try String(contentsOf: root.appendingPathComponent("seeds/a.yml"), encoding: .utf8)
        #expect(a == Self.commentedModel.replacingOccurrences(of: """
              - id: lake-vir
                name: Lake Vir
                kind: place
                aliases: [Lake Vir]
                role: "A lake north of Ostrava"
                summary: "The larger of the two lakes."

            """, with: "  - lake-vir\n").replacingOccurrences(of: """
              - id: lake-mala
                name: Lake Mala
                kind: place
                aliases: [Lake Mala]

            """, with: "  - lake-mala\n"))
        #expect(a.contains("  # the lakes first\n  - lake-vir\n  - id: ostrava\n") && a.contains("  # and the smaller one\n  - lake-mala\nfacts:"))
        let register = try String(contentsOf: root.appendingPathComponent("seeds/entities.yml"), encoding: .utf8)
        #expect(register == EntityRegister.newFileText + """
              - id: lake-vir
                name: Lake Vir
                kind: place
                aliases: [Lake Vir]
                role: "A lake north of Ostrava"
                summary: "The larger of the two lakes."
              - id: lake-mala
                name: Lake Mala
                kind: place
                aliases: [Lake Mala]

            """)

        // Ostrava is still defined three times until the models agree; then it moves too.
        #expect(throws: BuildFailure.self) { try SiteBuilder().plan(source: root) }
        let c = root.appendingPathComponent("seeds/c.yml")
        try Data(try String(contentsOf: c, encoding: .utf8).replacingOccurrences(of: "A city", with: "A town").utf8).write(to: c)
        let again = try EntityConsolidation(SourceTree.load(from: root))
        #expect(again.moved == ["ostrava"] && again.differing.isEmpty)
        try again.write(into: root)
        let site = try SiteBuilder().plan(source: root)
        #expect(String(decoding: site.files["entities/ostrava/index.html"] ?? Data(), as: UTF8.self).contains("The Two Lakes (c)"))
        #expect(try EntityConsolidation(SourceTree.load(from: root)).files.isEmpty)
    }

    @Test("a site builds exactly as it did before its entities moved")
    func siteUnchanged() throws {
        let root = try TestSupport.sourceFolder(seeds: [
            "lakes.txt": try Data(contentsOf: TestSupport.fixture("lakes/lakes.txt")),
            "lakes.yml": Data(Self.commentedModel.utf8),
            "harbour.txt": try Data(contentsOf: TestSupport.fixture("harbour-essay.txt")),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try SiteBuilder().plan(source: root)
        let plan = try EntityConsolidation(SourceTree.load(from: root))
        #expect(plan.moved == ["lake-vir", "ostrava", "lake-mala"] && plan.differing.isEmpty)
        try plan.write(into: root)
        let after = try SiteBuilder().plan(source: root)
        #expect(after.files.keys.sorted() == before.files.keys.sorted())
        for (path, data) in before.files where after.files[path] != data {
            Issue.record("\(path) changed")
        }
    }

    @Test("briefing entities reports what would move, and --consolidate does it, exiting 1 while definitions differ")
    func command() throws {
        let root = try Self.threeModels()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try TestSupport.snapshot(of: root.appendingPathComponent("seeds"))
        let dry = try TestSupport.runBriefing(["entities", "--source", root.path])
        #expect(dry.status == 1)
        #expect(dry.standardOutput.hasPrefix("would move 2 entities into seeds/entities.yml (a new file)\n"), "\(dry.standardOutput)")
        #expect(dry.standardError == "seeds/c.yml:13:5: entity 'ostrava' is defined differently here and in seeds/a.yml:14:5; make the two agree (or give one another id), then consolidate again\n")
        #expect(try TestSupport.snapshot(of: root.appendingPathComponent("seeds")) == before)

        let done = try TestSupport.runBriefing(["entities", "--consolidate", "--source", root.path])
        #expect(done.status == 1)
        #expect(done.standardOutput.hasPrefix("moved 2 entities into seeds/entities.yml (a new file)\nchanged seeds/a.yml, seeds/b.yml, seeds/c.yml\n"), "\(done.standardOutput)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("seeds/entities.yml").path))
    }

    @Test("a model it cannot read or edit stops consolidation, and nothing is written", arguments: [
        ("entities:\n  - id: [unclosed\n", "seeds/b.yml:3:1: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"),
        ("entities: [{id: lake-mala, name: Lake Mala, kind: place, aliases: [Lake Mala]}]\n",
         "seeds/b.yml:1:1: 'entities' is not a list of '- ' items, one per line, so its entities cannot be edited; write it so and try again"),
    ])
    func refuses(_ model: String, _ expected: String) throws {
        let root = try Self.threeModels()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(model.utf8).write(to: root.appendingPathComponent("seeds/b.yml"))
        let before = try TestSupport.snapshot(of: root.appendingPathComponent("seeds"))
        let result = try TestSupport.runBriefing(["entities", "--consolidate", "--source", root.path])
        #expect(result.status == 1)
        #expect(result.standardError == expected + "\n")
        #expect(result.standardOutput.isEmpty)
        #expect(try TestSupport.snapshot(of: root.appendingPathComponent("seeds")) == before)
    }
}
