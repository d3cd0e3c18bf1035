import Foundation
import Testing
@testable import BriefingKit

/// `briefing draft` with the site's register of entities: three writers' pieces on one
/// central bank, a news report, an analysis and a long-form column, drafted in turn.
@Suite("Draft with the register")
struct RegisterDraftTests {
    static let essays = ["rates-hold.md", "summer-cut.txt", "why-germany-worries.md"]

    static func site(_ names: [String], register: String? = nil) throws -> URL {
        var seeds = Dictionary(uniqueKeysWithValues: try names.map { ($0, try Data(contentsOf: TestSupport.fixture("register/\($0)"))) })
        if let register { seeds["entities.yml"] = Data(register.utf8) }
        return try TestSupport.sourceFolder(seeds: seeds)
    }

    static func register(at root: URL) throws -> EntityRegister {
        let text = try String(contentsOf: root.appendingPathComponent(EntityRegister.path), encoding: .utf8)
        let (register, problems) = EntityRegisterLoader().load(TextFile(path: EntityRegister.path, text: text))
        #expect(problems.isEmpty, "\(problems)")
        return register
    }

    @Test("essays drafted one after the other name one definition of each entity they share")
    func draftsShareTheRegister() throws {
        let root = try Self.site(Self.essays)
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try SeedDraft().run(seed: "seeds/rates-hold.md", root: root, merge: false)
        let second = try SeedDraft().run(seed: "seeds/summer-cut.txt", root: root, merge: false)
        let third = try SeedDraft().run(seed: "seeds/why-germany-worries.md", root: root, merge: false)
        for outcome in [first, second, third] { #expect(outcome.dropped.isEmpty, "\(outcome.dropped)") }
        #expect(first.registered.map(\.name).contains("European Central Bank") && first.registered.map(\.name).contains("Christine Lagarde"))

        // The second essay reuses the bank and its president, adding the spellings it uses.
        let bank = try #require(first.registered.first { $0.name == "European Central Bank" })
        let lagarde = try #require(first.registered.first { $0.name == "Christine Lagarde" })
        #expect(second.added.entityReferences.map(\.id).contains(bank.id) && second.added.entityReferences.map(\.id).contains(lagarde.id))
        #expect(second.newAliases == [AliasProposal(id: bank.id, aliases: ["ECB"]), AliasProposal(id: lagarde.id, aliases: ["Lagarde"])])
        #expect(!second.registered.contains { ["European Central Bank", "ECB", "Christine Lagarde", "Lagarde", "Germany", "Bundesbank"].contains($0.name) })
        // The third knows the bank by the acronym the second taught the register.
        #expect(third.added.entityReferences.map(\.id).contains(bank.id))
        #expect(third.registered.map(\.name) == ["Joachim Nagel"])

        let register = try Self.register(at: root)
        #expect(register.entities.map(\.id) == (first.registered + second.registered + third.registered).map(\.id))
        #expect(register.entities.allSatisfy { $0.review })
        // No spelling names two entries.
        let spellings = register.entities.flatMap { Set([$0.name] + $0.aliases) }
        #expect(spellings.count == Set(spellings).count, "\(spellings)")
        #expect(register.entity(bank.id)?.aliases == ["European Central Bank", "ECB"])

        let plan = try SiteBuilder().plan(source: root)
        #expect(LinkChecker.brokenLinks(in: plan).isEmpty)
        let page = String(decoding: plan.files["entities/\(bank.id)/index.html"] ?? Data(), as: UTF8.self)
        let briefings = page.matches(of: /<h3 class="mention-briefing"><a href="..\/..\/([a-z-]+)\/">/).map { String($0.output.1) }
        #expect(Set(briefings) == ["ecb-holds-rates-as-inflation-cools", "frankfurt-signals-a-summer-cut", "why-germany-still-worries-the-rate-setters"])
        let checked = try TestSupport.runBriefing(["check", "--source", root.path])
        #expect(checked.status == 0, "\(checked.standardError)")
        #expect(checked.standardOutput.contains("seeds/entities.yml: \(register.entities.count) entities"))
    }

    @Test("a draft adds entries and spellings to a hand-written register and changes no other byte of it")
    func registerKeepsItsBytes() throws {
        let handWritten = """
            # Kept by the desk; one entry per thing.
            entities:
              - id: european-central-bank
                name: European Central Bank
                kind: organisation
                summary: "The euro area's central bank."   # no aliases: known by its name

              - id: christine-lagarde
                name: Christine Lagarde
                kind: person
                aliases:
                  - Christine Lagarde
                review: false
              - id: germany
                name: Germany
                kind: place
            # end of the register

            """
        let root = try Self.site(["summer-cut.txt"], register: handWritten)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try SeedDraft().run(seed: "seeds/summer-cut.txt", root: root, merge: false)
        #expect(outcome.added.entityReferences.map(\.id) == ["european-central-bank", "christine-lagarde", "germany", "deutsche-bank", "bundesbank"])
        let written = try String(contentsOf: root.appendingPathComponent(EntityRegister.path), encoding: .utf8)
        #expect(written == """
            # Kept by the desk; one entry per thing.
            entities:
              - id: european-central-bank
                name: European Central Bank
                kind: organisation
                summary: "The euro area's central bank."   # no aliases: known by its name
                aliases: ["European Central Bank", "ECB"]
                review: true

              - id: christine-lagarde
                name: Christine Lagarde
                kind: person
                aliases:
                  - Christine Lagarde
                  - "Lagarde"
                review: true
              - id: germany
                name: Germany
                kind: place
              - id: deutsche-bank
                name: "Deutsche Bank"
                kind: organisation
                aliases: ["Deutsche Bank"]
                review: true
              - id: bundesbank
                name: "Bundesbank"
                kind: place
                aliases: ["Bundesbank"]
                review: true
            # end of the register

            """)
        // The model names all five by id, and the site checks.
        #expect(try String(contentsOf: root.appendingPathComponent("seeds/summer-cut.yml"), encoding: .utf8)
            .contains("entities:\n  - european-central-bank\n  - christine-lagarde\n  - germany\n  - deutsche-bank\n  - bundesbank\n"))
        #expect(LinkChecker.brokenLinks(in: try SiteBuilder().plan(source: root)).isEmpty)
    }

    @Test("a register draft cannot add to stops the draft and nothing is written", arguments: [
        ("entities:\n  - id: germany\n    name: Germany\n    kind: country\n",
         "seeds/entities.yml:4:11: unknown kind 'country' for entity 'germany'; expected one of person, organisation, place, project, event, outlet, document"),
        ("entities: [{id: germany, name: Germany, kind: place}]\n",
         "seeds/entities.yml:1:1: 'entities' is not a list of '- ' items, one per line, so its entities cannot be edited; write it so and try again"),
    ])
    func brokenRegister(_ register: String, _ expected: String) throws {
        let root = try Self.site(["summer-cut.txt"], register: register)
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try TestSupport.snapshot(of: root.appendingPathComponent("seeds"))
        var messages: [String] = []
        do { _ = try SeedDraft().run(seed: "seeds/summer-cut.txt", root: root, merge: false) } catch { messages = error.diagnostics.map(\.description) }
        #expect(messages == [expected])
        #expect(try TestSupport.snapshot(of: root.appendingPathComponent("seeds")) == before)
    }

    @Test("a name another model defines for itself is left out with advice, never defined a second time")
    func definedByAnotherModel() throws {
        let root = try Self.site(["rates-hold.md", "summer-cut.txt"])
        defer { try? FileManager.default.removeItem(at: root) }
        let own = "entities:\n  - id: lagarde\n    name: Christine Lagarde\n    kind: person\n    aliases: [Christine Lagarde]\n"
        try Data(own.utf8).write(to: root.appendingPathComponent("seeds/rates-hold.yml"))
        let outcome = try SeedDraft().run(seed: "seeds/summer-cut.txt", root: root, merge: false)
        #expect(outcome.dropped.map(\.description) == [
            "seeds/rates-hold.yml:2:5: warning: entity 'lagarde' names \"Christine Lagarde\", which seeds/summer-cut.txt names too: an entity two briefings name belongs in seeds/entities.yml; `briefing entities --consolidate` moves it there, then `briefing draft --merge seeds/summer-cut.txt` names it",
        ])
        #expect(!outcome.registered.contains { $0.aliases.contains("Christine Lagarde") || $0.aliases.contains("Lagarde") })
        #expect(!outcome.added.entityReferences.contains { $0.id == "lagarde" })
        // As advised: consolidate, then merge.
        try EntityConsolidation(SourceTree.load(from: root)).write(into: root)
        let merged = try SeedDraft().run(seed: "seeds/summer-cut.txt", root: root, merge: true)
        #expect(merged.added.entityReferences.map(\.id) == ["lagarde"])
        #expect(merged.newAliases == [AliasProposal(id: "lagarde", aliases: ["Lagarde"])])
        #expect(LinkChecker.brokenLinks(in: try SiteBuilder().plan(source: root)).isEmpty)
    }
}
