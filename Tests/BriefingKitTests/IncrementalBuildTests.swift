import Foundation
import Testing
@testable import BriefingKit

/// The preview's builds into one output folder: after every kind of change the folder
/// holds what a full build makes, and only the files whose bytes changed were written.
@Suite("Incremental build")
struct IncrementalBuildTests {
    static let harbour = """
    ---
    title: Harbour Dredging Starts in Kessel
    author: Lena Dorn
    date: 2022-06-02
    ---

    The port authority began dredging the outer channel on Monday. The Kessel Harbour Board said the work would take two months.

    Fishermen in Kessel said the noise kept the herring away.

    Shipping agents expect larger vessels by the autumn.

    """

    static let market = """
    ---
    title: Fish Prices Fall at the Kessel Market
    date: 2022-07-15
    ---

    Herring sold for less in Kessel this week as catches rose.

    Buyers from inland towns filled their vans before noon.

    """

    static let kessel = """
      - id: kessel
        name: Kessel
        kind: place
        aliases: [Kessel]

    """

    /// Kessel is defined once, in the register; each model names it by id.
    static let register = "entities:\n" + kessel
    static let marketModel = "entities:\n  - kessel\n"

    static let harbourModel = "entities:\n  - kessel\n" + """
      - id: harbour-board
        name: Kessel Harbour Board
        kind: organisation
        aliases: [Kessel Harbour Board]

    """

    static let harbourFolder = "harbour-dredging-starts-in-kessel/"

    /// A source folder of two news items sharing an entity, and where its site goes.
    static func site() throws -> (source: URL, output: URL) {
        let source = try TestSupport.sourceFolder(seeds: [
            "harbour.md": Data(harbour.utf8), "harbour.yml": Data(harbourModel.utf8),
            "market.md": Data(market.utf8), "market.yml": Data(marketModel.utf8), "entities.yml": Data(register.utf8),
        ])
        return (source, try TestSupport.scratchFolder().appendingPathComponent("site"))
    }

    /// Records every file of `output` that differs from a full build of `source`.
    static func expectFullBuild(of source: URL, in output: URL, after change: String) throws {
        let expected = try SiteBuilder().plan(source: source).files
        let written = try TestSupport.snapshot(of: output)
        #expect(written.keys.sorted() == expected.keys.sorted(), "after \(change)")
        for (path, data) in expected where written[path] != data {
            Issue.record("after \(change), \(path) differs from a full build")
        }
    }

