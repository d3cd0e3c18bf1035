import Foundation
import Testing
@testable import BriefingKit

@Suite("Ingest")
struct IngestTests {
    @Test("the seed's header, caption, headings and 49 paragraphs are found")
    func seedStructure() throws {
        let essay = try TestSupport.seedEssay()
        let metadata = essay.metadata
        #expect(metadata.breadcrumbs == ["Home", "Horizons"])
        #expect(metadata.title == "Is Russian ‘Malign’ Influence in Serbia a Myth?")
        #expect(metadata.subtitle == "The Realities of Belgrade’s Engagement with Moscow")
        #expect(metadata.author == "Stefan Antić")
        #expect(metadata.bio?.hasPrefix("Stefan Antić is Managing Editor of Horizons") == true)
        #expect(metadata.captions == [Caption(
            text: "A banner displaying the word \"together\"; advertising Russia's Gazprom oil company in Belgrade, Serbia.",
            credit: "Shutterstock/lightman_pic")])

        guard case let .blocks(blocks) = essay.body else { throw TestFailure("a scraped seed gives blocks") }
        let headings = blocks.compactMap { if case let .heading(text) = $0 { text } else { nil } }
        let paragraphs = blocks.compactMap { if case let .paragraph(text) = $0 { text } else { nil } }
        #expect(headings == ["Energy & Trade", "Military Cooperation and Humanitarian Assistance",
                             "The Power of Russian Diplomacy", "The Media and Soft Power"])
        #expect(paragraphs.count == 49)

        // Every line of the seed that is not header, caption or heading is a paragraph, in order.
        let lines = try TestSupport.seedText().split(separator: "\n").map(String.init)
        let expected = lines.filter { line in
            !line.hasPrefix("- ") && line != metadata.bio && !line.contains(" / Source: ") && !headings.contains(line)
        }
        #expect(paragraphs == expected)
        #expect(essay.slug == "is-russian-malign-influence-in-serbia-a-myth")
    }

    @Test("another essay scraped the same way reads by the same rules")
    func secondEssay() throws {
        let url = try TestSupport.fixture("harbour-essay.txt")
        let essay = try EssayReader.read(Data(contentsOf: url), file: "harbour-essay.txt", format: .scrapedText)
        #expect(essay.metadata.breadcrumbs == ["Home", "Dispatches"])
        #expect(essay.metadata.title == "Ports of Call: Why Small Harbours Still Matter")
        #expect(essay.metadata.subtitle == "Notes on a Coastal Economy")
        #expect(essay.metadata.author == "Mara Lindqvist")
        #expect(essay.metadata.captions == [Caption(text: "Boats moored at dawn in a northern harbour.", credit: "Archive/Harbour Office")])
        #expect(essay.body == .blocks([
            .paragraph("Small harbours rarely make headlines, yet they shape the lives of the towns around them. This essay asks what keeps them open."),
            .paragraph("Fishing fleets have shrunk for decades. Still, the quays remain busy with ferries, repair yards and visitors."),
            .heading("The Fleet Today"),
            .paragraph("Fewer boats land more fish than before, using larger nets and better engines."),
            .paragraph("Prices at the morning auction swing with the weather and with demand from inland markets."),
            .heading("What Comes Next"),
            .paragraph("Harbour councils now court tourism, but every visitor needs a berth, a bed and a reason to return."),
        ]))
    }

    @Test("a byline, a bio that says what its author writes, and a photo credit, as other sites are scraped")
    func bylineAndPhotoCredit() throws {
        let url = try TestSupport.fixture("essays/heat-pumps.txt")
        let essay = try EssayReader.read(Data(contentsOf: url), file: "heat-pumps.txt", format: .scrapedText)
        #expect(essay.metadata.title == "The Quiet Boom in Heat Pumps")
        #expect(essay.metadata.author == "Katarzyna Nowak")
        #expect(essay.metadata.bio?.hasPrefix("Katarzyna Nowak writes about energy") == true)
        #expect(essay.metadata.captions == [Caption(text: "A heat pump being installed on a house near Kraków.", credit: "Reuters/Kacper Pempel")])
        guard case let .blocks(blocks) = essay.body else { throw TestFailure("a scraped seed gives blocks") }
        #expect(blocks.first == .paragraph(
            "Sales of heat pumps in Poland rose to 201,000 units in 2022, more than double the year before, according to the European Heat Pump "
            + "Association. The government's \"Clean Air\" programme paid grants of up to PLN 35,000 (about €8,000) per household."))
        #expect(blocks.filter { if case .heading = $0 { true } else { false } }
            == [.heading("What went wrong in 2023"), .heading("Where the money comes from")])
    }

    @Test("text copied without breadcrumbs: the first line is the title, the next one its subtitle unless it ends a sentence")
    func titleWithoutBreadcrumbs() throws {
        let body = "Sales of heat pumps in Poland rose to 201,000 units in 2022.\nWhat went wrong\nThen the market turned.\n"
        let withSubtitle = try EssayReader.read(Data(("The Quiet Boom in Heat Pumps\nHow Poland became Europe's fastest market\n"
                                                     + "By Katarzyna Nowak\n" + body).utf8), file: "x.txt", format: .scrapedText)
        #expect(withSubtitle.metadata.title == "The Quiet Boom in Heat Pumps")
        #expect(withSubtitle.metadata.subtitle == "How Poland became Europe's fastest market")
        #expect(withSubtitle.metadata.author == "Katarzyna Nowak")
        #expect(withSubtitle.metadata.breadcrumbs.isEmpty)
        #expect(withSubtitle.body == .blocks([
            .paragraph("Sales of heat pumps in Poland rose to 201,000 units in 2022."), .heading("What went wrong"),
            .paragraph("Then the market turned."),
        ]))
        // A question may be a title; a first line that ends a sentence is a paragraph's, and
        // a second line that does is the first paragraph.
        let question = try EssayReader.read(Data(("Is the Boom Over?\n" + body).utf8), file: "x.txt", format: .scrapedText)
        #expect(question.metadata.title == "Is the Boom Over?")
        #expect(question.metadata.subtitle == nil)
        #expect(question.slug == "is-the-boom-over")
    }

    @Test("a Markdown seed without front matter takes its title from a first '# Title' line")
    func markdownTitledByHeading() throws {
        let essay = try EssayReader.read(Data("# The Lithium Squeeze #\n\nPrices rose 38%.\n\n# Why\n\nDemand grew.\n".utf8),
                                         file: "seeds/x.md", format: .markdown)
        #expect(essay.metadata.title == "The Lithium Squeeze")
        #expect(essay.slug == "the-lithium-squeeze")
        #expect(essay.body == .markdown("\nPrices rose 38%.\n\n# Why\n\nDemand grew.\n"))
        #expect(MarkdownSeedReader.headingOneText("   # Spaced") == "Spaced")
        #expect(MarkdownSeedReader.headingOneText("## Two") == nil)
        #expect(MarkdownSeedReader.headingOneText("#hashtag") == nil)
        #expect(MarkdownSeedReader.headingOneText("# C# in 2025") == "C# in 2025")
    }

    @Test("bylines name one author or several; a line that only starts with \"By\" is not one")
    func bylines() {
        let reader = ScrapedEssayReader(file: "x.txt")
        #expect(reader.authorNames(inByline: "By Jane Doe") == "Jane Doe")
        #expect(reader.authorNames(inByline: "By Jane Doe and John O’Brien") == "Jane Doe and John O’Brien")
        #expect(reader.authorNames(inByline: "By Ana Silva, Li Wei and Tom Roe") == "Ana Silva, Li Wei and Tom Roe")
        #expect(reader.authorNames(inByline: "By 2030 the grid will need twice the storage.") == nil)
        #expect(reader.authorNames(inByline: "By then Prices Had Fallen Further Still") == nil)
        #expect(reader.authorNames(inByline: "Bye Bye Birdie") == nil)
        // The earliest verb counts: "is" later in the bio does not hide "writes".
        #expect(reader.authorName(inBio: "Jane Doe writes about ports. She is based in Oslo.") == "Jane Doe")
        #expect(reader.caption(from: "Dawn over the quay. / Photo: AP") == Caption(text: "Dawn over the quay.", credit: "AP"))
        #expect(reader.caption(from: "Rates rose 2 / Photos: none") == nil)
    }

    @Test("a BOM and CRLF line endings read like plain LF text")
    func byteOrderMarkAndCRLF() throws {
        let plain = try String(contentsOf: TestSupport.fixture("harbour-essay.txt"), encoding: .utf8)
        let windows = Data([0xEF, 0xBB, 0xBF]) + Data(plain.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let fromWindows = try EssayReader.read(windows, file: "a.txt", format: .scrapedText)
        let fromPlain = try EssayReader.read(Data(plain.utf8), file: "a.txt", format: .scrapedText)
        #expect(fromWindows == fromPlain)
    }

    @Test("a Markdown seed's front matter gives the header and its body is kept as written")
    func markdownSeed() throws {
        let seed = "---\ntitle: A *Plain* Title\nsubtitle: Sub\nauthor: Jane Doe\ndate: 2025-03-01\n---\n\nSome **bold** text.\n"
        let essay = try EssayReader.read(Data(seed.utf8), file: "seeds/x.md", format: .markdown)
        #expect(essay.metadata == EssayMetadata(title: "A *Plain* Title", subtitle: "Sub", author: "Jane Doe", date: "2025-03-01"))
        #expect(essay.body == .markdown("\nSome **bold** text.\n"))
    }

    @Test("converting the seed to Markdown and reading that back gives the same briefing")
    func convertRoundTrip() throws {
        let essay = try TestSupport.seedEssay()
        let markdown = EssayMarkdown.document(of: essay)
        let reread = try EssayReader.read(Data(markdown.utf8), file: "seeds/x.md", format: .markdown)
        #expect(reread.metadata == essay.metadata)
        #expect(try Annotator().annotate(reread).bodyHTML == Annotator().annotate(essay).bodyHTML)
    }

    @Test("converted front matter reads back as the same header whatever its text holds",
          arguments: [
            EssayMetadata(title: "null", subtitle: "~", author: "Reuters: Staff", bio: "- not a list item",
                          date: "2024-06-30", breadcrumbs: ["Markets", "true", "#rates"],
                          captions: [Caption(text: "Bonds \"rallied\" 2.5% at C:\\desk", credit: "Photo: AP")]),
            EssayMetadata(title: "Q3 results: revenue up 12%, margin 8 bp lower", subtitle: "'Guidance' & {outlook}",
                          author: "Ana Müller", bio: "Line one\nline two\ttabbed\u{85}after NEL\u{2028}after LS",
                          breadcrumbs: ["Long reads"]),
            EssayMetadata(title: "*Bold* | [link] > quote", subtitle: "@handle, %percent, `tick`, !tag, &anchor, *alias"),
          ])
    func frontMatterRoundTrip(_ metadata: EssayMetadata) throws {
        let essay = Essay(file: "seeds/x.txt", metadata: metadata, body: .blocks([.paragraph("Shares fell 3% on Monday.")]))
        let markdown = EssayMarkdown.document(of: essay)
        let reread = try EssayReader.read(Data(markdown.utf8), file: "seeds/x.md", format: .markdown)
        #expect(reread.metadata == metadata, "\(markdown)")
    }

    @Test("Markdown and HTML characters in plain text are escaped, not interpreted",
          arguments: [
            "Costs rose by *half* and _then_ some.", "Use <script>alert(1)</script> & `code` here.",
            "# Not a heading at all, just text.", "- not a list item", "1. not a numbered list",
            "A [link](http://example.com) and ![image](x.png).", "Pipes | and ~~tildes~~ and \\ backslashes.",
            "Quotes \"straight\" and 'single' -- dashes... stay.", "Entities &amp; &copy; stay literal.",
          ])
    func escaping(_ paragraph: String) throws {
        let html = MarkdownDocument(markdown: MarkdownEscaper.escape(paragraph)).renderHTML()
        #expect(html.hasPrefix("<p>"))
        #expect(HTMLTextExtractor.text(of: html).trimmingCharacters(in: .newlines) == paragraph)
    }

    /// Escaping byte by byte, as the rules read: what copying runs of plain bytes must match.
    static func escapedByteByByte(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var escaped: [UInt8] = []
        var onlyDigits = true
        for (index, byte) in bytes.enumerated() {
            let previous = index > 0 ? bytes[index - 1] : nil
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            if "\\`*_[]<>!&|~\"'".utf8.contains(byte)
                || ("#-+=".utf8.contains(byte) && previous == nil)
                || (byte == UInt8(ascii: "-") && (previous == UInt8(ascii: "-") || next == UInt8(ascii: "-")))
                || (byte == UInt8(ascii: ".") && (previous == UInt8(ascii: ".") || next == UInt8(ascii: ".")))
                || ((byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")) && index > 0 && onlyDigits) {
                escaped.append(UInt8(ascii: "\\"))
            }
            escaped.append(byte)
            onlyDigits = onlyDigits && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    @Test("escaping copies plain runs and escapes the same bytes as going byte by byte")
    func escapingRuns() throws {
        var texts = ["", "a", "-", "--", "a--b", "...", "a.b", "12.", "12)", "1a.", "+x", "x+", "#", "é*ü", "a- b -c", "end.."]
        // Short strings over the bytes the rules are about, from a fixed generator.
        let alphabet = Array("ab 1.-)#+=*_\\\"'é".utf8)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        if case let .blocks(blocks) = try TestSupport.seedEssay().body {
            texts += blocks.map {
                switch $0 {
                case let .heading(text), let .paragraph(text): text
                }
            }
        }
        #expect(texts.count > 2040)
        for text in texts {
            #expect(MarkdownEscaper.escape(text) == Self.escapedByteByByte(text), "\(text)")
        }
    }
}
