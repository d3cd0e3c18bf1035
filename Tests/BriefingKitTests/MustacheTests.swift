import Testing
@testable import BriefingKit

/// The template language as the Mustache spec has it, on the points a site's templates
/// lean on: escaping, lookup through nested sections, lines that tags alone take with
/// them, indented partials, delimiters, blocks, and syntax errors said by line and column.
@Suite("Mustache templates")
struct MustacheTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var data: TemplateData
        var partials: [String: String] = [:]
        var expected: String
        var testDescription: String { name }
    }

    static func render(_ template: String, _ data: TemplateData, partials: [String: String] = [:]) throws -> String {
        var parsed = ["main": try MustacheTemplate(template)]
        for (name, text) in partials { parsed[name] = try MustacheTemplate(text) }
        let library = MustacheLibrary(parsed: parsed, sources: partials.merging(["main": template]) { first, _ in first })
        var renderer = MustacheRenderer(library: library, data: data)
        guard let main = library.template("main") else { throw MustacheRenderError.tooDeep }
        try renderer.render(main)
        return renderer.output
    }

    static let cases: [Case] = [
        Case(name: "escaped and raw values", template: "{{a}} {{{a}}} {{& a}}", data: .fields(["a": .text("<b>\"Tom\" & 'Jo'</b>")]),
             expected: "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt; <b>\"Tom\" & 'Jo'</b> <b>\"Tom\" & 'Jo'</b>"),
        Case(name: "numbers, flags, and nothing for what is missing", template: "[{{n}}|{{f}}|{{gone}}|{{nil}}]",
             data: .fields(["n": .number(-42), "f": .flag(false), "nil": .missing]), expected: "[-42|false||]"),
        Case(name: "space inside a tag", template: "|{{ a }}|{{{ a }}}|", data: .fields(["a": .text("x")]), expected: "|x|x|"),
        Case(name: "dotted names, and a chain that breaks stays broken",
             template: "{{a.b.c}} {{#a}}{{b.c}}{{/a}}|{{#x}}{{y.z}}{{/x}}|",
             data: .fields(["a": .fields(["b": .fields(["c": .text("deep")])]), "x": .fields(["y": .fields([:])]),
                            "y": .fields(["z": .text("outer")])]),
             expected: "deep deep||"),
        Case(name: "a name not in the section's value is looked up outside it",
             template: "{{#items}}{{name}} of {{owner}}; {{/items}}", data: .fields(["owner": .text("Ana"),
                                                                                    "items": .list([.fields(["name": .text("pen")]), .fields(["name": .text("ink")])])]),
             expected: "pen of Ana; ink of Ana; "),
        Case(name: "a missing optional stops the lookup at its own section",
             template: "{{#inner}}[{{role}}]{{/inner}}", data: .fields(["role": .text("outer"), "inner": .fields(["role": .missing])]),
             expected: "[]"),
        Case(name: "sections over flags, nothing, empty lists and text",
             template: "{{#t}}T{{/t}}{{#f}}F{{/f}}{{#gone}}G{{/gone}}{{#empty}}E{{/empty}}{{#word}}<{{.}}>{{/word}}",
             data: .fields(["t": .flag(true), "f": .flag(false), "empty": .list([]), "word": .text("w")]), expected: "T<w>"),
        Case(name: "inverted sections", template: "{{^t}}T{{/t}}{{^f}}F{{/f}}{{^gone}}G{{/gone}}{{^empty}}E{{/empty}}{{^list}}L{{/list}}",
             data: .fields(["t": .flag(true), "f": .flag(false), "empty": .list([]), "list": .list([.number(1)])]), expected: "FGE"),
        Case(name: "the current value in a list", template: "{{#xs}}({{.}}){{/xs}}", data: .fields(["xs": .list([.text("a"), .number(2)])]),
             expected: "(a)(2)"),
        Case(name: "section tags alone on their lines take their lines",
             template: "| This\n{{#t}}\n|\n  {{/t}}  \n| A Line\n{{^t}}\nno\n{{/t}}\r\nend", data: .fields(["t": .flag(true)]),
             expected: "| This\n|\n| A Line\nend"),
        Case(name: "a tag sharing its line keeps the line", template: " {{#t}}YES{{/t}}\n {{#t}}\n{{/t}} x\n", data: .fields(["t": .flag(true)]),
             expected: " YES\n x\n"),
        Case(name: "a tag alone on the last line without a line break", template: "a\n{{#t}}\nb\n  {{/t}}", data: .fields(["t": .flag(true)]),
             expected: "a\nb\n"),
        Case(name: "comments, inline, over lines and alone", template: "a{{! one }}b\n{{!\ntwo\n}}\nc  {{! three }}\n", data: .fields([:]),
             expected: "ab\nc  \n"),
        Case(name: "a partial gets the context it is named in", template: "{{#p}}{{> item}}{{/p}}", data: .fields(["p": .fields(["x": .text("1")])]),
             partials: ["item": "<{{x}}>"], expected: "<1>"),
        Case(name: "a partial alone on an indented line is indented line by line, not its values",
             template: "\\\n {{>partial}}\n/\n", data: .fields(["content": .text("<\n->")]),
             partials: ["partial": "|\n{{{content}}}\n|\n"], expected: "\\\n |\n <\n->\n |\n/\n"),
        Case(name: "partials indented inside indented partials add up",
             template: "  {{> outer}}\n", data: .fields([:]),
             partials: ["outer": "o\n  {{> inner}}\n", "inner": "i1\ni2\n"], expected: "  o\n    i1\n    i2\n"),
        Case(name: "other delimiters", template: "{{=<% %>=}}(<%text%>) {{text}}\n<%={{ }}=%>\n[{{text}}]", data: .fields(["text": .text("Hey!")]),
             expected: "(Hey!) {{text}}\n[Hey!]"),
        Case(name: "a block keeps its content unless a template using it replaces it",
             template: "{{<page}}{{$title}}Mine{{/title}}{{/page}}|{{> page}}", data: .fields(["who": .text("Ana")]),
             partials: ["page": "<h1>{{$title}}Default{{/title}}</h1><p>{{$body}}by {{who}}{{/body}}</p>"],
             expected: "<h1>Mine</h1><p>by Ana</p>|<h1>Default</h1><p>by Ana</p>"),
        Case(name: "a content type of text turns escaping off in its template only",
             template: "{{a}}|{{> raw}}|{{a}}", data: .fields(["a": .text("a&b")]),
             partials: ["raw": "{{% CONTENT_TYPE: TEXT}}{{a}}"], expected: "a&amp;b|a&b|a&amp;b"),
    ]

    @Test(arguments: cases)
    func renders(_ test: Case) throws {
        #expect(try Self.render(test.template, test.data, partials: test.partials) == test.expected)
    }

    struct Broken: CustomTestStringConvertible, Sendable {
        var name: String
        var template: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let broken: [Broken] = [
        Broken(name: "a section never closed", template: "<ul>\n  {{#items}}\n  <li>\n</ul>\n", line: 2, column: 3,
               message: "'{{#items}}' is never closed: expected '{{/items}}'"),
        Broken(name: "a section closed by another name", template: "{{#a}}\n{{#b}} x {{/a}}", line: 2, column: 10,
               message: "'{{/a}}' does not close '{{#b}}' (line 2): expected '{{/b}}'"),
        Broken(name: "a close with nothing open", template: "text\n é {{/a}}", line: 2, column: 4,
               message: "'{{/a}}' closes a section that is not open"),
        Broken(name: "a tag never closed", template: "a {{b\n", line: 1, column: 3, message: "'{{' opens a tag that is never closed: expected '}}'"),
        Broken(name: "a tag without a name", template: "x {{ }}", line: 1, column: 3, message: "'{{ }}' has no name"),
        Broken(name: "a function call for a name", template: "{{upper(name)}}", line: 1, column: 1,
               message: "'{{upper(name)}}': 'upper(name)' is not a name (a name is a word, or words joined by dots)"),
        Broken(name: "delimiters that are not two", template: "\n{{=<% =}}", line: 2, column: 1,
               message: "'{{=<% =}}' should set two delimiters, as in {{=<% %>=}}"),
    ]

    @Test(arguments: broken)
    func reportsSyntaxErrors(_ test: Broken) {
        #expect(throws: MustacheSyntaxError(line: test.line, column: test.column, message: test.message)) {
            _ = try MustacheTemplate(test.template)
        }
    }

    @Test("a partial that includes itself without end is an error, not a crash")
    func endlessPartial() {
        #expect(throws: MustacheRenderError.self) {
            _ = try Self.render("{{> loop}}", .fields([:]), partials: ["loop": "x{{> loop}}"])
        }
    }

    @Test("a partial that includes itself for nested data ends with the data")
    func recursivePartial() throws {
        let tree = TemplateData.fields(["name": .text("a"), "kids": .list([.fields(["name": .text("b"), "kids": .list([])])])])
        #expect(try Self.render("{{> node}}", tree, partials: ["node": "{{name}}({{#kids}}{{> node}}{{/kids}})"]) == "a(b())")
    }
}

