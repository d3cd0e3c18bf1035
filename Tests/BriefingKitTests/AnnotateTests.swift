import Foundation
import Testing
@testable import BriefingKit

@Suite("Annotate")
struct AnnotateTests {
    static func lakes() throws -> (essay: Essay, model: TextFile) {
        let essay = try EssayReader.read(Data(contentsOf: TestSupport.fixture("lakes/lakes.txt")), file: "seeds/lakes.txt", format: .scrapedText)
        let model = try TextFile(path: "seeds/lakes.yml", text: String(contentsOf: TestSupport.fixture("lakes/lakes.yml"), encoding: .utf8))
        return (essay, model)
    }

    static func annotatedLakes() throws -> AnnotatedBriefing {
        let (essay, file) = try lakes()
        let (model, diagnostics) = ModelLoader().load(file)
        #expect(diagnostics.isEmpty)
        return try Annotator().annotate(essay, model: model)
    }

    @Test("entities are linked once per section, facts highlighted, cross-references linked")
    func bodyMarkup() throws {
        let briefing = try Self.annotatedLakes()
        #expect(briefing.warnings.isEmpty)
        let pilcrow = { (number: Int) in " <a class=\"pilcrow\" href=\"#p-\(number)\" aria-label=\"Link to paragraph \(number)\">¶</a></p>" }
        let vir = "<a class=\"entity entity-place\" href=\"../entities/lake-vir/\" data-entity=\"lake-vir\">Lake Vir</a>"
        let ostrava = "<a class=\"entity entity-place\" href=\"../entities/ostrava/\" data-entity=\"ostrava\">Ostrava</a>"
        let expected = """
            <p id="p-1">\(vir) feeds the town of \(ostrava), which <a class="fact" id="fact-water-share" href="#box-water-share" data-fact="water-share">draws 40 percent of its water from it</a>.\(pilcrow(1))
            <!--briefing:fact-boxes:water-share-->
            <p id="p-2">The <span class="entity-mention" data-entity="ostrava">Ostrava</span> council met in 2019. The council said <span class="entity-mention" data-entity="lake-vir">Lake Vir</span> was shrinking.\(pilcrow(2))
            <h2 id="water-use">Water Use</h2>
            <p id="p-3"><a class="xref" href="#p-1" data-xref="paragraph:p-1" data-target-label="¶1">As noted above</a>, \(ostrava) now <a class="fact" id="fact-pumping-cost" href="#box-pumping-cost" data-fact="pumping-cost">pays €2 million a year for pumping</a>. \(vir) and <a class="entity entity-place" href="../entities/lake-mala/" data-entity="lake-mala">Lake Mala</a> share one river.\(pilcrow(3))
            <!--briefing:fact-boxes:pumping-cost-->
            <p id="p-4">Nobody expects the river to recover soon.\(pilcrow(4))

            """
        #expect(briefing.bodyHTML == expected)
    }

