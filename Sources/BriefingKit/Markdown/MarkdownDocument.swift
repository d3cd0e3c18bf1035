import CCmarkGFM
import Foundation

/// One cmark-gfm tree together with the parser that built it.
///
/// The parser stays alive as long as the tree: its list of syntax extensions is what the
/// HTML renderer needs to render tables, strikethrough and the rest. Every C allocation
/// made here is released exactly once, in `deinit` or right after use.
public final class MarkdownDocument {
    let root: OpaquePointer
    private let parser: OpaquePointer
    /// Nodes unlinked by edits. They are freed with the tree, not at once, so that a
    /// handle collected before an edit never points at freed memory.
    private var detached: [OpaquePointer] = []

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    static let parseOptions = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES
    /// Without `CMARK_OPT_UNSAFE` raw HTML from a seed is never rendered; Briefing's own
    /// markup reaches the output through custom nodes, whose strings are emitted verbatim.
    static let renderOptions = CMARK_OPT_SMART | CMARK_OPT_FOOTNOTES

    /// Parses `markdown` with the GFM extensions Briefing uses.
    public init(markdown: String) {
        (parser, root) = CmarkParsing.parse(markdown)
    }

    deinit {
        detached.forEach { cmark_node_free($0) }
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    func detach(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        detached.append(node)
    }

    /// The document node.
    public var document: MarkdownNode { MarkdownNode(root, in: self) }

    /// The essay's paragraphs in reading order, those in quotations and lists too: the
    /// ones an outline numbers and a model's quotes are found in.
    public var readingParagraphs: [MarkdownNode] { document.children.flatMap(\.readingParagraphs) }

    /// Every node in document order, collected before any edit so that edits never
    /// disturb a running cmark iterator.
    public func allNodes() -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        MarkdownNode(root, in: self).forEachNode { nodes.append($0) }
        return nodes
    }

    /// Merges adjacent text nodes so that a phrase is found in one literal.
    public func consolidateTextNodes() {
        cmark_consolidate_text_nodes(root)
    }

    /// Renders the tree as HTML. Safe to call concurrently on different documents.
    public func renderHTML() -> String {
        let extensions = cmark_parser_get_syntax_extensions(parser)
        guard let html = cmark_render_html(root, Self.renderOptions, extensions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}
