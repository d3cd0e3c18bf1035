import Foundation
import Testing
@testable import BriefingKit

/// The site's register of entities: one definition per entity, which every model names by
/// id, on essays of different writers about one subject.
@Suite("Entity register")
struct RegisterTests {
    /// A news report and an analysis of the same central bank, with hand-written models
    /// naming the register's entries by id, and the register itself.
    static func centralBankSite(changing register: (String) -> String = { $0 }) throws -> URL {
        var seeds: [String: Data] = [:]
        for name in ["rates-hold.md", "rates-hold.yml", "summer-cut.txt", "summer-cut.yml"] {
            seeds[name] = try Data(contentsOf: TestSupport.fixture("register/\(name)"))
        }
        let text = try String(contentsOf: TestSupport.fixture("register/entities.yml"), encoding: .utf8)
        seeds["entities.yml"] = Data(register(text).utf8)
        return try TestSupport.sourceFolder(seeds: seeds)
    }

    static func page(_ plan: SitePlan, _ path: String) -> String {
        String(decoding: plan.files[path] ?? Data(), as: UTF8.self)
    }

    @Test("a register and two models sharing its entities build one page per entity, listing both briefings")
    func sharedEntitiesBuild() throws {
        let root = try Self.centralBankSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try SiteBuilder().plan(source: root)
        #expect(LinkChecker.brokenLinks(in: plan).isEmpty)

        let bank = Self.page(plan, "entities/european-central-bank/index.html")
        // The register's definition, once.
        #expect(bank.components(separatedBy: "<p class=\"entity-summary\">Sets interest rates for the twenty countries that use the euro.</p>").count == 2)
        #expect(bank.contains("<p class=\"role-line\">The euro area"))
        let titles = bank.matches(of: /<h3 class="mention-briefing"><a href="..\/..\/([a-z-]+)\/">/).map { String($0.output.1) }
        #expect(titles == ["frankfurt-signals-a-summer-cut", "ecb-holds-rates-as-inflation-cools"])
        // The newer briefing's date, which its model gives.
        #expect(bank.contains("Latest mention: <time datetime=\"2024-06-06\">6 June 2024</time>"), "\(bank)")

        // Named only by a fact's entities in the second briefing, and by id in the first.
        let deutsche = Self.page(plan, "entities/deutsche-bank/index.html")
        #expect(deutsche.contains("../../frankfurt-signals-a-summer-cut/") && deutsche.contains("../../ecb-holds-rates-as-inflation-cools/"))
        #expect(deutsche.contains("Cuts Deutsche Bank expects before December"))

        // A model's own entity has its page too; a register entry no briefing names has none.
        #expect(plan.files["entities/governing-council/index.html"] != nil)
        #expect(plan.files["entities/bank-of-england/index.html"] == nil)

        let index = Self.page(plan, "entities/index.html")
        let people = try #require(index.range(of: "<h2 id=\"person\">People</h2>"))
        let organisations = try #require(index.range(of: "<h2 id=\"organisation\">Organisations</h2>"))
        #expect(try #require(index.range(of: ">Christine Lagarde</a>")).lowerBound > people.upperBound)
        #expect(try #require(index.range(of: ">European Central Bank</a>")).lowerBound > organisations.upperBound)
        #expect(!index.contains("Bank of England"))

        let search = Self.page(plan, "search.json")
        #expect(search.contains("Sets interest rates for the twenty countries that use the euro."))
        #expect(!search.contains("Bank of England"))

        // The briefing lists its entities in the order its model does, the registered among its own.
        let export = try JSONSerialization.jsonObject(with: plan.files["ecb-holds-rates-as-inflation-cools/briefing.json"] ?? Data()) as? [String: Any]
        let order = (export?["entities"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(order == ["european-central-bank", "christine-lagarde", "governing-council", "frankfurt", "deutsche-bank", "bundesbank", "germany"])
    }

    @Test("check warns of register entries no briefing names and aliases no essay naming them contains")
    func registerReport() throws {
        let root = try Self.centralBankSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let sources = try SourceTree.load(from: root)
        let report = RegisterReport(register: try sources.entityRegister(), briefings: try SiteBuilder().planAndBriefings(for: sources).briefings)
        #expect(report.warnings.map(\.description) == [
            "seeds/entities.yml:5:5: warning: alias 'Eurotower' of entity 'european-central-bank' is not mentioned in any of the 2 essays that name it",
            "seeds/entities.yml:20:5: warning: entity 'bank-of-england' is named by no briefing; name it by id in a model, or delete it",
        ], "\(report.warnings)")
        #expect(report.toReview.isEmpty)
        // `check` prints them, and passes.
        let checked = try TestSupport.runBriefing(["check", "--source", root.path])
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(checked.standardError.contains("seeds/entities.yml:20:5: warning: entity 'bank-of-england' is named by no briefing"))
        #expect(checked.standardOutput.contains("seeds/entities.yml: 7 entities"))
    }