    @Test("paragraphs in quotations and lists are numbered in reading order and annotated; their boxes follow the list")
    func quotationsAndLists() throws {
        let markdown = """
            ---
            title: "Rates"
            ---

            The bank cut its rate to 2%.

            > "Inflation is beaten," Ana Ruiz said in July.

            - Wage growth slowed to 3.1%.
            - Services inflation eased to 3.2%.

            Markets expect more.
            """
        let essay = try EssayReader.read(Data(markdown.utf8), file: "seeds/rates.md", format: .markdown)
        let model = TextFile(path: "seeds/rates.yml", text: """
            entities:
              - id: ana-ruiz
                name: "Ana Ruiz"
                kind: person
                aliases: ["Ana Ruiz"]
            facts:
              - id: wages
                figure: "3.1%"
                label: "Wage growth"
                quote: "Wage growth slowed to 3.1%"
              - id: services
                figure: "3.2%"
                label: "Services inflation"
                quote: "eased to 3.2%"
            """)
        let (loaded, diagnostics) = ModelLoader().load(model)
        #expect(diagnostics.isEmpty)
        let briefing = try Annotator().annotate(essay, model: loaded)
        #expect(briefing.outline.paragraphs.map(\.text) == [
            "The bank cut its rate to 2%.", "“Inflation is beaten,” Ana Ruiz said in July.", "Wage growth slowed to 3.1%.",
            "Services inflation eased to 3.2%.", "Markets expect more.",
        ])
        let pilcrow = { (number: Int) in " <a class=\"pilcrow\" href=\"#p-\(number)\" aria-label=\"Link to paragraph \(number)\">¶</a></p>" }
        let fact = { (id: String, text: String) in "<a class=\"fact\" id=\"fact-\(id)\" href=\"#box-\(id)\" data-fact=\"\(id)\">\(text)</a>" }
        let expected = """
            <p id="p-1">The bank cut its rate to 2%.\(pilcrow(1))
            <blockquote>
            <p id="p-2">“Inflation is beaten,” <a class="entity entity-person" href="../entities/ana-ruiz/" data-entity="ana-ruiz">Ana Ruiz</a> said in July.\(pilcrow(2))
            </blockquote>
            <ul>
            <li>
            <p id="p-3">\(fact("wages", "Wage growth slowed to 3.1%")).\(pilcrow(3))
            </li>
            <li>
            <p id="p-4">Services inflation \(fact("services", "eased to 3.2%")).\(pilcrow(4))
            </li>
            </ul>
            <!--briefing:fact-boxes:wages,services-->
            <p id="p-5">Markets expect more.\(pilcrow(5))

            """
        #expect(briefing.bodyHTML == expected)
        #expect(briefing.mentions.map(\.paragraphID) == ["p-2"])
    }

    @Test("a body whose sections are # headings (or ###) gets them as the page's <h2> sections, deeper ones below them")
    func headingLevels() throws {
        for (top, sub) in [("#", "##"), ("###", "####")] {
            let markdown = "---\ntitle: \"Rates\"\n---\n\nIntro.\n\n\(top) Background\n\nRates rose.\n\n\(sub) Detail\n\nThen fell.\n"
            let essay = try EssayReader.read(Data(markdown.utf8), file: "seeds/rates.md", format: .markdown)
            let briefing = try Annotator().annotate(essay)
            #expect(briefing.outline.headings.map(\.title) == ["Background"], "\(top)")
            #expect(briefing.bodyHTML.contains("<h2 id=\"background\">Background</h2>"), "\(top)")
            #expect(briefing.bodyHTML.contains("<h3>Detail</h3>") && !briefing.bodyHTML.contains("<h1"), "\(top)")
        }
    }

    @Test("check counts the figures of text, not those in inline code, which no quote can wrap")
    func figuresInCode() throws {
        let markdown = "---\ntitle: \"Rates\"\n---\n\nRates rose to 4.5%, and `rate = 2.0` stays the default.\n\n- Set `limit: 3` to cap it at 3 tries.\n"
        let essay = try EssayReader.read(Data(markdown.utf8), file: "seeds/rates.md", format: .markdown)
        let briefing = try Annotator().annotate(essay)
        #expect(briefing.outline.paragraphs.map(\.code.count) == [1, 1])
        #expect(CoverageReport(briefing: briefing).figures.map(\.figure) == ["4.5%", "3 tries"])
    }

    @Test("every mention is collected with its paragraph and sentence")
    func backlinks() throws {
        let mentions = try Self.annotatedLakes().mentions
        let summary = mentions.map { "\($0.entityID) \($0.paragraphID) \($0.isLinked ? "link" : "mark"): \($0.sentence)" }
        #expect(summary == [
            "lake-vir p-1 link: Lake Vir feeds the town of Ostrava, which draws 40 percent of its water from it.",
            "ostrava p-1 link: Lake Vir feeds the town of Ostrava, which draws 40 percent of its water from it.",
            "ostrava p-2 mark: The Ostrava council met in 2019.",
            "lake-vir p-2 mark: The council said Lake Vir was shrinking.",
            "ostrava p-3 link: As noted above, Ostrava now pays €2 million a year for pumping.",
            "lake-vir p-3 link: Lake Vir and Lake Mala share one river.",
            "lake-mala p-3 link: Lake Vir and Lake Mala share one river.",
        ])
    }

    @Test("the site gets fact boxes, entity, facts and timeline pages, and data exports")
    func pages() throws {
        let source = try TestSupport.sourceFolder(seeds: [
            "lakes.txt": Data(contentsOf: TestSupport.fixture("lakes/lakes.txt")),
            "lakes.yml": Data(contentsOf: TestSupport.fixture("lakes/lakes.yml")),
        ])
        let plan = try SiteBuilder().plan(source: source)
        let slug = "the-two-lakes"
        #expect(plan.paths.withoutFingerprints == [
            "404.html", "assets/briefing.js", "assets/favicon.svg", "assets/style.css", "entities/index.html", "entities/lake-mala/index.html",
            "entities/lake-vir/index.html", "entities/ostrava/index.html", "feed.xml", "index.html", "robots.txt", "search.json", "sitemap.xml",
            "\(slug)/briefing.json", "\(slug)/facts.csv", "\(slug)/facts/index.html", "\(slug)/index.html",
            "\(slug)/timeline/index.html",
        ].sorted())
        func page(_ route: Route) -> String { String(decoding: plan.files[route.file] ?? Data(), as: UTF8.self) }
        let fromRoot = PageLinks(from: .home)
        let briefingRoute = Route.briefing(slug: slug)

        let briefing = page(briefingRoute)
        #expect(!briefing.contains("<!--briefing:"))
        let briefingPage = HTMLPage(briefing)
        // The fact's box links to the paragraph that states it; the panel at the top, to the figure.
        let box = try #require(briefingPage.element(id: Anchor.factBox("water-share").id))
        #expect(box.links.contains(Anchor.paragraph(1).fragment))
        #expect(box.text.contains("40 percent"))
        let panels = briefingPage.all("section").filter { $0.links.contains(Anchor.fact("water-share").fragment) }
        #expect(panels.count == 1)

        let virRoute = Route.entity(id: "lake-vir")
        let vir = HTMLPage(page(virRoute))
        let virLinks = vir.linkTargets(from: virRoute)
        for paragraph in 1...3 {
            #expect(virLinks.contains(fromRoot.to(briefingRoute, at: .paragraph(paragraph))))
        }
        #expect(vir.text.contains("The council said Lake Vir was shrinking."))
        #expect(vir.all("a").contains { $0.text == "40 percent" && $0.attributes["href"].flatMap { HTMLPage.target(of: $0, from: virRoute) } == fromRoot.to(briefingRoute, at: .fact("water-share")) })

        let timelineRoute = Route.timeline(slug: slug)
        let timeline = HTMLPage(page(timelineRoute))
        #expect(timeline.text.contains("The Ostrava council meets"))
        #expect(timeline.linkTargets(from: timelineRoute).contains(fromRoot.to(briefingRoute, at: .paragraph(2))))

        let csv = page(.factsTable(slug: slug))
        #expect(csv.hasPrefix("id,figure,label,when,value,unit,compare,entities,paragraph,quote\r\n"))
        #expect(csv.contains("water-share,40 percent,Share of the town's water drawn from Lake Vir,2019,40,percent,,ostrava lake-vir,\(Anchor.paragraph(1).id),draws 40 percent of its water from it\r\n"))

        let data = plan.files[Route.briefingData(slug: slug).file] ?? Data()
        // Compact: one line.
        #expect(data.filter { $0 == UInt8(ascii: "\n") }.count == 1 && data.last == UInt8(ascii: "\n"))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let facts = json?["facts"] as? [[String: Any]]
        #expect(facts?.count == 2)
        #expect(facts?.first?["paragraph"] as? String == Anchor.paragraph(1).id)
        let entities = json?["entities"] as? [[String: Any]] ?? []
        #expect(entities.count == 3)
        #expect(json?["date"] as? String == "2024-05-01")
        // Each sentence naming an entity once; each mention, the number of its sentence.
        let sentences = (json?["sentences"] as? [[String: String]]) ?? []
        #expect(sentences.map { $0["text"] ?? "" } == ["Lake Vir feeds the town of Ostrava, which draws 40 percent of its water from it.",
                                                        "The Ostrava council met in 2019.", "The council said Lake Vir was shrinking.",
                                                        "As noted above, Ostrava now pays €2 million a year for pumping.",
                                                        "Lake Vir and Lake Mala share one river."])
        let ostrava = try #require(entities.first { $0["id"] as? String == "ostrava" })
        #expect(ostrava["mentions"] as? [Int] == [0, 1, 3])
        #expect(sentences.first?["paragraph"] == Anchor.paragraph(1).id)
    }

    @Test("compare groups become bar charts with a text equivalent; search finds names and figures")
    func chartsAndSearch() throws {
        let plan = try SiteBuilder().plan(source: TestSupport.packageRoot)
        let slug = "is-russian-malign-influence-in-serbia-a-myth"
        let chartID = Anchor.chart("pipeline-capacity").id
        let facts = HTMLPage(plan.files[Route.facts(slug: slug).file] ?? Data())
        let chart = try #require(facts.element(id: chartID))
        #expect(chart.all("figcaption").map(\.text) == ["Pipeline capacity: TurkStream against the planned South Stream"])
        #expect(chart.all("rect").count == 2)
        // Screen readers get the figures as a table.
        #expect(chart.all("tr").map { $0.descendants.filter { ["th", "td"].contains($0.name) }.map(\.text) }
                .contains(["TurkStream annual capacity", "31.5 billion cubic meters"]))
        let briefing = try #require(plan.files[Route.briefing(slug: slug).file])
        let page = HTMLPage(briefing)
        #expect(page.element(id: chartID) != nil)

        // The site's index holds briefings and names; a briefing's figures and paragraphs are
        // read from its page.
        let index = try JSONSerialization.jsonObject(with: plan.files[Route.siteSearchIndex.file] ?? Data()) as? [[String: String]] ?? []
        #expect(index.contains { $0["kind"] == "entity" && $0["title"] == "TurkStream" && $0["url"] == Route.entity(id: "turkstream").address })
        #expect(index.contains { $0["kind"] == "briefing" && $0["url"] == Route.briefing(slug: slug).address })
        #expect(!index.contains { $0["kind"] == "fact" || $0["kind"] == "paragraph" })
        // What the search script reads a figure by: its box's link to the figure in the text,
        // and its label.
        let box = try #require(page.element(id: Anchor.factBox("turkstream-capacity").id))
        let figure = try #require(box.all("p").first { $0.attributes["class"] == "fact-figure" }?.all("a").first)
        #expect(figure.attributes["href"] == "#" + Anchor.fact("turkstream-capacity").id && figure.text == "31.5 billion cubic meters")
        #expect(box.all("p").first { $0.attributes["class"] == "fact-label" }?.text == "TurkStream annual capacity")
        // The search box of each of the briefing's pages reads the site's index and the briefing
        // page: each link, followed from the page, reaches one.
        for route in [Route.briefing(slug: slug), .facts(slug: slug)] {
            let html = HTMLPage(try #require(plan.files[route.file]))
            let sources = try #require(html.elements.compactMap { $0.attributes["data-index"] }.first).split(separator: " ")
            #expect(Set(sources.compactMap { HTMLPage.target(of: String($0), from: route) })
                    == [Route.siteSearchIndex.address, Route.briefing(slug: slug).address])
        }
        #expect(!plan.files.keys.contains { $0.hasPrefix(slug + "/") && $0.hasSuffix(".json") && $0 != Route.briefingData(slug: slug).file })
    }

    @Test("figures in the essay are covered by facts, or reported")
    func coverage() throws {
        let report = CoverageReport(briefing: try Self.annotatedLakes())
        #expect(report.figures.map(\.figure) == ["40 percent", "€2 million"])
        #expect(report.figures.map(\.factID) == ["water-share", "pumping-cost"])
        #expect(report.percentCovered == 100)
        #expect(report.unmatchedNames.isEmpty, "\(report.unmatchedNames)")
    }

    @Test("names in the essay that no entity's alias covers are reported with their counts")
    func unmatchedNames() throws {
        let (essay, file) = try Self.lakes()
        let withoutMala = file.text.replacingOccurrences(of: "  - id: lake-mala\n    name: Lake Mala\n    kind: place\n    aliases: [Lake Mala]\n", with: "")
        #expect(withoutMala != file.text)
        let (model, diagnostics) = ModelLoader().load(TextFile(path: file.path, text: withoutMala))
        #expect(diagnostics.isEmpty)
        let report = CoverageReport(briefing: try Annotator().annotate(essay, model: model))
        #expect(report.unmatchedNames.map { "\($0.name) ×\($0.count)" } == ["Lake Mala ×1"])
    }
}

