import Foundation
import Testing
@testable import BriefingKit

@Suite("Many briefings in one site")
struct ManyBriefingsTests {
    /// A source folder of `count` copies of the lakes essay, copy K titled "The Two Lakes
    /// No. K" and dated year 1900 + K, so that the last copy is the newest; their entities
    /// are in the site's register.
    static func lakesSite(count: Int) throws -> URL {
        let text = try String(contentsOf: TestSupport.fixture("lakes/lakes.txt"), encoding: .utf8)
        let (register, model) = try TestSupport.lakesWithRegister()
        var seeds: [String: Data] = ["entities.yml": Data(register.utf8)]
        for copy in 1...count {
            seeds["lakes-\(copy).txt"] = Data(text.replacingOccurrences(of: "- The Two Lakes -", with: "- The Two Lakes No. \(copy) -").utf8)
            seeds["lakes-\(copy).yml"] = Data(model.replacingOccurrences(of: "date: \"2024-05-01\"", with: "date: \"\(1900 + copy)\"").utf8)
        }
        return try TestSupport.sourceFolder(seeds: seeds)
    }

    static func page(_ plan: SitePlan, _ path: String) -> String {
        String(decoding: plan.files[path] ?? Data(), as: UTF8.self)
    }

    static let ostrava = Route.entity(id: "ostrava")

