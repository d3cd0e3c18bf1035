import Foundation
import Testing
@testable import BriefingKit

/// The memory of where quotes resolved, `.briefing-cache/anchors/NAME.json`: written by
/// every build and check that annotates a briefing, rewritten only when it changes,
/// ignored when damaged, never part of the site; and what `check --fix` gains from it.
@Suite("Remembered quote anchors on disk")
struct QuoteAnchorStoreTests {
    static let essay = """
        ---
        title: Harlow Foods Half-Year Results
        ---

        Harlow Foods said on Thursday that sales in Europe rose 6% in the second quarter as retailers restocked their shelves.

        ## Outlook

        The board kept its forecast for the year and raised the interim dividend to 42 cents a share. As noted above, Europe carried the half.

        """

    static let model = """
        entities:
          - id: harlow-foods
            name: Harlow Foods
            kind: organisation
            aliases: [Harlow Foods]
        facts:
          - id: europe-sales
            figure: "6%"
            label: "Growth of sales in Europe"
            quote: "sales in Europe rose 6% in the second quarter"
          - id: dividend
            figure: "42 cents"
            label: "Interim dividend"
            quote: "raised the interim dividend to 42 cents a share"
        events:
          - id: results-day
            when: "2024-07-18"
            title: "Half-year results"
            quote: "Harlow Foods said on Thursday"
        crossrefs:
          - id: noted
            quote: "As noted above"
            to: "paragraph:p-1"

        """

    static let seed = "seeds/results.md"

    static func source() throws -> URL {
        try TestSupport.sourceFolder(seeds: ["results.md": Data(essay.utf8), "results.yml": Data(model.utf8)])
    }

    static func anchorsURL(in source: URL) -> URL {
        source.appendingPathComponent(".briefing-cache/anchors/results.json")
    }

