import Foundation
import Testing
@testable import BriefingKit

/// `briefing draft` on essays in several styles: the seed's (with its model set aside) and
/// seven written for these tests.
@Suite("Draft")
struct DraftTests {
    /// News in scraped form, finance and central-banking in Markdown (emphasis, links, a
    /// list and a quotation around the figures), long-form, British economics, commodities
    /// in Markdown, and trade news as plain text copied without breadcrumbs.
    static let essays = ["essays/port-strike.txt", "essays/chipmaker-results.md", "essays/fed-holds.md", "essays/river-delta.txt",
                         "essays/housing-crunch.txt", "essays/lithium-squeeze.md", "essays/rhine-drought.txt"]

    /// A source folder holding `essay` as its only seed, and the seed's path in it.
    static func sourceWith(_ essay: String) throws -> (root: URL, seed: String) {
        let name = (essay as NSString).lastPathComponent
        let data = try Data(contentsOf: TestSupport.fixture(essay))
        return (try TestSupport.sourceFolder(seeds: [name: data]), "seeds/\(name)")
    }

    static func essay(at root: URL, _ seed: String) throws -> Essay {
        let url = root.appendingPathComponent(seed)
        return try EssayReader.read(Data(contentsOf: url), file: seed, format: url.pathExtension == "md" ? .markdown : .scrapedText)
    }

