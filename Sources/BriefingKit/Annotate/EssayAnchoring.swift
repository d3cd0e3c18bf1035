/// Gives the essay's headings and paragraphs the ids that links land on, and the ¶
/// permalink a reader copies. Ids depend only on the text, so they stay stable from one
/// build to the next. Paragraphs in quotations and lists are numbered with the rest, in
/// reading order: a figure in a bullet or a quoted passage is annotated like any other.
public struct EssayAnchoring {
    public init() {}

    /// The level of the headings that open the essay's sections, below the page's title.
    static let sectionLevel = 2

    /// The essay's body parsed as every stage reads it. Its sections are its highest
    /// headings, `##` in a scraped essay: a body whose sections are `#` (or `###`) has its
    /// headings moved so that they are `<h2>`, the page's title staying its one `<h1>`.
    public static func document(of essay: Essay) -> MarkdownDocument {
        let document = MarkdownDocument(markdown: EssayMarkdown.body(of: essay))
        if let highest = document.document.children.filter({ $0.kind == .heading }).map(\.headingLevel).min() {
            document.shiftHeadings(by: Self.sectionLevel - highest, lowest: Self.sectionLevel)
        }
        return document
    }

    /// Reads the outline of a freshly parsed document without changing it.
    public func outline(of document: MarkdownDocument) -> EssayOutline {
        var sections = [EssayOutline.Section(id: Anchor.introductionID, title: nil, paragraphs: [])]
        var sectionIDs = Anchor.SectionIDs()
        var paragraphNumber = 0
        for block in document.document.children {
            switch block.kind {
            case .heading where block.headingLevel == Self.sectionLevel:
                let title = block.plainText
                let id = sectionIDs.next(forTitle: title)
                sections.append(.init(id: id, title: title, paragraphs: []))
            case .paragraph, .blockQuote, .list:
                for block in block.readingParagraphs {
                    paragraphNumber += 1
                    let (text, code) = block.plainTextAndCode
                    let paragraph = EssayOutline.Paragraph(id: Anchor.paragraph(paragraphNumber).id, number: paragraphNumber, text: text, code: code)
                    sections[sections.count - 1].paragraphs.append(paragraph)
                }
            default:
                continue
            }
        }
        if sections[0].paragraphs.isEmpty { sections.removeFirst() }
        return EssayOutline(sections: sections)
    }

    /// Writes the outline's ids into the document: `<h2 id>` and `<p id>` with a ¶ link.
    /// Call it last: it replaces the blocks that other annotations were made inside.
    public func applyAnchors(of outline: EssayOutline, to document: MarkdownDocument) {
        var headings = outline.headings.makeIterator()
        var paragraphs = outline.paragraphs.makeIterator()
        for block in document.document.children {
            switch block.kind {
            case .heading where block.headingLevel == Self.sectionLevel:
                if let section = headings.next() { document.setHeadingID(section.id, of: block) }
            case .paragraph, .blockQuote, .list:
                // Every paragraph gets its <p>, a tight list's too, which cmark would leave bare.
                for block in block.readingParagraphs {
                    guard let paragraph = paragraphs.next() else { break }
                    let anchor = Anchor.paragraph(paragraph.number)
                    document.replaceBlock(
                        block, open: "<p id=\"\(HTMLText.escape(anchor.id))\">",
                        close: " <a class=\"pilcrow\" href=\"\(HTMLText.escape(anchor.fragment))\" aria-label=\"Link to paragraph \(paragraph.number)\">¶</a></p>")
                }
            default:
                continue
            }
        }
    }
}
