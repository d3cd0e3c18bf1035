import Foundation
import Testing
@testable import BriefingKit

/// The composer reads libyaml's events itself. What it must make of each input, every value,
/// style, tag and place, or the error with its place, is written out under
/// Fixtures/yaml-composer/: first recorded from Yams (a second reader on libyaml, then
/// linked for that purpose), so that a change of libyaml or of the composer shows as a diff.
@Suite("YAML composer")
struct YAMLComposerTests {
    static let bomb = BadInputTests.aliasBomb

    static let crafted: [String: String] = [
        "flow and block collections": "a: 1\nb: [x, 'y', \"z\"]\nc: {d: e}\nf:\n  - g\n  - {h: i}\n",
        "anchors and aliases": "base: &b {kind: person, name: N}\nuse: *b\nlist: [*b, *b]\nshadow: &b 2\nlast: *b\n",
        "multi-line scalars": "s: |\n  one\n  two\nf: >-\n  folded\n  text\np: plain\n  continued\nq: \"double\n  quoted\"\nr: 'single\n\n  quoted'\n",
        "comments": "# top\na: 1 # trailing\n# between\nb:\n  - x # item\n",
        "a tab after a colon": "a:\tb\n",
        "a tab as indentation": "a:\n\t- b\n",
        "CRLF line ends": "a: 1\r\nb:\r\n  - x\r\n  - \"y\r\n  z\"\r\n",
        "CRLF before an error": "a: 1\r\nb: [\r\n",
        "lone carriage returns": "a: 1\rb: 2\r  c: [\r",
        "a byte order mark": "\u{FEFF}a: 1\nb: 2\n",
        "a byte order mark before an error": "\u{FEFF}a: [\n",
        "tags": "a: !!str 1\nb: !x y\n! c: d\n? !!str e\n: f\ng: !!seq [h]\ni: !m {j: k}\n",
        "complex keys": "? [a, b]\n: c\n? {x: y}\n: z\n",
        "a duplicate key": "a: 1\nb: 2\na: 3\n",
        "plain and quoted keys are the same key": "a: 1\n\"a\": 2\n",
        "a duplicate key in a nested mapping": "x: {k: 1, k: 2}\n",
        "duplicate list keys": "? [a]\n: 1\n? [a]\n: 2\n",
        "duplicate mapping keys": "? {a: b}\n: 1\n? {a: b}\n: 2\n",
        "duplicate mapping keys with a value entry": "? {!!value v: name}\n: 1\n? {!!value v: name}\n: 2\n",
        "keys with different tags": "!x a: 1\na: 2\n",
        "a non-specific tag": "! a: 1\na: 2\n",
        "non-specific collection tags": "a: ! [b]\nc: ! {d: e}\n",
        "an explicit str tag": "!!str a: 1\na: 2\n",
        "two duplicate keys": "b: 1\na: 2\nb: 3\na: 4\n",
        "a duplicate key through an alias": "? &k a\n: 1\n? *k\n: 2\n",
        "canonically equivalent keys": "\u{E9}: 1\ne\u{301}: 2\n",
        "a duplicate among many keys": (0..<30).map { "k\($0): v\n" }.joined() + "k7: again\n",
        "many keys": (0..<30).map { "k\($0): v\n" }.joined(),
        "NEL, LS and PS": "a: \"x\u{85}y\"\nb: c\u{2028}d\ne: [f,\u{2029} g]\n",
        "NEL before an error": "a: \"x\u{85}y\"\nb: [\n",
        "an undefined alias": "a: *nope\n",
        "an alias inside its own anchor": "a: &x [*x]\n",
        "a second document": "a: 1\n---\nb: 2\n",
        "a second document with an error": "a: 1\n---\nb: [\n",
        "nothing": "",
        "only a comment": "# only comment\n",
        "an empty document": "---\n",
        "a document end": "...\n",
        "an unclosed flow sequence": "a: [\n",
        "a mapping in a plain value": "a: b: c\n",
        "a list then a mapping": "- a\nb: c\n",
        "an unclosed quote": "a: 'unclosed\n",
        "an unclosed flow mapping": "{a: 1\n",
        "a bad indentation": "a:\n  - b\n c: d\n",
        "an error at the end without a line break": "{\nbriefing:",
        "a control character": "a: \u{1}\n",
        "nesting past libyaml's limit": "facts: " + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100) + "\n",
        "an undefined alias before an error": "a: *x\nb: [\n",
        "a duplicate key before an error": "a: 1\na: 2\nb: [\n",
        "Unicode": "\u{FC}: \"\u{20AC} \u{2713} \u{1D11E}\"\nb: {s: \"\u{1D11E} caf\u{E9}\", date: 2024}\n",
        "escapes": "a: \"x\\0y\\t\\u00e9\\x41\\\n  z\"\n",
        "an alias to a mapping as a key": "a: &m {p: q}\n? *m\n: v\n",
        "null forms": "a: ~\nb: null\nc:\nd: ''\n",
    ]

    /// The repository's models, the fuzz fixtures and the front matter-like seeds.
    static func realInputs() throws -> [String: String] {
        var inputs = ["seed model": try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("seeds/\(TestSupport.seedName).yml"), encoding: .utf8),
                      "lakes model": try String(contentsOf: TestSupport.fixture("lakes/lakes.yml"), encoding: .utf8)]
        for target in ["model", "ingest"] {
            for name in FuzzRegressionTests.inputs(target) {
                let data = try FuzzRegressionTests.input(target, name)
                inputs["\(target)/\(name)"] = String(decoding: data, as: UTF8.self)
            }
        }
        return inputs
    }

    /// Inputs whose aliases go over the budget: a composer without one would take minutes.
    static let overBudget: Set<String> = ["model/alias-bomb-as-key.yml", "model/alias-bomb-as-values.yml", "ingest/alias-bomb-in-front-matter.md"]

    /// The expected tree or error of an input, as `composed` writes it.
    static func expected(_ name: String) throws -> String {
        let text = try String(contentsOf: TestSupport.fixture("yaml-composer/\(name).txt"), encoding: .utf8)
        return String(text.dropLast(text.hasSuffix("\n") ? 1 : 0))
    }

    /// A crafted input's file name: its description, hyphenated.
    static func fileName(_ description: String) -> String {
        description.filter { $0 != "'" && $0 != "," }.replacingOccurrences(of: " ", with: "-")
    }

    @Test("composes crafted YAML into the expected tree or error", arguments: crafted.keys.sorted())
    func craftedInput(_ name: String) throws {
        let text = try #require(Self.crafted[name])
        #expect(Self.composed(text) == (try Self.expected("crafted/" + Self.fileName(name))))
    }

    /// The seed model is edited as the essay's model grows, so only its shape is fixed below.
    @Test("composes the lakes model and the fuzz fixtures into the expected tree or error")
    func realInput() throws {
        for (name, text) in try Self.realInputs().sorted(by: { $0.key < $1.key }) where name != "seed model" {
            let mine = Self.composed(text)
            if Self.overBudget.contains(name) {
                #expect(mine.hasPrefix("aliases over budget"), "\(name)")
                continue
            }
            #expect(mine == (try Self.expected("real/" + name.replacingOccurrences(of: " ", with: "-"))), "\(name)")
        }
    }

    @Test("nesting deeper than the limit is an error at the collection that goes past it")
    func nestingLimit() {
        let limit = YAMLDocumentBuilder.nestingLimit
        let within = "a: " + String(repeating: "[", count: limit - 1) + String(repeating: "]", count: limit - 1) + "\n"
        #expect(Self.composed(within).hasPrefix("1:1 tag:yaml.org,2002:map"))
        let past = "a: " + String(repeating: "[", count: limit) + String(repeating: "]", count: limit) + "\n"
        #expect(Self.composed(past) == "1:\(3 + limit): found more than \(limit) lists and mappings inside one another (-)")
        let deep = String(repeating: "- ", count: 200_000) + "x\n"
        #expect(Self.composed(deep) == "1:\(1 + 2 * limit): found more than \(limit) lists and mappings inside one another (-)")
    }

    @Test("the seed model has its structure: not just errors on both sides")
    func seedModelIsRead() throws {
        let inputs = try Self.realInputs()
        let text = try #require(inputs["seed model"])
        let root = try #require(try YAMLComposer.compose(text))
        #expect(root.mapping?.map { $0.key.scalar?.string } == ["briefing", "entities", "facts", "events", "crossrefs"])
    }

    // MARK: The alias budget, counted in the same pass

    static func loaded(_ yaml: String) -> [String] {
        ModelLoader().load(TextFile(path: "seeds/x.yml", text: yaml)).1.map(\.description)
    }

    static let overBudgetMessage = "the aliases up to here repeat more than 100000 values; write the values out instead"

    @Test("aliases over the budget win over a duplicate key before them")
    func budgetAfterDuplicateKey() {
        #expect(Self.loaded("a: 1\na: 2\n" + Self.bomb) == ["seeds/x.yml:8:10: \(Self.overBudgetMessage)"])
    }

    @Test("aliases over the budget win over an undefined alias before them")
    func budgetAfterUndefinedAlias() {
        #expect(Self.loaded("z: *nope\n" + Self.bomb) == ["seeds/x.yml:7:10: \(Self.overBudgetMessage)"])
    }

    @Test("aliases over the budget count in a second document too")
    func budgetInSecondDocument() {
        #expect(Self.loaded("a: 1\n---\n" + Self.bomb) == ["seeds/x.yml:8:10: \(Self.overBudgetMessage)"])
    }

    @Test("a syntax error before the aliases go over the budget is the one reported")
    func syntaxErrorBeforeBudget() {
        #expect(Self.loaded("z: [\n" + Self.bomb) == ["seeds/x.yml:3:1: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"])
    }

    @Test("aliases within the budget are composed; one more is named")
    func withinBudget() throws {
        // The anchored list is 1,001 nodes: 99 aliases to it stay within 100,000, 100 do not.
        func yaml(aliases: Int) -> String {
            "a: &a [" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]\nb: ["
                + Array(repeating: "*a", count: aliases).joined(separator: ", ") + "]\n"
        }
        let root = try #require(try YAMLComposer.compose(yaml(aliases: 99)))
        #expect(root.mapping?.last?.value.sequence?.count == 99)
        #expect(throws: YAMLProblem.aliasesOverBudget(line: 2, column: 5 + 4 * 99)) {
            try YAMLComposer.compose(yaml(aliases: 100))
        }
    }

    // MARK: Dumps to compare

    /// The composer's result as text: every node with its place, tag and style, or the error.
    static func composed(_ text: String) -> String {
        do {
            guard let root = try YAMLComposer.compose(text) else { return "no document" }
            var lines: [String] = []
            dump(root, depth: 0, into: &lines)
            return lines.joined(separator: "\n")
        } catch {
            switch error {
            case let .syntax(problem, context, line, column): return "\(line):\(column): \(problem) (\(context ?? "-"))"
            case let .duplicateKeys(keys, line, column): return "\(line):\(column): duplicate \(keys)"
            case let .unreadable(problem): return "unreadable: \(problem)"
            case let .aliasesOverBudget(line, column): return "aliases over budget at \(line):\(column)"
            case .outOfMemory: return "out of memory"
            }
        }
    }

    static func dump(_ node: YAMLNode, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        let place = "\(node.line):\(node.column)"
        switch node.content {
        case let .scalar(scalar):
            lines.append("\(indent)\(place) \(node.tag ?? "tag:yaml.org,2002:str") \(scalar.style.rawValue) \(scalar.string.debugDescription)")
        case let .sequence(items):
            lines.append("\(indent)\(place) \(node.tag ?? "tag:yaml.org,2002:seq")")
            for item in items { dump(item, depth: depth + 1, into: &lines) }
        case let .mapping(pairs):
            lines.append("\(indent)\(place) \(node.tag ?? "tag:yaml.org,2002:map")")
            for pair in pairs {
                dump(pair.key, depth: depth + 1, into: &lines)
                dump(pair.value, depth: depth + 2, into: &lines)
            }
        }
    }
}