/// Templates made at random from the pieces templates are made of, in the wrong orders
/// too: each must either render or fail with a syntax error inside the template's lines.
@Suite("Mustache templates at random")
struct MustacheRandomTests {
    /// A fixed generator, so that a failure names a case that fails again.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{#list}}", "{{/list}}", "{{.}}", "{{a.b}}",
        "{{> p}}", "{{>p}}", "{{> missing}}", "{{< p}}", "{{$ t}}", "{{/ t}}", "{{/p}}", "{{! c }}", "{{=<% %>=}}", "<%={{ }}=%>",
        "<%a%>", "{{% CONTENT_TYPE: TEXT}}", "{{&a}}", "{{=", "=}}", "{{ }}", "{{a(b)}}", "\n", "\r\n", "  ", "\t", "é", "x", "}", "{",
    ]

    static let data = TemplateData.fields([
        "a": .fields(["b": .text("<ab>")]), "b": .flag(false), "list": .list([.text("1"), .fields(["a": .number(2)])]),
    ])

    @Test("random templates render or fail at a place inside them")
    func randomTemplates() throws {
        var generator = SplitMix(state: 2026)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &generator)
            let template = (0..<count).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }.joined()
            let lines = template.utf8.count { $0 == UInt8(ascii: "\n") } + 1
            do {
                _ = try MustacheTests.render(template, Self.data, partials: ["p": "[{{$ t}}{{a.b}}{{/ t}}{{#list}}{{> p}}{{/list}}]"])
            } catch let error as MustacheSyntaxError {
                #expect((1...lines).contains(error.line) && error.column >= 1, "\(error) for \(template.debugDescription)")
            } catch {
                // A partial that includes itself for ever is the one error rendering has.
                #expect(error is MustacheRenderError, "\(error) for \(template.debugDescription)")
            }
        }
    }

    @Test("sections nested past the limit are a syntax error, not a stack overflow")
    func deepSections() {
        let template = String(repeating: "{{#a}}", count: 5000) + String(repeating: "{{/a}}", count: 5000)
        #expect(throws: MustacheSyntaxError.self) { _ = try MustacheTemplate(template) }
    }
}
