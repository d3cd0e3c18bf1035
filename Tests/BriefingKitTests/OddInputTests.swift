import Foundation
import Testing
@testable import BriefingKit

/// Inputs that look wrong but are valid: they build, and the page shows what was meant.
@Suite("Odd but valid input")
struct OddInputTests {
    static let header = "- Home\n- Notes\n- The Odd Essay - Still Valid\n"

    static func build(_ seed: String, model: String? = nil) throws -> SitePlan {
        var seeds = ["odd.txt": Data(seed.utf8)]
        if let model { seeds["odd.yml"] = Data(model.utf8) }
        return try SiteBuilder().plan(source: TestSupport.sourceFolder(seeds: seeds))
    }

    static func page(_ plan: SitePlan, _ path: String = "the-odd-essay/index.html") -> String {
        String(decoding: plan.files[path] ?? Data(), as: UTF8.self)
    }

    @Test("a BOM and CRLF line endings build the same site as plain LF")
    func byteOrderMarkAndCRLF() throws {
        let text = Self.header + "First paragraph here.\nSecond paragraph here.\n"
        let plain = try SiteBuilder().plan(source: TestSupport.sourceFolder(seeds: ["odd.txt": Data(text.utf8)]))
        let windows = Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let fromWindows = try SiteBuilder().plan(source: TestSupport.sourceFolder(seeds: ["odd.txt": windows]))
        #expect(plain.files == fromWindows.files)
    }

    @Test("names written in decomposed Unicode (NFD) are still matched")
    func decomposedUnicode() throws {
        let nfd = "Aleksandar Vuc\u{030C}ic\u{0301} spoke in Nis\u{030C} today."
        let plan = try Self.build(Self.header + nfd + "\n", model: "entities:\n  - id: vucic\n    name: Aleksandar Vučić\n    kind: person\n    aliases: [Aleksandar Vučić]\n")
        #expect(Self.page(plan).contains("data-entity=\"vucic\""))
        #expect(Self.page(plan, "entities/vucic/index.html").contains("spoke in"))
    }

    @Test("a 5 MB single paragraph builds")
    func hugeParagraph() throws {
        let sentence = "This sentence is repeated to make one enormous paragraph of plain text. "
        let paragraph = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count + 1)
        let plan = try Self.build(Self.header + paragraph + "\n")
        #expect(Self.page(plan).utf8.count > 5_000_000)
        #expect(Self.page(plan).contains("<p id=\"p-1\">This sentence"))
    }

    @Test("two headings with the same text get different ids")
    func repeatedHeadings() throws {
        let plan = try Self.build(Self.header + "Opening words here.\nBackground\nMore words here.\nBackground\nLast words here.\n")
        let ids = Self.page(plan).matches(of: /<h2 id="([^"]+)">Background<\/h2>/).map { String($0.output.1) }
        #expect(ids == ["background", "background-2"])
        #expect(LinkChecker.brokenLinks(in: plan).isEmpty)
    }

    @Test("Markdown and HTML characters in a plain-text seed are shown as text")
    func markupCharacters() throws {
        let text = "Use *stars*, _underscores_, [brackets](x), <b>tags</b>, <script>alert(1)</script> & `ticks` as written."
        let plan = try Self.build(Self.header + text + "\n")
        let page = Self.page(plan)
        #expect(!page.contains("<script>alert") && !page.contains("<b>tags") && !page.contains("<em>"))
        let paragraph = try #require(HTMLTextExtractor.bodyParagraphs(in: page).first)
        #expect(HTMLTextExtractor.text(of: paragraph.html) == text)
    }

    @Test("HTML and script in model strings are escaped, never executed")
    func markupInModel() throws {
        let model = """
            briefing:
              summary: "<script>alert('summary')</script> & more"
            entities:
              - id: acme
                name: "<img src=x onerror=alert(1)>Acme"
                kind: organisation
                aliases: [Acme]
                role: "<b>bold</b> role"
            facts:
              - id: share
                figure: "<i>40</i> percent"
                label: "</aside><script>alert(2)</script>"
                quote: "40 percent"
                entities: [acme]
            """
        let plan = try Self.build(Self.header + "Acme holds 40 percent of the market.\n", model: model)
        for path in plan.paths where path.hasSuffix(".html") {
            let html = Self.page(plan, path)
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("<b>bold</b>"), "\(path)")
        }
        #expect(Self.page(plan).contains("&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt; &amp; more"))
        // The entity's page, whose name a preview card on the briefing page shows.
        #expect(Self.page(plan, Route.entity(id: "acme").file).contains("<h1>&lt;img src=x onerror=alert(1)&gt;Acme</h1>"))
    }
}