    static func modelText(at root: URL, _ seed: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(String(seed.dropLast(seed.hasSuffix(".md") ? 2 : 3)) + "yml"), encoding: .utf8)
    }

    /// The coverage report of the essay annotated with the model file beside it.
    static func coverage(at root: URL, _ seed: String) throws -> CoverageReport {
        let (model, diagnostics) = try TestSupport.resolvedModel(at: root, seed: seed)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        return CoverageReport(briefing: try Annotator().annotate(essay(at: root, seed), model: model, modelDiagnostics: diagnostics))
    }

    @Test("a draft passes check with every figure covered and every item marked for review", arguments: essays)
    func draftPassesCheck(essay: String) throws {
        let (root, seed) = try Self.sourceWith(essay)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try SeedDraft().run(seed: seed, root: root, merge: false)
        #expect(outcome.dropped.isEmpty, "\(outcome.dropped)")
        let report = try Self.coverage(at: root, seed)
        #expect(!report.figures.isEmpty)
        #expect(report.figures.filter { $0.factID == nil }.map(\.figure) == [])
        let added = outcome.added
        #expect(!added.entities.isEmpty && !added.facts.isEmpty && !added.events.isEmpty)
        #expect(report.toReview.count == added.facts.count + added.events.count + added.crossReferences.count)
        // The names went into the site's register, each for review, and the model names them by id.
        #expect(added.entityReferences.map(\.id) == added.entities.map(\.id))
        #expect(outcome.registered.map(\.id) == added.entities.map(\.id))
        let sources = try SourceTree.load(from: root)
        let registerReport = RegisterReport(register: try sources.entityRegister(), briefings: try SiteBuilder().planAndBriefings(for: sources).briefings)
        #expect(registerReport.toReview.map(\.id) == added.entities.map(\.id))
        #expect(registerReport.warnings.isEmpty, "\(registerReport.warnings)")
        // The whole site builds with it.
        let plan = try SiteBuilder().plan(source: root)
        #expect(LinkChecker.brokenLinks(in: plan).isEmpty)
    }

    @Test("the seed, its hand-written model set aside, drafts into a model that passes check")
    func seedDraft() throws {
        let data = try Data(contentsOf: TestSupport.seedURL)
        let root = try TestSupport.sourceFolder(seeds: ["essay.txt": data])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = try SeedDraft().run(seed: "seeds/essay.txt", root: root, merge: false)
        #expect(outcome.dropped.isEmpty, "\(outcome.dropped)")
        let report = try Self.coverage(at: root, "seeds/essay.txt")
        #expect(report.coveredCount == report.figures.count)
        // A fact per figure, but for the few that share a quote with a neighbour.
        #expect(outcome.added.facts.count * 10 >= report.figures.count * 9)
    }

    @Test("essays drafted one after the other share the entities they both name, and the site checks")
    func secondDraftReusesEntities() throws {
        let names = ["fed-holds.md", "housing-crunch.txt"]
        let data = try names.map { try Data(contentsOf: TestSupport.fixture("essays/\($0)")) }
        let root = try TestSupport.sourceFolder(seeds: Dictionary(uniqueKeysWithValues: zip(names, data)))
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try SeedDraft().run(seed: "seeds/fed-holds.md", root: root, merge: false)
        let second = try SeedDraft().run(seed: "seeds/housing-crunch.txt", root: root, merge: false)
        let shared = try #require(first.added.entities.first { $0.aliases.contains("Treasury") })
        let reused = try #require(second.added.entities.first { $0.aliases.contains("Treasury") })
        #expect(reused.id == shared.id)
        #expect(second.added.entityReferences.contains { $0.id == shared.id })
        // The second draft adds to the register only names the first did not give it.
        #expect(!second.registered.contains { $0.id == shared.id })
        #expect(Set(second.registered.map(\.id)).isDisjoint(with: first.registered.map(\.id)))
        let sources = try SourceTree.load(from: root)
        let register = try sources.entityRegister()
        #expect(register.entities.map(\.id) == (first.registered + second.registered).map(\.id))
        let plan = try SiteBuilder().plan(for: sources)
        #expect(LinkChecker.brokenLinks(in: plan).isEmpty)
    }

    @Test("drafting is deterministic")
    func deterministic() throws {
        let first = try Self.sourceWith(Self.essays[0])
        let second = try Self.sourceWith(Self.essays[0])
        defer { [first.root, second.root].forEach { try? FileManager.default.removeItem(at: $0) } }
        _ = try SeedDraft().run(seed: first.seed, root: first.root, merge: false)
        _ = try SeedDraft().run(seed: second.seed, root: second.root, merge: false)
        #expect(try Self.modelText(at: first.root, first.seed) == Self.modelText(at: second.root, second.seed))
    }

    @Test("a drafted fact quotes the fewest whole words around its figure that occur once")
    func factShape() throws {
        let (root, seed) = try Self.sourceWith("essays/chipmaker-results.md")
        defer { try? FileManager.default.removeItem(at: root) }
        let model = try SeedDraft().run(seed: seed, root: root, merge: false).added
        let essay = try Self.essay(at: root, seed)
        let corpus = QuoteCorpus(try Annotator().annotate(essay).outline)
        for fact in model.facts {
            #expect(corpus.matches(of: fact.quote.text).count == 1, "\(fact.quote.text)")
            #expect(fact.quote.text.contains(fact.figure), "\(fact.id)")
            #expect(fact.review)
        }
        let revenue = try #require(model.facts.first { $0.figure == "$4.24 billion" })
        #expect(revenue.quote.text == "$4.24 billion")
        #expect(revenue.entities.contains { id in model.entities.contains { $0.id == id && $0.aliases.contains("Silica Semiconductor") } })
        // Dated sentences become events with the date they give.
        let dates = Set(model.events.map(\.when.description))
        #expect(dates.isSuperset(of: ["2025-02-13", "2024-10", "2019"]))
    }

    /// Words a label or a title cut short would end on.
    static let danglingEnds: Set<String> = ["and", "or", "but", "the", "a", "an", "of", "to", "in", "on", "for", "with", "by", "from", "at",
                                            "as", "than"]
    static let datePrepositions: Set<String> = ["in", "on", "for", "by", "since", "until", "from", "during", "after", "before", "at", "through"]

    @Test("drafted ids never name part of a figure, labels and titles are not cut off at a joining word, and titles leave out the whole date", arguments: essays)
    func wording(essay: String) throws {
        let (root, seed) = try Self.sourceWith(essay)
        defer { try? FileManager.default.removeItem(at: root) }
        let model = try SeedDraft().run(seed: seed, root: root, merge: false).added
        let figures = model.facts.map(\.figure)
        let ids = model.facts.map(\.id) + model.events.map(\.id)
        for id in ids {
            // "$1.6bn" must not become "6bn", a figure the essay may not give at all.
            for part in id.split(separator: "-") where part.contains(where: \.isNumber) && !part.allSatisfy(\.isNumber) {
                for figure in figures {
                    #expect(!figure.contains(".\(part)") && !figure.contains(",\(part)"), "\(id) against \(figure)")
                }
            }
        }
        for label in model.facts.map(\.label) {
            // "…carried 40% less cargo in August 2025 than" is cut off, not a label.
            let last = label.split(separator: " ").last.map { $0.lowercased() }
            #expect(!Self.danglingEnds.contains(last ?? ""), "\(label)")
        }
        for event in model.events {
            let last = event.title.split(separator: " ").last.map { $0.lowercased() }
            #expect(!Self.danglingEnds.contains(last ?? ""), "\(event.title)")
            // "cut its budget for 2025 and…" is not "cut its budget for and…".
            let words = event.title.lowercased().split(separator: " ").map(String.init)
            for (word, next) in zip(words, words.dropFirst()) {
                #expect(!(Self.datePrepositions.contains(word) && ["and", "or", "but"].contains(next)), "\(event.title)")
            }
        }
    }

    @Test("figures in a list and names in a quotation are drafted like any paragraph's")
    func listsAndQuotations() throws {
        let (root, seed) = try Self.sourceWith("essays/fed-holds.md")
        defer { try? FileManager.default.removeItem(at: root) }
        let model = try SeedDraft().run(seed: seed, root: root, merge: false).added
        let figures = Set(model.facts.map(\.figure))
        // "- Payrolls: 142,000 jobs added in August", "- Core PCE: 2.6% year on year"
        #expect(figures.isSuperset(of: ["142,000 jobs", "2.6%"]), "\(figures.sorted())")
        let report = try Self.coverage(at: root, seed)
        #expect(report.figures.contains { $0.figure.hasPrefix("142,000") && $0.factID != nil })
    }

    @Test("an existing model is never replaced without --merge")
    func refusesToOverwrite() throws {
        let (root, seed) = try Self.sourceWith(Self.essays[0])
        defer { try? FileManager.default.removeItem(at: root) }
        let modelURL = root.appendingPathComponent("seeds/port-strike.yml")
        let written = Data("# mine\nfacts:\n".utf8)
        try written.write(to: modelURL)
        #expect(throws: BuildFailure.self) { try SeedDraft().run(seed: seed, root: root, merge: false) }
        #expect(try Data(contentsOf: modelURL) == written)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("seeds").path)
        #expect(leftovers.sorted() == ["port-strike.txt", "port-strike.yml"])
    }

    @Test("--merge adds only what the model lacks and changes no byte already in it")
    func mergeKeepsEveryByte() throws {
        let (root, seed) = try Self.sourceWith(Self.essays[0])
        defer { try? FileManager.default.removeItem(at: root) }
        let modelURL = root.appendingPathComponent("seeds/port-strike.yml")
        let handWritten = """
            # The editor's own words; the comments, order and spacing must survive.
            briefing:
              summary: "Dockers strike at Europe's biggest port."   # standfirst
            entities:
              - id: fnv
                name: Federation of Dutch Trade Unions
                kind: organisation
                aliases: [Federation of Dutch Trade Unions, FNV]
            # ---- figures ----
            facts:
              -   id: strikers
                  figure: "4,500"
                  label: Dock workers on strike
                  quote: about 4,500 dock workers
                  entities: [fnv]    # trailing comment
            events:
            crossrefs: []

            """
        try Data(handWritten.utf8).write(to: modelURL)
        let outcome = try SeedDraft().run(seed: seed, root: root, merge: true)
        #expect(outcome.merged)
        let merged = try String(contentsOf: modelURL, encoding: .utf8)
        let lines = merged.components(separatedBy: "\n")
        let original = handWritten.components(separatedBy: "\n")
        let difference = lines.difference(from: original)
        #expect(difference.removals.isEmpty, "\(difference.removals)")
        #expect(!difference.insertions.isEmpty)
        // The figure already covered is not drafted again; the known name is not redrafted.
        #expect(!outcome.added.facts.contains { $0.figure == "4,500" })
        #expect(!outcome.added.entities.contains { $0.aliases.contains("FNV") })
        #expect(outcome.added.events.isEmpty && outcome.added.crossReferences.isEmpty)
        let report = try Self.coverage(at: root, seed)
        #expect(report.coveredCount == report.figures.count)
        // A second merge finds nothing more to add and leaves the file as it is.
        let again = try SeedDraft().run(seed: seed, root: root, merge: true)
        #expect(again.added.facts.isEmpty && again.added.entities.isEmpty)
        #expect(try String(contentsOf: modelURL, encoding: .utf8) == merged)
    }

    @Test("--merge refuses a list it cannot append to, with its place, and writes nothing")
    func mergeRefusesFlowList() throws {
        let (root, seed) = try Self.sourceWith(Self.essays[0])
        defer { try? FileManager.default.removeItem(at: root) }
        let modelURL = root.appendingPathComponent("seeds/port-strike.yml")
        let handWritten = "entities: []\nfacts: [{id: strikers, figure: \"4,500\", label: Strikers, quote: \"about 4,500 dock workers\"}]\n"
        try Data(handWritten.utf8).write(to: modelURL)
        do {
            _ = try SeedDraft().run(seed: seed, root: root, merge: true)
            Issue.record("merged into a flow list")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("seeds/port-strike.yml:1:1: 'entities' is not a list of '- ' items") }, "\(messages)")
        }
        #expect(try String(contentsOf: modelURL, encoding: .utf8) == handWritten)
    }

    @Test("a bad seed gets the errors build gives, and no model is written")
    func badSeed() throws {
        let root = try TestSupport.sourceFolder(seeds: ["broken.md": Data("---\ntitle: [unclosed\n---\nText.\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        var draftMessages: [String] = []
        do { _ = try SeedDraft().run(seed: "seeds/broken.md", root: root, merge: false) } catch { draftMessages = error.diagnostics.map(\.description) }
        var buildMessages: [String] = []
        do { _ = try SiteBuilder().plan(source: root) } catch { buildMessages = error.diagnostics.map(\.description) }
        #expect(!draftMessages.isEmpty)
        #expect(draftMessages == buildMessages)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("seeds/broken.yml").path))
    }
}
