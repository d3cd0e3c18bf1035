import Foundation
import Testing
@testable import BriefingKit

/// `briefing build` with its cache (`.briefing-cache/`): after every kind of edit it writes
/// what a build from nothing writes, and a cache it cannot trust is not used.
@Suite("Build cache")
struct BuildCacheTests {
    /// Builds `source` with its cache into `source/Public` and from nothing into a scratch
    /// folder; records every file that differs. Returns what the cached build printed.
    @discardableResult
    static func expectSameAsCold(_ source: URL, after change: String) throws -> TestSupport.RunResult {
        let cached = try TestSupport.runBriefing(["build", "--source", source.path])
        #expect(cached.status == 0, "after \(change): \(cached.standardError)")
        let cold = try TestSupport.scratchFolder().appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: cold.deletingLastPathComponent()) }
        let fromNothing = try TestSupport.runBriefing(["build", "--source", source.path, "--no-cache", "--quiet", "--output", cold.path])
        #expect(fromNothing.status == 0, "after \(change): \(fromNothing.standardError)")
        let expected = try TestSupport.snapshot(of: cold)
        let written = try TestSupport.snapshot(of: source.appendingPathComponent("Public"))
        #expect(written.keys.sorted() == expected.keys.sorted(), "after \(change)")
        for (path, data) in expected where written[path] != data {
            Issue.record("after \(change), \(path) differs from a build from nothing")
        }
        #expect(try folders(in: source.appendingPathComponent("Public")) == folders(in: cold), "after \(change)")
        return cached
    }

    /// Every folder under `root`, relative: a removed briefing leaves none behind.
    static func folders(in root: URL) throws -> [String] {
        let base = root.standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        var folders: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true {
                folders.append(String(url.standardizedFileURL.path.dropFirst(base.count + 1)))
            }
        }
        return folders.sorted()
    }

    static func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) lacks \(old)")
        try IncrementalBuildTests.save(Data(text.replacingOccurrences(of: old, with: new).utf8), to: file)
    }

    /// The number of files the build said it changed, from `built N files (M changed)`.
    static func changedCount(_ result: TestSupport.RunResult) -> Int? {
        result.standardOutput.firstMatch(of: /\((\d+) changed\)/).flatMap { Int($0.output.1) }
    }

    /// The model names the register's entities in a flow list; a definition of its own
    /// joins them as a block list.
    static let councilEntity = """
    entities:
      - lake-vir
      - ostrava
      - lake-mala
      - id: council
        name: Ostrava Council
        kind: organisation
        aliases: [council]

    """

    @Test("after every kind of edit, a build with the cache writes what a build from nothing writes")
    func everyKindOfEdit() throws {
        let source = try ManyBriefingsTests.lakesSite(count: 3)
        // Two briefings to a page, so that edits move briefings between the home page's pages.
        try Data("paginate: 2\n".utf8).write(to: source.appendingPathComponent("site.yml"))
        let seeds = source.appendingPathComponent("seeds")
        func seed(_ copy: Int, _ ext: String = "txt") -> URL { seeds.appendingPathComponent("lakes-\(copy).\(ext)") }
        let site = source.appendingPathComponent("Public")
        let edits: [(String, () throws -> Void)] = [
            ("the first build", {}),
            ("nothing", {}),
            ("a word in a sentence naming an entity", { try Self.edit(seed(2), "Lake Vir was shrinking.", "Lake Vir was drying.") }),
            ("a word in a sentence naming no entity", { try Self.edit(seed(1), "Nobody expects the river", "Nobody thinks the river") }),
            ("a sentence naming one more entity", { try Self.edit(seed(3), "Nobody expects the river", "Nobody in Ostrava expects the river") }),
            ("an accent in a sentence naming an entity", { try Self.edit(seed(2), "Lake Vir was drying.", "Lake Vir was drying, said the caf\u{E9}.") }),
            // Equal as Swift compares strings, different bytes: the pages must change too.
            ("the same accent written as two code points", {
                let bytes = try Data(contentsOf: seed(2))
                let composed = Data("caf\u{E9}".utf8), decomposed = Data("cafe\u{301}".utf8)
                let range = try #require(bytes.range(of: composed))
                var edited = bytes
                edited.replaceSubrange(range, with: decomposed)
                try IncrementalBuildTests.save(edited, to: seed(2))
            }),
            ("a new entity in a model", { try Self.edit(seed(3, "yml"), "entities: [lake-vir, ostrava, lake-mala]\n", Self.councilEntity) }),
            ("a title", { try Self.edit(seed(1), "No. 1 -", "No. 11 -") }),
            ("a date", { try Self.edit(seed(2, "yml"), "date: \"1902\"", "date: \"1999-12\"") }),
            ("a seed added", {
                try Data(contentsOf: seed(3)).write(to: seed(4))
                try Self.edit(seed(4), "No. 3 -", "No. 4 -")
            }),
            ("a seed removed", {
                try FileManager.default.removeItem(at: seed(2))
                try FileManager.default.removeItem(at: seed(2, "yml"))
            }),
            ("a template changed", {
                try Self.edit(source.appendingPathComponent("Templates/briefing.mustache"), "</main>", "<p>Filed from the lake.</p></main>")
            }),
            ("site.yml changed", { try Data("title: \"Lakes\"\npaginate: 1\n".utf8).write(to: source.appendingPathComponent("site.yml")) }),
            ("a page of the output removed, another rewritten", {
                try FileManager.default.removeItem(at: site.appendingPathComponent(Route.entity(id: "ostrava").file))
                try Data("changed by hand\n".utf8).write(to: site.appendingPathComponent(Route.home.file))
            }),
            ("a briefing's file rewritten with its stamp put back", {
                let page = site.appendingPathComponent(Route.facts(slug: "the-two-lakes-no-3").file)
                let times = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate]
                let text = try String(contentsOf: page, encoding: .utf8)
                let handle = try FileHandle(forWritingTo: page)
                try handle.write(contentsOf: Data(text.replacingOccurrences(of: "Lake", with: "Pond").utf8.prefix(text.utf8.count)))
                try handle.close()
                try FileManager.default.setAttributes([.modificationDate: times as Any], ofItemAtPath: page.path)
            }),
        ]
        for (name, change) in edits {
            try change()
            let result = try Self.expectSameAsCold(source, after: name)
            #expect(result.standardError.isEmpty, "after \(name): \(result.standardError)")
            if name == "nothing" { #expect(Self.changedCount(result) == 0, "\(result.standardOutput)") }
        }
    }

    @Test("a build after a one-word edit reads one seed and its model, and writes only what changed")
    func oneWordEdit() throws {
        let source = try ManyBriefingsTests.lakesSite(count: 3)
        let output = source.appendingPathComponent("Public")
        // Each build a new IncrementalBuild that reads the cache from disk, as a new
        // `briefing build` does; all in this process, whose build of Briefing wrote the cache.
        func build() throws -> IncrementalBuild.Outcome {
            let build = IncrementalBuild(source: source, output: output, options: BuildOptions())
            let outcome = try build.build()
            #expect(outcome.cacheNotices.isEmpty && build.saveCache().isEmpty, "\(outcome.cacheNotices)")
            return outcome
        }
        // Stamps taken right after a file changed are not trusted (FileStamp.isSettled).
        sleep(UInt32(FileStamp.settlingTime))
        #expect(try build().seedsRead.count == 6)
        let unchanged = try build()
        #expect(unchanged.seedsRead.isEmpty && unchanged.changed == 0, "\(unchanged.seedsRead)")

        let before = try TestSupport.snapshot(of: output)
        try Self.edit(source.appendingPathComponent("seeds/lakes-2.txt"), "Nobody expects the river", "Nobody thinks the river")
        let edited = try build()
        #expect(edited.seedsRead == ["seeds/lakes-2.txt", "seeds/lakes-2.yml"], "\(edited.seedsRead)")
        let changed = IncrementalBuildTests.changedPaths(from: before, to: try TestSupport.snapshot(of: output))
        #expect(edited.changed == changed.count)
        #expect(!changed.isEmpty && changed.allSatisfy { $0.hasPrefix("the-two-lakes-no-2/") }, "\(changed)")
        try IncrementalBuildTests.expectFullBuild(of: source, in: output, after: "a one-word edit")
    }

    /// The build's notice about a cache it did not use, on stderr.
    static func expectNotice(_ result: TestSupport.RunResult, _ reason: String, after change: String) {
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "after \(change): \(result.standardError)")
        #expect(lines.first?.hasPrefix(".briefing-cache: not used, ") == true, "after \(change): \(result.standardError)")
        #expect(lines.first?.contains(reason) == true, "after \(change): \(result.standardError)")
        #expect(lines.first?.hasSuffix("; building every briefing again") == true, "after \(change): \(result.standardError)")
    }

    static func stateFile(of source: URL) -> URL { source.appendingPathComponent(".briefing-cache/state") }

    /// Rewrites the cache's state as `change` says, keeping its header sound.
    static func rewriteState(of source: URL, _ change: (inout CacheState) -> Void) throws {
        let path = stateFile(of: source).path
        guard let contents = try CacheFile.read(path) else { throw TestFailure("no state") }
        var reader = try CacheReader(contents)
        var state = try CacheState(from: &reader)
        change(&state)
        var writer = CacheWriter()
        state.write(to: &writer)
        try CacheFile.write(writer.bytes, to: path)
    }

    static func blobs(of source: URL) throws -> [URL] {
        let folder = source.appendingPathComponent(".briefing-cache/blobs")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("a cache that is damaged, cut short, from another Briefing or another source folder is not used, and the build says so")
    func untrustedCaches() throws {
        let source = try ManyBriefingsTests.lakesSite(count: 3)
        try Self.expectSameAsCold(source, after: "the first build")
        let state = Self.stateFile(of: source)
        let cases: [(name: String, reason: String, spoil: () throws -> Void)] = [
            ("a damaged state", "do not match their checksum", {
                var bytes = try [UInt8](Data(contentsOf: state))
                bytes[bytes.count / 2] ^= 0x20
                try Data(bytes).write(to: state)
            }),
            ("a state cut short", "ends early", {
                let bytes = try Data(contentsOf: state)
                try bytes.prefix(bytes.count * 2 / 3).write(to: state)
            }),
            ("a state from another version", "made by Briefing 0.0.1-old", {
                try Self.rewriteState(of: source) { $0.maker.version = "0.0.1-old" }
            }),
            ("a state from another build of this version", "made by another build of Briefing", {
                try Self.rewriteState(of: source) { $0.maker.executable = "0-0.0" }
            }),
            ("a state that is not the cache's", "not a file of Briefing's cache", {
                try Data("title: not a cache\n".utf8).write(to: state)
            }),
            ("a damaged digest, needed after a title changed", "do not match their checksum", {
                for blob in try Self.blobs(of: source) {
                    var bytes = try [UInt8](Data(contentsOf: blob))
                    bytes[bytes.count - 3] ^= 0x01
                    try Data(bytes).write(to: blob)
                }
                try Self.edit(source.appendingPathComponent("seeds/lakes-1.txt"), "Lakes No. 1 -", "Lakes No. 1b -")
            }),
            ("a missing digest, needed after a word changed", "is missing", {
                for blob in try Self.blobs(of: source) { try FileManager.default.removeItem(at: blob) }
                try Self.edit(source.appendingPathComponent("seeds/lakes-3.txt"), "Lake Vir was shrinking.", "Lake Vir was drying.")
            }),
        ]
        for (name, reason, spoil) in cases {
            try spoil()
            let result = try Self.expectSameAsCold(source, after: name)
            Self.expectNotice(result, reason, after: name)
            // The build wrote a sound cache again.
            let next = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
            #expect(next.status == 0 && next.standardError.isEmpty, "after \(name): \(next.standardError)")
        }

        // Said with --quiet too, on one line.
        try Self.rewriteState(of: source) { $0.maker.version = "0.0.2-old" }
        let quiet = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
        #expect(quiet.standardOutput.isEmpty)
        Self.expectNotice(quiet, "made by Briefing 0.0.2-old", after: "a quiet build")

        // A source folder copied with its cache.
        let copy = try TestSupport.scratchFolder().appendingPathComponent("copy")
        try FileManager.default.copyItem(at: source, to: copy)
        let moved = try Self.expectSameAsCold(copy, after: "the site was copied elsewhere")
        Self.expectNotice(moved, "made for the source folder \(source.standardizedFileURL.path)", after: "the site was copied elsewhere")
    }

    @Test("builds killed at any moment, while they write the site or the cache, leave a cache the next build can use or must ignore")
    func killedBuilds() throws {
        let source = try ManyBriefingsTests.lakesSite(count: 12)
        try Self.expectSameAsCold(source, after: "the first build")
        let executable = try TestSupport.briefingExecutable
        for round in 0..<8 {
            try Self.edit(source.appendingPathComponent("seeds/lakes-\(round % 3 + 1).txt"), "A Short Study", "A Short Study \(round)")
            if round % 2 == 1 {
                try Self.edit(source.appendingPathComponent("Templates/briefing.mustache"), "</main>", "<p>Round \(round).</p></main>")
            }
            let build = Process()
            build.executableURL = executable
            build.arguments = ["build", "--source", source.path, "--quiet"]
            build.standardError = FileHandle.nullDevice
            try build.run()
            usleep(UInt32(20_000 + round * 45_000))
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let result = try Self.expectSameAsCold(source, after: "a build killed in round \(round)")
            #expect(!result.standardError.contains("error"), "\(result.standardError)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent(".briefing-cache").path)
        #expect(leftovers.sorted() == ["anchors", "blobs", "state"])
        // Each briefing's remembered anchors read back whole, whenever the builds were killed.
        let anchors = QuoteAnchorStore(source: source)
        for number in 1...12 {
            #expect(!anchors.anchors(for: "seeds/lakes-\(number).txt").isEmpty, "lakes-\(number)")
        }
    }

    @Test("what the cache keeps reads back as it was made")
    func roundTrip() throws {
        let source = try ManyBriefingsTests.lakesSite(count: 2)
        let sources = try SourceTree.load(from: source)
        let renderer = SiteRenderer(templates: try TemplateSet(files: sources.templates))
        var directory = EntityDirectory()
        for seed in sources.seeds {
            let essay = try EssayReader.read(seed.data, file: seed.path, format: seed.format)
            let (model, problems) = try sources.entityRegister().resolve(loaded: ModelLoader().load(try #require(seed.model)))
            let briefing = try Annotator().annotate(essay, model: model, modelDiagnostics: problems)
            let digest = renderer.digest(of: briefing, files: ["a", "b"])
            var writer = CacheWriter()
            digest.write(to: &writer)
            var reader = try CacheReader(writer.bytes)
            #expect(try BriefingDigest(from: &reader) == digest)
            #expect(reader.isAtEnd)
            directory.add(digest)
        }
        directory.finish()
        var writer = CacheWriter()
        directory.write(to: &writer)
        var reader = try CacheReader(writer.bytes)
        let back = try EntityDirectory(from: &reader)
        #expect(back.records.keys.sorted() == directory.records.keys.sorted())
        for (id, record) in directory.records {
            #expect(try renderer.entityPage(record, directory: directory) == renderer.entityPage(#require(back.records[id]), directory: back))
        }
        // Every prefix of a file is told apart from the whole.
        let bytes = CacheFile.wrap(writer.bytes)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 50)) {
            #expect(throws: CacheDamage.self) { try CacheFile.unwrap(Array(bytes.prefix(length))) }
        }
        #expect(try CacheFile.unwrap(bytes) == writer.bytes)
    }

    @Test("the cache's table of strings keeps each text once, telling apart texts Swift calls equal")
    func stringTable() throws {
        // Enough strings to grow the table several times; each written twice.
        let texts = (0..<2_000).map { "text \($0) " + String(repeating: "x", count: $0 % 40) } + ["", "é", "e\u{301}", "😀"]
        var writer = CacheWriter()
        writer.strings(texts)
        writer.strings(texts.reversed())
        var reader = try CacheReader(writer.bytes)
        let first = try reader.strings(), second = try reader.strings()
        #expect(first.map { Array($0.utf8) } == texts.map { Array($0.utf8) })
        #expect(second.map { Array($0.utf8) } == texts.reversed().map { Array($0.utf8) })
        #expect(reader.isAtEnd)
        // Once each in the table: the bytes are those of the texts plus a few per string,
        // not twice the texts.
        let textBytes = texts.reduce(0) { $0 + $1.utf8.count }
        #expect(writer.bytes.count < textBytes + 8 * texts.count)
    }

    @Test("content hashes are XXH64's")
    func contentHash() {
        #expect(ContentHash.hash([UInt8]()) == 0xEF46_DB37_51D8_E999)
        #expect(ContentHash.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(ContentHash.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        let long = Array("Nobody expects the river to recover soon, said the council of Ostrava.".utf8)
        var changed = long
        changed[40] ^= 1
        #expect(ContentHash.hash(long) != ContentHash.hash(changed))
    }
}