    /// Replaces `old` by `new` in `file` as an editor saves: a new file renamed over it.
    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try save(Data(text.replacingOccurrences(of: old, with: new).utf8), to: file)
    }

    static func save(_ data: Data, to file: URL) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).new")
        try data.write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else { throw TestFailure("rename failed: \(errno)") }
    }

    static func changedPaths(from before: [String: Data], to after: [String: Data]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    @Test("a build with nothing changed writes nothing")
    func nothingChanged() throws {
        let (source, output) = try Self.site()
        let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
        let first = try build.build()
        #expect(first.changed == first.paths.count)
        let second = try build.build()
        #expect(second.changed == 0)
        #expect(second.paths == first.paths)
        try Self.expectFullBuild(of: source, in: output, after: "no change")
    }

    @Test("a seed saved again with the same bytes is not made again")
    func sameBytesSavedAgain() throws {
        let (source, output) = try Self.site()
        let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
        _ = try build.build()
        try Self.save(Data(Self.harbour.utf8), to: source.appendingPathComponent("seeds/harbour.md"))
        #expect(try build.build().changed == 0)
    }

    @Test("an edit that keeps the names rewrites only its briefing's files and the entity pages it touches")
    func sentenceEdit() throws {
        let (source, output) = try Self.site()
        let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
        _ = try build.build()
        let before = try TestSupport.snapshot(of: output)
        try Self.edit(source.appendingPathComponent("seeds/harbour.md"), "kept the herring away", "drove the herring off")
        let outcome = try build.build()
        let after = try TestSupport.snapshot(of: output)
        let changed = Self.changedPaths(from: before, to: after)
        #expect(outcome.changed == changed.count)
        #expect(changed.contains(Self.harbourFolder + "index.html"))
        #expect(changed.contains("entities/kessel/index.html"))
        for path in changed {
            #expect(path.hasPrefix(Self.harbourFolder) || path.hasPrefix("entities/"), "\(path) was written")
        }
        try Self.expectFullBuild(of: source, in: output, after: "a sentence edit")
    }

    @Test("after the output folder is removed, the next build writes the whole site again")
    func outputRemoved() throws {
        let (source, output) = try Self.site()
        let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
        _ = try build.build()
        try FileManager.default.removeItem(at: output)
        try Self.edit(source.appendingPathComponent("seeds/market.md"), "before noon", "by noon")
        _ = try build.build()
        try Self.expectFullBuild(of: source, in: output, after: "the output was removed")
    }

    @Test("a failed build leaves the site as it was, and the next good one equals a full build")
    func failureThenRecovery() throws {
        let (source, output) = try Self.site()
        let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
        _ = try build.build()
        let before = try TestSupport.snapshot(of: output)
        let model = source.appendingPathComponent("seeds/market.yml")
        try Self.edit(source.appendingPathComponent("seeds/harbour.md"), "two months", "ten weeks")
        try Self.save(Data("entities: [\n".utf8), to: model)
        #expect {
            try build.build()
        } throws: { error in
            (error as? BuildFailure)?.description.hasPrefix("seeds/market.yml:") == true
        }
        #expect(try TestSupport.snapshot(of: output) == before)
        try Self.save(Data(Self.marketModel.utf8), to: model)
        let outcome = try build.build()
        #expect(outcome.changed > 0)
        try Self.expectFullBuild(of: source, in: output, after: "a broken model was mended")
    }

    @Test("a template edit makes every page again")
    func templateEdit() throws {
        let (source, output) = try Self.site()
        let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
        _ = try build.build()
        try Self.edit(source.appendingPathComponent("Templates/briefing.mustache"), "</main>", "<p>Filed from the quay.</p></main>")
        _ = try build.build()
        let page = try String(contentsOf: output.appendingPathComponent(Self.harbourFolder + "index.html"), encoding: .utf8)
        #expect(page.contains("Filed from the quay."))
        try Self.expectFullBuild(of: source, in: output, after: "a template edit")
    }

    @Test("a watcher's batch spares looking at the other files, and a failed build's changes count until one succeeds")
    func watcherBatches() throws {
        let (source, output) = try Self.site()
        // Only stamps of files that settled are trusted (FileStamp.isSettled).
        sleep(UInt32(FileStamp.settlingTime))
        let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
        _ = try build.build()
        let harbour = source.appendingPathComponent("seeds/harbour.md")
        let model = source.appendingPathComponent("seeds/market.yml")
        let page = output.appendingPathComponent(Self.harbourFolder + "index.html")

        // A seed the batch does not name is taken as the last build saw it...
        try Self.edit(harbour, "two months", "ten weeks")
        _ = try build.build(changedFiles: [model.path])
        #expect(try !String(contentsOf: page, encoding: .utf8).contains("ten weeks"))
        // ...and with no batch every file is looked at.
        _ = try build.build()
        #expect(try String(contentsOf: page, encoding: .utf8).contains("ten weeks"))

        try Self.save(Data("entities: [\n".utf8), to: model)
        #expect(throws: BuildFailure.self) { try build.build(changedFiles: [model.path]) }
        try Self.edit(harbour, "ten weeks", "nine weeks")
        // The broken model is not in this batch, but changed since the last build that succeeded.
        #expect(throws: BuildFailure.self) { try build.build(changedFiles: [harbour.path]) }
        try Self.save(Data(Self.marketModel.utf8), to: model)
        _ = try build.build(changedFiles: [model.path])
        try Self.expectFullBuild(of: source, in: output, after: "a failed build and two batches")
    }

    @Test("check's one pass gives the plan of a full build and every briefing, in the order of the seeds")
    func planAndBriefings() throws {
        let sources = try SourceTree.load(from: Self.site().source)
        let (plan, briefings) = try SiteBuilder().planAndBriefings(for: sources)
        #expect(plan == (try SiteBuilder().plan(for: sources)))
        #expect(briefings.map(\.essay.file) == sources.seeds.map(\.path))
        for briefing in briefings {
            #expect(plan.files["\(briefing.slug)/index.html"] != nil)
        }
        #expect(briefings.first { $0.slug + "/" == Self.harbourFolder }?.mentions.contains { $0.entityID == "harbour-board" } == true)
    }
}