    /// The copy number of the briefing whose page `element` links to first.
    static func copyNumber(linkedFrom element: HTMLPage.Element) -> Int? {
        guard let href = element.links.first, let target = HTMLPage.target(of: href, from: ostrava),
              let match = target.wholeMatch(of: /the-two-lakes-no-(\d+)\//) else { return nil }
        return Int(match.output.1)
    }

    /// The briefings an entity page shows with their sentences: headings that link to a briefing.
    static func briefingsShownInFull(on page: HTMLPage) -> [Int] {
        page.all("h3").compactMap { copyNumber(linkedFrom: $0) }
    }

    @Test("the home page lists briefings newest first; an entity page gathers every briefing's mentions")
    func homeAndEntityPages() throws {
        let plan = try SiteBuilder().plan(source: Self.lakesSite(count: 3))
        let home = Self.page(plan, Route.home.file)
        let titles = home.matches(of: /The Two Lakes No\. (\d)/).map { String($0.output.1) }
        #expect(titles.first == "3" && Array(Set(titles)).sorted() == ["1", "2", "3"])
        #expect(try #require(home.range(of: "No. 3")).lowerBound < #require(home.range(of: "No. 1")).lowerBound)

        let ostrava = HTMLPage(plan.files[Self.ostrava.file] ?? Data())
        // Each copy names Ostrava three times.
        #expect(ostrava.all("h2").map(\.text).contains("Mentions 9"))
        #expect(Self.briefingsShownInFull(on: ostrava) == [3, 2, 1])
        #expect(!ostrava.text.contains("Also named in"))
    }

    @Test("an entity page shows its newest briefings in full, lists older ones by title and counts the rest")
    func entityPageLimits() throws {
        let count = EntityDirectory.detailLimit + EntityDirectory.listLimit + 5
        let plan = try SiteBuilder().plan(source: Self.lakesSite(count: count))
        let ostrava = HTMLPage(plan.files[Self.ostrava.file] ?? Data())
        #expect(Self.briefingsShownInFull(on: ostrava) == (count - EntityDirectory.detailLimit + 1...count).reversed().map { $0 })
        // Older briefings are listed by title: one link each to the briefing's page.
        let listed = ostrava.all("li").filter { $0.all("a").count == 1 }.compactMap { Self.copyNumber(linkedFrom: $0) }
        #expect(listed.count == EntityDirectory.listLimit)
        #expect(listed.first == count - EntityDirectory.detailLimit)
        #expect(ostrava.text.contains("and in 5 earlier briefings"))
        #expect(ostrava.all("h2").map(\.text).contains("Mentions \(3 * count)"))
        // The home page's pages list every briefing once, the first page the newest 25;
        // the feed holds the newest 20.
        let perPage = SiteConfig.defaultPaginate
        let pages = (1...(count + perPage - 1) / perPage).map { Self.page(plan, Route.home(page: $0).file) }
        let perHomePage = pages.map { HomePageTests.entries($0).count }
        #expect(perHomePage == Array(repeating: perPage, count: pages.count - 1) + [count - perPage * (pages.count - 1)])
        #expect(HomePageTests.entries(pages[0]).first?.hasPrefix("The Two Lakes No. \(count) ") == true)
        #expect(Self.page(plan, Route.home(page: pages.count + 1).file).isEmpty)
        let feed = Self.page(plan, "feed.xml")
        #expect(feed.matches(of: /<entry>/).count == Syndication.feedLimit)
        #expect(feed.contains("The Two Lakes No. \(count)<") && !feed.contains("The Two Lakes No. \(count - Syndication.feedLimit)<"))
    }

    @Test("a preview rebuild after each kind of edit writes exactly what a full build writes")
    func incrementalEqualsFull() async throws {
        let source = try Self.lakesSite(count: 3)
        let output = try TestSupport.scratchFolder().appendingPathComponent("site")
        let rebuilder = SiteRebuilder(source: source, output: output, options: BuildOptions(), broadcaster: nil,
                                      report: { _ in }, reportError: { _ in })
        let seeds = source.appendingPathComponent("seeds")
        func seed(_ copy: Int) -> URL { seeds.appendingPathComponent("lakes-\(copy).txt") }
        func edit(_ copy: Int, _ old: String, _ new: String) throws {
            let text = try String(contentsOf: seed(copy), encoding: .utf8)
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: seed(copy))
        }
        func editRegister(_ old: String, _ new: String) throws {
            let register = seeds.appendingPathComponent("entities.yml")
            let text = try String(contentsOf: register, encoding: .utf8)
            #expect(text.contains(old))
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: register)
        }
        func editModel(_ copy: Int, _ old: String, _ new: String) throws {
            let model = seeds.appendingPathComponent("lakes-\(copy).yml")
            let text = try String(contentsOf: model, encoding: .utf8)
            #expect(text.contains(old))
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: model)
        }
        let river = "  - id: river\n    name: The river\n    kind: place\n    aliases: [river]\n"
        let edits: [(String, () throws -> Void)] = [
            ("nothing", {}),
            ("a word in a sentence naming an entity", { try edit(2, "The council said Lake Vir was shrinking.", "The council said Lake Vir was drying.") }),
            ("a word in a sentence naming no entity", { try edit(1, "Nobody expects the river", "Nobody thinks the river") }),
            ("a sentence naming one more entity", { try edit(3, "Nobody expects the river", "Nobody in Ostrava expects the river") }),
            ("a title", { try edit(1, "No. 1", "No. 11") }),
            ("a seed removed", { try FileManager.default.removeItem(at: seed(2)); try FileManager.default.removeItem(at: seeds.appendingPathComponent("lakes-2.yml")) }),
            ("a seed added", { try Data(contentsOf: seed(3)).write(to: seeds.appendingPathComponent("lakes-4.txt")); try edit(4, "No. 3", "No. 4") }),
            ("a summary in the register", { try editRegister("The larger of the two lakes.", "The deeper of the two lakes.") }),
            ("a spelling added in the register", { try editRegister("aliases: [Ostrava]", "aliases: [Ostrava, Ostrava council]") }),
            ("an entry no briefing names added to the register", { try editRegister("entities:\n", "entities:\n  - id: lake-nova\n    name: Lake Nova\n    kind: place\n") }),
            ("an entity only one model defines", { try editModel(1, "entities: [lake-vir, ostrava, lake-mala]\n", "entities:\n  - lake-vir\n  - ostrava\n  - lake-mala\n" + river) }),
            ("that entity moved into the register", {
                try editModel(1, river, "  - river\n")
                try editRegister("entities:\n", "entities:\n" + river)
            }),
        ]
        for (name, change) in edits {
            try change()
            #expect(await rebuilder.rebuild(), "after \(name)")
            let expected = try SiteBuilder().plan(source: source).files
            let written = try TestSupport.snapshot(of: output)
            #expect(written.keys.sorted() == expected.keys.sorted(), "after \(name)")
            for (path, data) in expected where written[path] != data {
                Issue.record("after \(name), \(path) differs from a full build")
            }
        }
    }

    @Test("a long build shows a progress line on a terminal, and none through a pipe")
    func progressLine() throws {
        // With their models, so that the build lasts well past the line's delay.
        let text = try TestSupport.seedText()
        let model = try Data(contentsOf: TestSupport.seedURL.deletingPathExtension().appendingPathExtension("yml"))
        var seeds: [String: Data] = ["entities.yml": try TestSupport.seedRegister()]
        for copy in 1...6 {
            seeds["essay-\(copy).txt"] = Data(text.replacingOccurrences(of: "a Myth? -", with: "a Myth? (No. \(copy)) -").utf8)
            seeds["essay-\(copy).yml"] = model
        }
        let source = try TestSupport.sourceFolder(seeds: seeds)
        let piped = try TestSupport.runBriefing(["build", "--source", source.path])
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardError.isEmpty)

        // `script` gives the build a terminal; what the terminal showed comes back on stdout.
        let executable = try TestSupport.briefingExecutable.path
        let command = "\(executable) build --source \(source.path) --output \(source.path)/Other"
        let onTerminal = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command, "/dev/null"])
        #expect(onTerminal.status == 0)
        #expect(onTerminal.standardOutput.contains("/6 briefings · "), "\(onTerminal.standardOutput)")
        #expect(onTerminal.standardOutput.contains("6/6 briefings"), "\(onTerminal.standardOutput)")
        #expect(onTerminal.standardOutput.contains("built "))

        let quiet = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/script"), ["-qec", command + " --quiet", "/dev/null"])
        #expect(quiet.status == 0)
        #expect(!quiet.standardOutput.contains("briefings · "))
    }
}
