import Foundation
import Testing
@testable import BriefingKit

/// Each kind of mistake an editor can make in a model, in a small broken model, with the
/// exact message and the line it points at.
@Suite("Model validation")
struct ModelValidationTests {
    static let entities = """
        entities:
          - id: lake-vir
            name: Lake Vir
            kind: place
            aliases: [Lake Vir]
          - id: ostrava
            name: Ostrava
            kind: place
            aliases: [Ostrava]

        """

    /// The diagnostics of the lakes essay with `yaml` as its model, as printed.
    static func diagnostics(_ yaml: String) throws -> [String] {
        let (essay, _) = try AnnotateTests.lakes()
        let (model, loaded) = ModelLoader().load(TextFile(path: "seeds/lakes.yml", text: yaml))
        do {
            let briefing = try Annotator().annotate(essay, model: model, modelDiagnostics: loaded)
            return briefing.warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown key", yaml: entities + """
            facts:
              - id: share
                figure: "40 percent"
                lable: "Share"
                label: "Share"
                quote: "draws 40 percent"
            """, expected: ["seeds/lakes.yml:13:5: unknown key 'lable' in a fact; expected one of 'id', 'figure', 'label', 'when', 'quote', 'entities', 'value', 'unit', 'compare', 'review'"]),
        Case(name: "wrong type", yaml: entities + """
            facts:
              - id: share
                figure: "40 percent"
                label: "Share"
                quote: "draws 40 percent"
                value: forty
            """, expected: ["seeds/lakes.yml:15:12: 'value' must be a number, found 'forty'"]),
        Case(name: "a list where a mapping belongs", yaml: "- just\n- a list\n",
             expected: ["seeds/lakes.yml:1:1: the model must be a mapping of keys to values, found a list"]),
        Case(name: "missing field and unknown kind", yaml: """
            entities:
              - id: lake-vir
                kind: lake
                aliases: [Lake Vir]
              - id: ostrava
                name: Ostrava
                kind: town
            """, expected: ["seeds/lakes.yml:2:5: an entity is missing 'name'",
                            "seeds/lakes.yml:7:11: unknown kind 'town' for entity 'ostrava'; expected one of person, organisation, place, project, event, outlet, document"]),
        Case(name: "duplicate id", yaml: entities + """
              - id: ostrava
                name: Ostrava Town
                kind: place
                aliases: [Ostrava Town]
            """, expected: ["seeds/lakes.yml:10:5: duplicate entity id 'ostrava': first defined at line 6",
                            "seeds/lakes.yml:10:5: warning: alias 'Ostrava Town' of entity 'ostrava' is never mentioned in the essay"]),
        Case(name: "unknown reference", yaml: entities + """
            facts:
              - id: share
                figure: "40 percent"
                label: "Share"
                quote: "draws 40 percent"
                entities: [ostrava, prague]
            crossrefs:
              - id: above
                quote: "As noted above"
                to: "section:lakes"
            """, expected: ["seeds/lakes.yml:15:15: fact 'share' refers to unknown entity 'prague'",
                            "seeds/lakes.yml:19:9: cross-reference 'above' points to unknown section 'lakes'; the sections are introduction, water-use"]),
        Case(name: "quote not found", yaml: entities + """
            facts:
              - id: share
                figure: "40 percent"
                label: "Share"
                quote: "draws 45 percent of its water"
            """, expected: ["seeds/lakes.yml:14:12: quote of fact 'share' not found in the essay; the closest sentence is in p-1: \"Lake Vir feeds the town of Ostrava, which draws 40 percent of its water from it.\""]),
        Case(name: "quote found twice", yaml: entities + """
            events:
              - id: shrinking
                when: "2019"
                title: "The lake shrinks"
                quote: "Lake Vir"
            """, expected: ["seeds/lakes.yml:14:12: quote of event 'shrinking' occurs 3 times, in p-1, p-2, p-3; quote more words so that it occurs once"]),
        Case(name: "overlapping quotes", yaml: entities + """
            facts:
              - id: share
                figure: "40 percent"
                label: "Share"
                quote: "draws 40 percent"
            crossrefs:
              - id: water
                quote: "40 percent of its water"
                to: "paragraph:p-3"
            """, expected: ["seeds/lakes.yml:17:12: quote of cross-reference 'water' overlaps the quote of fact 'share' in p-1; shorten one of them"]),
        Case(name: "overlapping quotes in two paragraphs, each against every earlier one", yaml: entities + """
            facts:
              - id: council
                figure: "2019"
                label: "Council"
                quote: "The Ostrava council met"
              - id: share
                figure: "40 percent"
                label: "Share"
                quote: "draws 40 percent"
            crossrefs:
              - id: meeting
                quote: "council met in 2019"
                to: "paragraph:p-3"
              - id: water
                quote: "40 percent of its water"
                to: "paragraph:p-3"
              - id: its
                quote: "percent of its"
                to: "paragraph:p-3"
            """, expected: [
                "seeds/lakes.yml:21:12: quote of cross-reference 'meeting' overlaps the quote of fact 'council' in p-2; shorten one of them",
                "seeds/lakes.yml:24:12: quote of cross-reference 'water' overlaps the quote of fact 'share' in p-1; shorten one of them",
                "seeds/lakes.yml:27:12: quote of cross-reference 'its' overlaps the quote of fact 'share' in p-1; shorten one of them",
                "seeds/lakes.yml:27:12: quote of cross-reference 'its' overlaps the quote of cross-reference 'water' in p-1; shorten one of them",
            ]),
        Case(name: "alias never mentioned", yaml: """
            entities:
              - id: lake-vir
                name: Lake Vir
                kind: place
                aliases: [Lake Vir, Vir Lake]
            """, expected: ["seeds/lakes.yml:2:5: warning: alias 'Vir Lake' of entity 'lake-vir' is never mentioned in the essay"]),
        Case(name: "malformed YAML", yaml: "entities:\n  - id: [unclosed\n", expected: ["seeds/lakes.yml:3:1: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"]),
        Case(name: "bad date", yaml: "briefing:\n  date: 2024-13-01\n",
             expected: ["seeds/lakes.yml:2:9: 'date' must be a year, month or day written YYYY, YYYY-MM or YYYY-MM-DD, found '2024-13-01'"]),
        Case(name: "quotes fold curly and straight quotes, white space and Unicode forms", yaml: entities + """
            facts:
              - id: share
                figure: "40 percent"
                label: "Share"
                quote: "feeds   the town of\\u0020O\\u0073trava,"
            """, expected: []),
    ]

    @Test("each mistake is reported at its line", arguments: cases)
    func mistake(_ testCase: Case) throws {
        let found = try Self.diagnostics(testCase.yaml)
        #expect(found == testCase.expected, "\(found)")
    }

    @Test("quote matching ignores curly versus straight quotes and NFD versus NFC")
    func folding() {
        let corpus = QuoteCorpus(paragraphs: [.init(id: "p-1", sectionID: "introduction", text: "Serbia’s “new” Niš plan")], sectionIDs: ["introduction"])
        #expect(corpus.matches(of: "Serbia's \"new\"  Nis\u{030C} plan").count == 1)
        #expect(corpus.matches(of: "Serbia's \"new\" Nis plan").isEmpty)
    }

    @Test("two models defining one entity differently is an error at both places; the same way, a warning that names consolidation")
    func doubleDefinitions() throws {
        let lakes = try Data(contentsOf: TestSupport.fixture("lakes/lakes.txt"))
        let other = String(decoding: lakes, as: UTF8.self).replacingOccurrences(of: "The Two Lakes", with: "Another Look at Lakes")
        let (register, model) = try TestSupport.lakesWithRegister()
        // Each model defines Ostrava itself instead of naming the register's entry.
        let ostrava = "  - id: ostrava\n    name: Ostrava\n    kind: place\n    aliases: [Ostrava]\n    role: \"A town\"\n"
        let registerWithout = register.replacingOccurrences(of: ostrava, with: "")
        let ownModel = model.replacingOccurrences(of: "entities: [lake-vir, ostrava, lake-mala]\n",
                                                  with: "entities:\n  - lake-vir\n  - lake-mala\n" + ostrava)
        let otherModel = ownModel.replacingOccurrences(of: "role: \"A town\"", with: "role: \"A city in Czechia\"")
        #expect(ownModel != model && registerWithout != register && otherModel != ownModel)
        func site(_ second: String) throws -> URL {
            try TestSupport.sourceFolder(seeds: [
                "a.txt": lakes, "a.yml": Data(ownModel.utf8), "b.txt": Data(other.utf8), "b.yml": Data(second.utf8),
                "entities.yml": Data(registerWithout.utf8),
            ])
        }

        let message = "define it once, in seeds/entities.yml, and name it by id (- ostrava) in each model (`briefing entities --consolidate` moves identical definitions there)"
        #expect {
            try SiteBuilder().plan(source: site(otherModel))
        } throws: { error in
            (error as? BuildFailure)?.description == """
                seeds/a.yml:9:5: entity 'ostrava' is defined here and in seeds/b.yml:9:5; \(message)
                seeds/b.yml:9:5: entity 'ostrava' is defined here and in seeds/a.yml:9:5; \(message)
                """
        }

        let same = try site(ownModel)
        let build = try TestSupport.runBriefing(["build", "--source", same.path, "--quiet", "--no-cache"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardError.contains(
            "seeds/a.yml:9:5: warning: entity 'ostrava' is defined the same way here and in seeds/b.yml:9:5; define it once, in seeds/entities.yml, "
            + "and name it by id (- ostrava) in each model: `briefing entities --consolidate` moves it there"), "\(build.standardError)")
        let page = HTMLPage(try Data(contentsOf: same.appendingPathComponent("Public/" + Route.entity(id: "ostrava").file)))
        #expect(page.text.contains("A town"))
    }

    @Test("a model defining an entity the register holds is an error in both files")
    func definedInModelAndRegister() throws {
        let lakes = try Data(contentsOf: TestSupport.fixture("lakes/lakes.txt"))
        let (register, _) = try TestSupport.lakesWithRegister()
        let model = try Data(contentsOf: TestSupport.fixture("lakes/lakes.yml"))
        let source = try TestSupport.sourceFolder(seeds: ["a.txt": lakes, "a.yml": model, "entities.yml": Data(register.utf8)])
        var messages: [String] = []
        do { _ = try SiteBuilder().plan(source: source) } catch { messages = error.diagnostics.map(\.description) }
        let advice = "define it once: a model names a registered entity by its id alone (- ostrava)"
        #expect(messages.contains("seeds/a.yml:13:5: entity 'ostrava' is defined here and in seeds/entities.yml:8:5; \(advice)"), "\(messages)")
        #expect(messages.contains("seeds/entities.yml:8:5: entity 'ostrava' is defined here and in seeds/a.yml:13:5; \(advice)"), "\(messages)")
        #expect(messages.count == 6)
    }

    @Test("the seed's model loads with no errors and covers every figure")
    func seedModel() throws {
        let source = TestSupport.packageRoot
        let sources = try SourceTree.load(from: source)
        let briefings = try SiteBuilder().planAndBriefings(for: sources).briefings
        let briefing = try #require(briefings.first)
        let model = try #require(briefing.model?.model)
        #expect(briefing.warnings.isEmpty, "\(briefing.warnings)")
        #expect(model.entities.count >= 45)
        #expect(model.facts.count >= 35)
        #expect(model.events.count >= 20)
        let years = model.events.map(\.when.year)
        #expect(years.min() == 1999 && years.max() == 2025)
        let report = CoverageReport(briefing: briefing)
        #expect(report.figures.count >= 30)
        #expect(report.percentCovered == 100, "\(report.figures.filter { $0.factID == nil }.map(\.figure))")
        for id in ["aleksandar-vucic", "andrey-kortunov", "vjosa-osmani", "albin-kurti", "maria-zakharova", "maxim-samorukov",
                   "emmanuel-macron", "nis", "gazprom-neft", "nato", "european-union", "kfor", "un-security-council", "rt",
                   "sputnik", "n1", "kosovo", "banjska", "south-stream", "turkstream", "russian-serbian-humanitarian-center",
                   "unsc-resolution-1244", "ohrid-agreement"] {
            #expect(model.entity(id) != nil, "missing entity \(id)")
        }
    }

    @Test("an id is lower-case ASCII letters, digits and hyphens only", arguments: [
        ("nis-2008", true), ("a", true), ("-", true), ("Nis", false), ("nis_2008", false), ("niš", false), ("nis\u{301}", false),
        ("nis 2008", false), ("\u{FF4E}is", false), ("nis\u{0663}", false), ("ni\r\ns", false),
    ])
    func identifiers(_ id: String, _ valid: Bool) {
        let (model, diagnostics) = ModelLoader().load(TextFile(path: "seeds/x.yml", text: "entities:\n  - id: \(Self.quoted(id))\n    name: N\n    kind: person\n"))
        #expect(model.entities.map(\.id) == (valid ? [id] : []))
        #expect(diagnostics.map(\.message) == (valid ? [] : ["entity id '\(id)' must be lower-case ASCII letters, digits and hyphens (it becomes a URL)"]))
    }

    /// `text` as a YAML double-quoted scalar, every character escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { "\\U" + String(repeating: "0", count: 8 - String($0.value, radix: 16).count) + String($0.value, radix: 16) }.joined() + "\""
    }
}
