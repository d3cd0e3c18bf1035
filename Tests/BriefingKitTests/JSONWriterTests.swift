import Foundation
import Testing
@testable import BriefingKit

@Suite("JSON")
struct JSONWriterTests {
    static let newline = Data("\n".utf8)

    @Test("every JSON file and every JSON script of the seed site is what JSONEncoder wrote")
    func seedSiteMatchesEncoder() throws {
        let sources = try SourceTree.load(from: TestSupport.packageRoot)
        let builder = SiteBuilder()
        let (plan, briefings) = try builder.planAndBriefings(for: sources)
        #expect(!briefings.isEmpty)
        let baseURL = builder.options.baseURL(for: sources.config)
        let renderer = SiteRenderer(templates: try TemplateSet(files: sources.templates), baseURL: baseURL,
                                    config: sources.config)
        var directory = EntityDirectory()
        var listings: [BriefingSummaryView] = []
        for briefing in briefings {
            let slug = briefing.slug
            let model = try #require(briefing.model)
            let export = try EncoderOracle.compact(BriefingExport(briefing: briefing, model: model)) + Self.newline
            #expect(plan.files[Route.briefingData(slug: slug).file] == export)

            let page = String(decoding: try #require(plan.files[Route.briefing(slug: slug).file]), as: UTF8.self)
            let article = ArticleData(briefing: briefing, url: baseURL.absolute + Route.briefing(slug: slug).address, site: sources.config, baseURL: baseURL)
            #expect(Self.scripts(in: page, type: "application/ld+json") == [try EncoderOracle.script(article)])

            let digest = renderer.digest(of: briefing, files: [])
            directory.add(digest)
            listings.append(digest.listing)
        }
        directory.finish()
        listings.sort(by: BriefingDigest.isListedBefore)
        let siteIndex = try EncoderOracle.compact(SearchIndex(listings: listings, directory: directory).entries) + Self.newline
        #expect(plan.files[Route.siteSearchIndex.file] == siteIndex)

        // Nothing else of the site is JSON, so the checks above saw all of it.
        #expect(plan.files.keys.filter { $0.hasSuffix(".json") }.count == briefings.count + 1)
        let embedded = plan.files.filter { $0.key.hasSuffix(".html") }.values
            .map { String(decoding: $0, as: UTF8.self).matches(of: /<script type=/).count }.reduce(0, +)
        #expect(embedded == briefings.count)
    }

    /// The contents of each `<script type="TYPE" …>` element.
    static func scripts(in page: String, type: String) -> [String] {
        let opening = "<script type=\"\(type)\""
        return page.components(separatedBy: opening).dropFirst().compactMap { rest in
            guard let start = rest.firstIndex(of: ">"), let end = rest.range(of: "</script>") else { return nil }
            return String(rest[rest.index(after: start)..<end.lowerBound])
        }
    }

    static let awkwardText = "quote \" backslash \\ slash / tab \t newline \n return \r backspace \u{8} form feed \u{C} "
        + "nul \u{0} unit separator \u{1F} delete \u{7F} markup <b>&amp;</b> accents é ß “curly” € 😀 line separator \u{2028}"

    @Test("strings are escaped as JSONEncoder escapes them")
    func escaping() throws {
        let allControls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        for text in [Self.awkwardText, allControls, "", "plain"] {
            let written = JSONWriter.bytes(of: text, format: .compact)
            #expect(Data(written) == (try EncoderOracle.compact(text)))
            #expect(Data(JSONWriter.bytes(of: text, format: .pretty)) == (try EncoderOracle.pretty(text)))
        }
        let written = String(decoding: JSONWriter.bytes(of: "a\"b\\c/d\n\t\r\u{8}\u{C}\u{0}\u{1F}é<&>", format: .compact), as: UTF8.self)
        #expect(written == #""a\"b\\c/d\n\t\r\b\f\u0000\u001fé<&>""#)
    }

    @Test("script JSON writes <, > and & as escapes, and only in script JSON")
    func scriptEscaping() throws {
        let written = String(decoding: JSONWriter.bytes(of: Self.awkwardText, format: .script), as: UTF8.self)
        #expect(written == (try EncoderOracle.script(Self.awkwardText)))
        #expect(written.contains(#"markup \u003cb\u003e\u0026amp;\u003c/b\u003e"#))
        #expect(!written.contains("<") && !written.contains(">") && !written.contains("&"))
        let sample = Sample(words: ["<key>": "a & b"])
        let script = String(decoding: JSONWriter.bytes(of: sample, format: .script), as: UTF8.self)
        #expect(script == (try EncoderOracle.script(sample)))
        #expect(script.contains(#""\u003ckey\u003e":"a \u0026 b""#))
    }

    @Test("numbers are written as JSONEncoder writes a Double")
    func numbers() throws {
        let values: [Double] = [0, -0.0, 7, -3, 0.5, -24.1, 31.5, 0.1, 1.0 / 3, 400_000_000, 2_800_000_000, 1e15, 1e16, -1e16,
                                123_456_789_012_345_680, 1e20, 1e-5, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        for value in values {
            #expect(Data(JSONWriter.bytes(of: value, format: .compact)) == (try EncoderOracle.compact(value)), "\(value)")
        }
        let written = ([400_000_000, 0.5, -3, -24.1, 1e20, -0.0] as [Double]).map { String(decoding: JSONWriter.bytes(of: $0, format: .compact), as: UTF8.self) }
        #expect(written == ["400000000", "0.5", "-3", "-24.1", "1e+20", "-0"])
    }

    @Test("pretty and compact layouts, empty containers, sorted dictionary keys and missing optionals match JSONEncoder")
    func layout() throws {
        let samples = [
            Sample(),
            Sample(empty: [], nested: ["b": [], "a": ["x", "y"]], numbers: [1, 2.5], optional: "here", text: "t",
                   words: ["p-10": "ten", "p-2": "two", "B": "upper", "a": "lower", "_x": "underscore", "é": "accent", "@type": "at",
                           "at_a_glance": "snake", "atAGlance": "camel", "": "empty"]),
        ]
        for sample in samples {
            #expect(Data(JSONWriter.bytes(of: sample, format: .pretty)) == (try EncoderOracle.pretty(sample)))
            #expect(Data(JSONWriter.bytes(of: sample, format: .compact)) == (try EncoderOracle.compact(sample)))
            #expect(Data(JSONWriter.bytes(of: [sample, sample], format: .pretty)) == (try EncoderOracle.pretty([sample, sample])))
        }
        let pretty = String(decoding: JSONWriter.bytes(of: Sample(nested: ["k": []]), format: .pretty), as: UTF8.self)
        #expect(pretty.hasPrefix("{\n  \"empty\" : [\n\n  ],\n  \"nested\" : {\n    \"k\" : [\n\n    ]\n  },"))
        #expect(!pretty.contains("optional"))
    }

    @Test("a fact whose value JSON cannot hold stops the export with a message")
    func nonFiniteValue() throws {
        var briefing = try AnnotateTests.annotatedLakes()
        briefing.model?.model.facts[0].value = .infinity
        #expect(throws: BuildFailure.self) { try DataExports.files(for: briefing) }
    }
}

/// Members in UTF-8 key order, as the site's own values write them.
private struct Sample: JSONWritable {
    var empty: [String] = []
    var nested: [String: [String]] = [:]
    var numbers: [Double] = []
    var optional: String?
    var text = ""
    var words: [String: String] = [:]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("empty", empty)
            json.field("nested", nested)
            json.field("numbers", numbers)
            json.field("optional", optional)
            json.field("text", text)
            json.field("words", words)
        }
    }
}