@Suite("Links")
struct LinkTests {
    @Test("every internal link and anchor of the built seed site resolves")
    func seedSiteLinks() throws {
        let plan = try SiteBuilder().plan(source: TestSupport.packageRoot)
        #expect(plan.paths.count > 100)
        #expect(LinkChecker.brokenLinks(in: plan).map(\.description) == [])
    }

    @Test("the link checker reports a missing page and a missing anchor")
    func checkerFindsBrokenLinks() {
        var plan = SitePlan()
        plan.add("index.html", Data(##"<a href="a/">A</a> <a href="a/#here">here</a> <a href="b/">B</a> <a href="#top">top</a> <a href="../x">x</a>"##.utf8))
        plan.add("a/index.html", Data(#"<h1 id="title">A</h1><a href="../index.html">home</a>"#.utf8))
        #expect(LinkChecker.brokenLinks(in: plan).map(\.description) == [
            "index.html: link \"a/#here\" names an anchor that a/index.html does not have",
            "index.html: link \"b/\" leads to a missing file (b/)",
            "index.html: link \"#top\" names an anchor that index.html does not have",
            "index.html: link \"../x\" climbs above the site's root",
        ])
    }

    @Test("words are counted once, as runs between white space, over every paragraph")
    func wordCount() throws {
        let briefing = try AnnotateTests.annotatedLakes()
        let expected = briefing.outline.paragraphs.reduce(0) { total, paragraph in
            total + paragraph.text.utf8.split(whereSeparator: { [0x20, 0x0A, 0x09, 0x0D].contains($0) }).count
        }
        #expect(briefing.wordCount == expected)
        #expect(briefing.wordCount == 56)
        #expect(EssayOutline.countWords(in: "") == 0)
        #expect(EssayOutline.countWords(in: "  one\ttwo\r\nthree  ") == 3)
        #expect(EssayOutline.countWords(in: "€2 — “quoted”") == 3)
    }

    @Test("a sentence is found by any offset in it, or before the next, and made once")
    func indexedSentences() {
        let text = "First one. Second “two” here. Third."
        var sentences = Sentences.indexed(text)
        #expect(sentences.ranges.count == 3)
        #expect(sentences.sentence(atUTF8Offset: 0) == "First one.")
        #expect(sentences.sentence(atUTF8Offset: 9) == "First one.")
        // The space between two sentences belongs to the first.
        #expect(sentences.sentence(atUTF8Offset: 10) == "First one.")
        #expect(sentences.sentence(atUTF8Offset: 11) == "Second “two” here.")
        #expect(sentences.sentence(atUTF8Offset: 11) == "Second “two” here.")
        #expect(sentences.sentence(atUTF8Offset: text.utf8.count - 1) == "Third.")
        #expect(Sentences.split(text) == ["First one.", "Second “two” here.", "Third."])
        var none = Sentences.indexed("")
        #expect(none.sentence(atUTF8Offset: 0) == nil)
    }
}