    /// The file's inode and modification time: a rewrite by rename changes the first.
    static func identity(of url: URL) throws -> (inode: Int, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return ((attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1, attributes[.modificationDate] as? Date ?? .distantPast)
    }

    /// Where `part` starts in `text`, in UTF-8 bytes.
    static func offset(of part: String, in text: String) throws -> Int {
        guard let range = text.range(of: part) else { throw TestFailure("\(part) is not in \(text)") }
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }

    @Test("a build remembers each quote's item, paragraph, section, offset and the words around it")
    func written() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(at: source) }
        let output = source.appendingPathComponent("out")
        let build = try TestSupport.runBriefing(["build", "--quiet", "--no-cache", "--source", source.path, "--output", output.path])
        #expect(build.status == 0, "\(build.standardError)")
        let anchors = QuoteAnchorStore(source: source).anchors(for: Self.seed)
        let first = "Harlow Foods said on Thursday that sales in Europe rose 6% in the second quarter as retailers restocked their shelves."
        let second = "The board kept its forecast for the year and raised the interim dividend to 42 cents a share. As noted above, Europe carried the half."
        #expect(anchors == [
            QuoteAnchor(kind: "fact", id: "europe-sales", quote: "sales in Europe rose 6% in the second quarter", paragraph: 1, paragraphID: "p-1",
                        sectionID: "introduction", offset: try Self.offset(of: "sales in", in: first),
                        prefix: "Foods said on Thursday that", suffix: "as retailers restocked their shelves."),
            QuoteAnchor(kind: "fact", id: "dividend", quote: "raised the interim dividend to 42 cents a share", paragraph: 2, paragraphID: "p-2",
                        sectionID: "outlook", offset: try Self.offset(of: "raised", in: second),
                        prefix: "forecast for the year and", suffix: "As noted above, Europe carried"),
            QuoteAnchor(kind: "event", id: "results-day", quote: "Harlow Foods said on Thursday", paragraph: 1, paragraphID: "p-1",
                        sectionID: "introduction", offset: 0, prefix: "", suffix: "that sales in Europe rose"),
            QuoteAnchor(kind: "cross-reference", id: "noted", quote: "As noted above", paragraph: 2, paragraphID: "p-2",
                        sectionID: "outlook", offset: try Self.offset(of: "As noted", in: second),
                        prefix: "to 42 cents a share.", suffix: "Europe carried the half."),
        ])
        // Deterministic: the bytes are the store's encoding of what it read back.
        let bytes = try Data(contentsOf: Self.anchorsURL(in: source))
        #expect(bytes == QuoteAnchorStore.encoded(anchors, seed: Self.seed))
    }

    @Test("a build or check that finds the same anchors leaves the file as it was; one that moves a quote rewrites it")
    func rewrittenOnlyWhenChanged() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(at: source) }
        let output = source.appendingPathComponent("out")
        #expect(try TestSupport.runBriefing(["build", "--quiet", "--source", source.path, "--output", output.path]).status == 0)
        let url = Self.anchorsURL(in: source)
        let before = try Self.identity(of: url)
        let bytes = try Data(contentsOf: url)
        #expect(try TestSupport.runBriefing(["build", "--quiet", "--no-cache", "--source", source.path, "--output", output.path]).status == 0)
        #expect(try TestSupport.runBriefing(["check", "--source", source.path]).status == 0)
        // A change to the essay that leaves every quote where it was writes nothing.
        let seedURL = source.appendingPathComponent(Self.seed)
        try Data(Self.essay.replacingOccurrences(of: "Harlow Foods Half-Year Results", with: "Harlow Foods Results for the Half Year").utf8).write(to: seedURL)
        #expect(try TestSupport.runBriefing(["build", "--quiet", "--source", source.path, "--output", output.path]).status == 0)
        let after = try Self.identity(of: url)
        #expect(after.inode == before.inode && after.modified == before.modified)
        #expect(try Data(contentsOf: url) == bytes)

        try Data(Self.essay.replacingOccurrences(of: "forecast for the year", with: "forecast for the whole year").utf8).write(to: seedURL)
        #expect(try TestSupport.runBriefing(["build", "--quiet", "--source", source.path, "--output", output.path]).status == 0)
        #expect(try Self.identity(of: url).inode != before.inode)
        #expect(QuoteAnchorStore(source: source).anchors(for: Self.seed).first { $0.id == "dividend" }?.prefix == "for the whole year and")
    }

    @Test("a check that passes remembers too; one that fails keeps the last memory")
    func check() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(at: source) }
        #expect(try TestSupport.runBriefing(["check", "--source", source.path]).status == 0)
        let bytes = try Data(contentsOf: Self.anchorsURL(in: source))
        #expect(QuoteAnchorStore(source: source).anchors(for: Self.seed).count == 4)
        try Data(Self.essay.replacingOccurrences(of: "interim dividend", with: "half-year dividend").utf8)
            .write(to: source.appendingPathComponent(Self.seed))
        #expect(try TestSupport.runBriefing(["check", "--source", source.path]).status != 0)
        #expect(try Data(contentsOf: Self.anchorsURL(in: source)) == bytes)
    }

    @Test("a file's bytes are JSONEncoder's, pretty with sorted keys, whatever its text holds")
    func bytesAreEncoders() throws {
        struct Layout: Encodable {
            var format: String
            var seed: String
            var anchors: [QuoteAnchor]
        }
        let odd = QuoteAnchor(kind: "fact", id: "a/b", quote: "say \"so\"\\ \u{1}\t\n<é> e\u{301} 😀", paragraph: 12, paragraphID: "p-12",
                              sectionID: "section-1", offset: 1_234_567, prefix: "", suffix: "after / it")
        let plain = QuoteAnchor(kind: "cross-reference", id: "x", quote: "q", paragraph: 0, paragraphID: "p-0", sectionID: "",
                                offset: 0, prefix: "one two", suffix: "three")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for anchors in [[], [odd], [plain, odd]] {
            let expected = try encoder.encode(Layout(format: QuoteAnchorStore.format, seed: Self.seed, anchors: anchors)) + Data("\n".utf8)
            let written = QuoteAnchorStore.encoded(anchors, seed: Self.seed)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
            #expect(written == expected)
            #expect(QuoteAnchorStore.anchors(in: written, seed: Self.seed) == anchors)
        }
    }

    @Test("a damaged, truncated or foreign file reads as no memory", arguments: [
        "not json at all",
        String(String(decoding: QuoteAnchorStore.encoded([QuoteAnchor(kind: "fact", id: "a", quote: "b", paragraph: 1, paragraphID: "p-1", sectionID: "introduction", offset: 0, prefix: "", suffix: "")], seed: "seeds/results.md"), as: UTF8.self).dropLast(40)),
        String(decoding: QuoteAnchorStore.encoded([QuoteAnchor(kind: "fact", id: "a", quote: "b", paragraph: 1, paragraphID: "p-1", sectionID: "introduction", offset: 0, prefix: "", suffix: "")], seed: "seeds/other.md"), as: UTF8.self),
        #"{"format": "briefing-anchors 2", "seed": "seeds/results.md", "anchors": []}"#,
        #"{"format": "briefing-anchors 1", "seed": "seeds/results.md", "anchors": [{"kind": 3}]}"#,
        "",
    ])
    func damaged(_ contents: String) throws {
        #expect(QuoteAnchorStore.anchors(in: Data(contents.utf8), seed: Self.seed) == [])
        #expect(QuoteAnchorStore.anchors(in: QuoteAnchorStore.encoded([QuoteAnchor(kind: "fact", id: "a", quote: "b", paragraph: 1, paragraphID: "p-1",
                                                                                    sectionID: "introduction", offset: 0, prefix: "", suffix: "")],
                                                                       seed: Self.seed), seed: Self.seed).count == 1, "a sound file is read")
    }

    @Test("a damaged memory fails no build, and the site is the same byte for byte with or without memory")
    func siteUnchanged() throws {
        let source = try Self.source()
        defer { try? FileManager.default.removeItem(at: source) }
        let without = source.appendingPathComponent("without"), with = source.appendingPathComponent("with"), damaged = source.appendingPathComponent("damaged")
        #expect(try TestSupport.runBriefing(["build", "--quiet", "--no-cache", "--source", source.path, "--output", without.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: Self.anchorsURL(in: source).path))
        #expect(try TestSupport.runBriefing(["build", "--quiet", "--source", source.path, "--output", with.path]).status == 0)
        try Data("{\"format\": \"briefing-anchors 1\", \"seed\": ".utf8).write(to: Self.anchorsURL(in: source))
        let build = try TestSupport.runBriefing(["build", "--source", source.path, "--output", damaged.path])
        #expect(build.status == 0)
        #expect(!build.standardError.contains("anchors"), "\(build.standardError)")
        let reference = try TestSupport.snapshot(of: without)
        #expect(!reference.isEmpty)
        #expect(try TestSupport.snapshot(of: with) == reference)
        #expect(try TestSupport.snapshot(of: damaged) == reference)
        #expect(QuoteAnchorStore(source: source).anchors(for: Self.seed).count == 4, "the build wrote a sound file over the damaged one")
    }

    @Test("check --fix places, with the memory of the last build, a quote that two passages are equally like")
    func fixAmbiguous() throws {
        let remembering = try Self.source(), forgetting = try Self.source()
        defer {
            try? FileManager.default.removeItem(at: remembering)
            try? FileManager.default.removeItem(at: forgetting)
        }
        #expect(try TestSupport.runBriefing(["build", "--quiet", "--source", remembering.path, "--output", remembering.appendingPathComponent("out").path]).status == 0)
        let edited = Self.essay
            .replacingOccurrences(of: "sales in Europe rose 6%", with: "sales across Europe rose 6%")
            .replacingOccurrences(of: "As noted above, Europe carried the half.",
                                  with: "As noted above, Europe carried the half; sales in Asia rose 6% in the second quarter too, from a low base.")
        for source in [remembering, forgetting] {
            try Data(edited.utf8).write(to: source.appendingPathComponent(Self.seed))
        }
        let lost = try TestSupport.runBriefing(["check", "--fix", "--source", forgetting.path])
        #expect(lost.status == 1)
        #expect(lost.standardError.contains("seeds/results.yml:10:12: quote of fact 'europe-sales' not found, and no passage is enough like it"), "\(lost.standardError)")

        let fixed = try TestSupport.runBriefing(["check", "--fix", "--source", remembering.path])
        #expect(fixed.status == 0, "\(fixed.standardError)")
        #expect(fixed.standardOutput.contains("fixed seeds/results.yml:10:12: fact 'europe-sales': \"sales in Europe rose 6% in the second quarter\" → \"sales across Europe rose 6% in the second quarter\""),
                "\(fixed.standardOutput)")
        let model = try String(contentsOf: remembering.appendingPathComponent("seeds/results.yml"), encoding: .utf8)
        #expect(model == Self.model.replacingOccurrences(of: "\"sales in Europe rose 6% in the second quarter\"", with: "\"sales across Europe rose 6% in the second quarter\""))
    }
}
