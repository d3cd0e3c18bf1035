import Foundation
import Testing
@testable import BriefingKit

/// Each bad input fails with one clear line naming the file, exit status 1, and an
/// output folder exactly as it was before.
@Suite("Bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The start of the one line the build prints (the whole line where it is short).
        var expected: String
        /// Breaks a copy of the good source folder.
        var breakSource: @Sendable (URL) throws -> Void
        var testDescription: String { name }

        init(_ name: String, _ expected: String, _ breakSource: @escaping @Sendable (URL) throws -> Void) {
            self.name = name
            self.expected = expected
            self.breakSource = breakSource
        }

        static func seed(_ name: String, _ expected: String, _ data: Data) -> Case {
            Case(name, expected) { try data.write(to: $0.appendingPathComponent("seeds/essay.txt")) }
        }

        static func model(_ name: String, _ expected: String, _ yaml: String) -> Case {
            Case(name, expected) { try Data(yaml.utf8).write(to: $0.appendingPathComponent("seeds/essay.yml")) }
        }

        static func template(_ name: String, _ expected: String, _ file: String, _ text: String) -> Case {
            Case(name, expected) { try Data(text.utf8).write(to: $0.appendingPathComponent("Templates/\(file)")) }
        }
    }

    static let cases: [Case] = [
        .seed("empty seed", "seeds/essay.txt:1:1: the seed is empty", Data()),
        .seed("white space only", "seeds/essay.txt:1:1: the seed holds only white space", Data(" \n\t\n  \n".utf8)),
        .seed("not UTF-8", "seeds/essay.txt:3:4: the file is not UTF-8 text (invalid byte here); save it as UTF-8",
              Data("- Home\n- Title\nCaf".utf8) + Data([0xE9, 0x20]) + Data(" au lait.\n".utf8)),
        .seed("a binary file", "seeds/essay.txt:1:5: the file holds a NUL byte: it looks binary, not text",
              Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00])),
        .seed("no title", "seeds/essay.txt:1:1: no title: the first line should be the title (at most 150 characters, not ending in a full stop), "
              + "or the essay should start with breadcrumb lines (\"- Home\"), the last of which holds \"- Title - Subtitle\"",
              Data("Just a paragraph of text.\nAnd another one.\n".utf8)),
        .seed("a seed with only a title", "seeds/essay.txt:2:1: the essay has a title but no paragraphs", Data("- Home\n- The Title - Sub\n".utf8)),
        .model("a misspelt quote",
               "seeds/essay.yml:5:12: quote of fact 'nis-sale' not found in the essay; the passage now reads \"for a modest €400 million\" (p-11), with another figure: €40 million became €400 million; check the fact, then quote the new words",
               "facts:\n  - id: nis-sale\n    figure: \"€400 million\"\n    label: Price\n    quote: \"for a modest €40 million\"\n"),
        .model("a quote spanning two paragraphs", "seeds/essay.yml:5:12: quote of fact 'span' not found in the essay",
               "facts:\n  - id: span\n    figure: \"x\"\n    label: Spans\n    quote: \"for short-term gain. On this very note\"\n"),
        .model("malformed YAML", "seeds/essay.yml:2:1: not valid YAML: did not find expected node content (while parsing a flow node)", "facts: [\n"),
        .model("tabs in YAML", "seeds/essay.yml:2:1: not valid YAML: found character that cannot start any token (while scanning for the next token)",
               "entities:\n\t- id: nis\n"),
        .model("anchors and aliases that repeat into billions of values",
               "seeds/essay.yml:6:10: the aliases up to here repeat more than 100000 values; write the values out instead",
               aliasBomb),
        .model("a model that is a list", "seeds/essay.yml:1:1: the model must be a mapping of keys to values, found a list", "- facts\n- entities\n"),
        .model("wrong types", "seeds/essay.yml:1:11: 'entities' must be a list, found 'many'", "entities: many\n"),
        .model("an unknown key", "seeds/essay.yml:1:1: unknown key 'entitys' in the model; expected one of 'briefing', 'entities', 'facts', 'events', 'crossrefs'",
               "entitys: []\n"),
        .model("a model naming an entity nothing defines",
               "seeds/essay.yml:1:12: entity 'serbia' is named by id, but neither this model nor seeds/entities.yml defines it", "entities: [serbia]\n"),
        Case("a register that is a list", "seeds/entities.yml:1:1: the register of entities must be a mapping of keys to values, found a list") { source in
            try Data("- serbia\n".utf8).write(to: source.appendingPathComponent("seeds/entities.yml"))
        },
        Case("a register entry of an unknown kind", "seeds/entities.yml:4:11: unknown kind 'country' for entity 'serbia'; expected one of") { source in
            try Data("entities:\n  - id: serbia\n    name: Serbia\n    kind: country\n".utf8).write(to: source.appendingPathComponent("seeds/entities.yml"))
        },
        Case("a seed named as the register is", "seeds/entities.txt:1:1: seeds/entities.yml is the register of entities, so no seed may be called 'entities'; rename this one") { source in
            try FileManager.default.copyItem(at: source.appendingPathComponent("seeds/essay.txt"), to: source.appendingPathComponent("seeds/entities.txt"))
        },
        .template("a template syntax error", "Templates/index.mustache:1:4: template syntax error: '{{#a}}' is never closed: expected '{{/a}}'",
                  "index.mustache", "<p>{{#a}}</p>\n"),
        .template("a template naming a missing partial",
                  "Templates/404.mustache:1:1: partial 'partials/nowhere' not found: expected Templates/partials/nowhere.mustache",
                  "404.mustache", "{{> partials/nowhere}}\n"),
        Case("a symbolic link loop in seeds/", "seeds/loop.txt: is a symbolic link that leads round in a loop") { source in
            try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("seeds/loop.txt").path, withDestinationPath: "loop.txt")
        },
        Case("a seed that is a folder", "seeds/folder.txt: is a folder, expected a file") { source in
            try FileManager.default.createDirectory(at: source.appendingPathComponent("seeds/folder.txt"), withIntermediateDirectories: true)
        },
        Case("a model without its seed", "seeds/orphan.yml:1:1: a model without a seed: expected a seed of the same name ending in .txt or .md") { source in
            try Data("entities: []\n".utf8).write(to: source.appendingPathComponent("seeds/orphan.yml"))
        },
        Case("two seeds with the same title", "seeds/twin.txt:1:1: the title makes the same URL /is-russian-malign-influence-in-serbia-a-myth/ as seeds/essay.txt; give one of them another title") { source in
            try FileManager.default.copyItem(at: source.appendingPathComponent("seeds/essay.txt"), to: source.appendingPathComponent("seeds/twin.txt"))
        },
        Case("a title that makes the URL of the entity pages", "seeds/index.md:1:1: the title makes the URL /entities/, which the site keeps for its own pages; give the briefing another title") { source in
            try Data("---\ntitle: Entities\n---\n\nA short note.\n".utf8).write(to: source.appendingPathComponent("seeds/index.md"))
        },
        Case("a Markdown seed without front matter or a title heading",
             "seeds/notes.md:1:1: no title: a Markdown seed starts with front matter between '---' lines holding at least 'title:', or with a '# Title' line") { source in
            try Data("Notes\n\n## Part\n\nText.\n".utf8).write(to: source.appendingPathComponent("seeds/notes.md"))
        },
        Case("a Markdown seed with a title heading and nothing after it", "seeds/notes.md:2:1: the essay has a title but no body after it") { source in
            try Data("\n# Notes\n\n".utf8).write(to: source.appendingPathComponent("seeds/notes.md"))
        },
        Case("missing seeds folder", "seeds/: folder not found in") { try FileManager.default.removeItem(at: $0.appendingPathComponent("seeds")) },
        Case("missing templates folder", "Templates/: folder not found in") { try FileManager.default.removeItem(at: $0.appendingPathComponent("Templates")) },
    ]

    /// Ten lines whose aliases name 9^10 values; as a mapping key they keep a composer that
    /// compares keys in full busy for over a minute.
    static let aliasBomb = (["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + (1...9).map { level in
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]"
    }).joined(separator: "\n") + "\n? *a9\n: x\n"

    @Test("bad input fails clearly and leaves the last good site untouched", arguments: cases)
    func badInput(_ testCase: Case) throws {
        let source = try TestSupport.sourceFolder(seeds: ["essay.txt": Data(contentsOf: TestSupport.seedURL)])
        let output = source.appendingPathComponent("Public")
        let good = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
        try #require(good.status == 0)
        let before = try TestSupport.snapshot(of: output)

        try testCase.breakSource(source)

        let result = try TestSupport.runBriefing(["build", "--source", source.path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix(testCase.expected), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try TestSupport.snapshot(of: output) == before)
    }

    @Test("an output path that cannot be created is reported without touching anything")
    func outputCannotBeCreated() throws {
        let source = try TestSupport.sourceFolder(seeds: ["essay.txt": Data(contentsOf: TestSupport.seedURL)])
        let file = source.appendingPathComponent("occupied")
        try Data("keep me".utf8).write(to: file)
        let asFile = try TestSupport.runBriefing(["build", "--source", source.path, "--output", file.path])
        #expect(asFile.status == 1)
        #expect(asFile.standardError == "\(file.path): the output path is a file, expected a folder (or nothing yet)\n")
        let under = try TestSupport.runBriefing(["build", "--source", source.path, "--output", file.appendingPathComponent("site").path])
        #expect(under.status == 1)
        #expect(under.standardError == "\(file.path): the output's parent folder has a part of its path that is a file, not a folder\n")
        #expect(try Data(contentsOf: file) == Data("keep me".utf8))
    }
}
