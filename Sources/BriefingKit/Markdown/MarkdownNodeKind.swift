import CCmarkGFM

/// The kinds of node Briefing tells apart. Extension nodes (tables, strikethrough,
/// footnotes) and anything unforeseen are `other`.
public enum MarkdownNodeKind: Hashable, Sendable {
    case document, paragraph, heading, blockQuote, list, item, codeBlock, htmlBlock
    case thematicBreak, customBlock
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
    case customInline
    case other

    init(_ type: cmark_node_type) {
        self = Self.byType.first { $0.0 == type }?.1 ?? .other
    }

    /// Node types import as global constants, so they are compared, not switched on.
    private static let byType: [(cmark_node_type, MarkdownNodeKind)] = [
        (CMARK_NODE_DOCUMENT, .document), (CMARK_NODE_PARAGRAPH, .paragraph),
        (CMARK_NODE_HEADING, .heading), (CMARK_NODE_BLOCK_QUOTE, .blockQuote),
        (CMARK_NODE_LIST, .list), (CMARK_NODE_ITEM, .item),
        (CMARK_NODE_CODE_BLOCK, .codeBlock), (CMARK_NODE_HTML_BLOCK, .htmlBlock),
        (CMARK_NODE_THEMATIC_BREAK, .thematicBreak), (CMARK_NODE_CUSTOM_BLOCK, .customBlock),
        (CMARK_NODE_TEXT, .text), (CMARK_NODE_SOFTBREAK, .softBreak),
        (CMARK_NODE_LINEBREAK, .lineBreak), (CMARK_NODE_CODE, .code),
        (CMARK_NODE_HTML_INLINE, .htmlInline), (CMARK_NODE_EMPH, .emphasis),
        (CMARK_NODE_STRONG, .strong), (CMARK_NODE_LINK, .link), (CMARK_NODE_IMAGE, .image),
        (CMARK_NODE_CUSTOM_INLINE, .customInline),
    ]
}
