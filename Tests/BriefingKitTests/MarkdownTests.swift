import Foundation
import Testing
@testable import BriefingKit

@Suite("Markdown")
struct MarkdownTests {
    static let gfmSample = """
        # Sample

        | Country | Share |
        |:--------|------:|
        | Serbia  | 60%   |

        ~~struck~~ text, "smart" quotes -- and an autolink: https://example.org/page.

        A note.[^1] <script>alert(1)</script>

        [^1]: The footnote's text.

        """

    @Test("rendering matches the cmark-gfm command line byte for byte")
    func matchesCommandLine() throws {
        let cli = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        guard FileManager.default.isExecutableFile(atPath: cli.path) else {
            throw TestFailure("the cmark-gfm command is not installed (apt-get install cmark-gfm)")
        }
        let input = try TestSupport.scratchFolder().appendingPathComponent("sample.md")
        try Data(Self.gfmSample.utf8).write(to: input)
        let expected = try TestSupport.run(cli, ["--smart", "-e", "table", "-e", "strikethrough", "-e", "autolink",
                                                 "-e", "tagfilter", "-e", "footnotes", input.path])
        #expect(expected.status == 0)
        let html = MarkdownDocument(markdown: Self.gfmSample).renderHTML()
        #expect(html == expected.standardOutput)
        #expect(html.contains("<table>") && html.contains("<del>struck</del>") && html.contains("footnote"))
    }

    @Test("a phrase inside a text node is wrapped in a link or custom markup")
    func wrapPhrases() throws {
        let document = MarkdownDocument(markdown: "Gazprom Neft bought NIS in 2008.")
        document.consolidateTextNodes()
        guard let text = document.allNodes().first(where: { $0.kind == .text }) else { throw TestFailure("no text node") }
        // "NIS" is bytes 20..<23; wrapping splits the node into before, phrase and after.
        let link = document.wrap(20..<23, of: text, in: .link(url: "../entities/nis/", title: "Oil company"))
        #expect(link.kind == .link)
        guard let company = document.allNodes().first(where: { $0.kind == .text && $0.literal == "Gazprom Neft bought " }) else {
            throw TestFailure("the text before the phrase was not kept")
        }
        document.wrap(0..<12, of: company, in: .custom(open: "<mark class=\"fact\">", close: "</mark>"))
        #expect(document.renderHTML()
            == "<p><mark class=\"fact\">Gazprom Neft</mark> bought <a href=\"../entities/nis/\" title=\"Oil company\">NIS</a> in 2008.</p>\n")
    }

    @Test("blocks are inserted after a node, and headings and paragraphs take ids")
    func blocksAndIDs() throws {
        let document = MarkdownDocument(markdown: "## Energy & Trade\n\nFirst paragraph.\n\nSecond.\n")
        let blocks = document.document.children
        #expect(blocks.map(\.kind) == [.heading, .paragraph, .paragraph])
        document.insertBlock(html: "<aside class=\"fact-box\">€400 million</aside>", after: blocks[1])
        document.setHeadingID("energy-trade", of: blocks[0])
        document.replaceBlock(blocks[2], open: "<p id=\"p-2\">", close: "</p>")
        #expect(document.renderHTML() == """
            <h2 id="energy-trade">Energy &amp; Trade</h2>
            <p>First paragraph.</p>
            <aside class="fact-box">€400 million</aside>
            <p id="p-2">Second.</p>

            """)
    }

    @Test("raw HTML from a seed is never rendered")
    func rawHTMLOmitted() {
        let html = MarkdownDocument(markdown: "<div onclick=\"x()\">hi</div>\n\nText <b>bold</b>.").renderHTML()
        #expect(!html.contains("<div") && !html.contains("<b>"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test("parsing from many threads at once gives the same HTML as parsing alone")
    func concurrentParsing() throws {
        let markdown = EssayMarkdown.body(of: try TestSupport.seedEssay()) + Self.gfmSample
        let alone = MarkdownDocument(markdown: markdown).renderHTML()
        let results = ResultSlots<String>(count: 16)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            results[index] = MarkdownDocument(markdown: markdown).renderHTML()
        }
        #expect(results.values.count == 16)
        #expect(results.values.allSatisfy { $0 == alone })
    }
}