    @Test("a registered entity a model names but never mentions is a warning at the name")
    func namedButNotMentioned() throws {
        let root = try Self.centralBankSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let model = root.appendingPathComponent("seeds/summer-cut.yml")
        let text = try String(contentsOf: model, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "bundesbank]", with: "bundesbank, frankfurt]").utf8).write(to: model)
        let plan = try SiteBuilder().plan(source: root)
        #expect(plan.warnings.map(\.description).contains(
            "seeds/summer-cut.yml:3:75: warning: entity 'frankfurt' is named here, but the essay never mentions it by any of its aliases in seeds/entities.yml"),
                "\(plan.warnings)")
        // It is still one of the entity's briefings.
        #expect(Self.page(plan, "entities/frankfurt/index.html").contains("../../frankfurt-signals-a-summer-cut/"))
    }

    struct BrokenSite: Sendable, CustomTestStringConvertible {
        var name: String
        /// Lines added at the end of the register.
        var registerAddition = ""
        /// The second briefing's model instead of its own.
        var model: String?
        var expected: [String]
        var testDescription: String { name }
    }

    static let brokenSites = [
        BrokenSite(name: "a model defining a registered entity", model: "entities:\n  - id: germany\n    name: Germany\n    kind: place\n", expected: [
            "seeds/summer-cut.yml:2:5: entity 'germany' is defined here and in seeds/entities.yml:31:5; define it once: a model names a registered entity by its id alone (- germany)",
            "seeds/entities.yml:31:5: entity 'germany' is defined here and in seeds/summer-cut.yml:2:5; define it once: a model names a registered entity by its id alone (- germany)",
        ]),
        BrokenSite(name: "one id twice in the register", registerAddition: "  - id: germany\n    name: Deutschland\n    kind: place\n", expected: [
            "seeds/entities.yml:31:5: entity 'germany' is defined more than once in the register: here and at line 38; keep one definition",
            "seeds/entities.yml:38:5: entity 'germany' is defined more than once in the register: here and at line 31; keep one definition",
        ]),
        BrokenSite(name: "an id nothing defines", model: "entities: [european-central-bank, bundesbank-of-germany]\n", expected: [
            "seeds/summer-cut.yml:1:35: entity 'bundesbank-of-germany' is named by id, but neither this model nor seeds/entities.yml defines it",
        ]),
    ]

    @Test("an id defined twice, or named but defined nowhere, fails the build and leaves sources and output untouched", arguments: brokenSites)
    func doubleDefinitions(_ broken: BrokenSite) throws {
        let root = try Self.centralBankSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let good = try TestSupport.runBriefing(["build", "--source", root.path, "--quiet"])
        try #require(good.status == 0, "\(good.standardError)")
        let registerURL = root.appendingPathComponent("seeds/entities.yml")
        try Data((try String(contentsOf: registerURL, encoding: .utf8) + broken.registerAddition).utf8).write(to: registerURL)
        if let model = broken.model { try Data(model.utf8).write(to: root.appendingPathComponent("seeds/summer-cut.yml")) }
        let sources = try TestSupport.snapshot(of: root.appendingPathComponent("seeds"))
        let output = try TestSupport.snapshot(of: root.appendingPathComponent("Public"))

        let result = try TestSupport.runBriefing(["build", "--source", root.path])
        #expect(result.status == 1)
        #expect(result.standardError.split(separator: "\n").map(String.init) == broken.expected, "\(result.standardError)")
        #expect(try TestSupport.snapshot(of: root.appendingPathComponent("Public")) == output)
        #expect(try TestSupport.snapshot(of: root.appendingPathComponent("seeds")) == sources)
    }

    @Test("resolving a model adds the registered entities it names, in its list's order, and those its facts name after")
    func resolution() throws {
        let register = EntityRegister(entities: [
            Entity(id: "port", name: "Port of Rotterdam", kind: .place, aliases: ["Port of Rotterdam"], position: .init(line: 2, column: 5)),
            Entity(id: "fnv", name: "FNV", kind: .organisation, aliases: ["FNV"], position: .init(line: 6, column: 5)),
            Entity(id: "unused", name: "Unused", kind: .place, aliases: ["Unused"], position: .init(line: 9, column: 5)),
        ])
        let text = """
            entities:
              - port
              - id: dockers
                name: Dock workers
                kind: organisation
                aliases: [dock workers]
            facts:
              - id: strikers
                figure: "4,500"
                label: Strikers
                quote: "about 4,500 dock workers"
                entities: [fnv, dockers]

            """
        let (model, problems) = register.resolve(loaded: ModelLoader().load(TextFile(path: "seeds/strike.yml", text: text)))
        #expect(problems.isEmpty, "\(problems)")
        #expect(model.entities.map(\.id) == ["port", "dockers", "fnv"])
        #expect(model.entities.map(\.registered) == [true, false, true])
        #expect(model.entities[0].position == SourcePosition(line: 2, column: 5))

        // A spelling of a registered entity may not name the model's own.
        let clash = text.replacingOccurrences(of: "aliases: [dock workers]", with: "aliases: [dock workers, FNV]")
        let (_, clashes) = register.resolve(loaded: ModelLoader().load(TextFile(path: "seeds/strike.yml", text: clash)))
        #expect(clashes.map(\.description) == [
            "seeds/strike.yml:12:15: alias 'FNV' of entity 'fnv' (seeds/entities.yml:6) already names entity 'dockers' (line 3); one briefing cannot name both by the same words",
        ])
    }

    @Test("a seed may not take the register's name")
    func reservedSeedName() throws {
        let root = try TestSupport.sourceFolder(seeds: ["entities.md": Data("---\ntitle: Entities\n---\n\nText.\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect {
            try SourceTree.load(from: root)
        } throws: { error in
            (error as? BuildFailure)?.description
                == "seeds/entities.md:1:1: seeds/entities.yml is the register of entities, so no seed may be called 'entities'; rename this one"
        }
    }
}
