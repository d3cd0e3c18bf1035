import CCmarkGFM
import Foundation

/// A handle on one node of a `MarkdownDocument`.
///
/// The handle keeps its document alive, so a node can never outlive the tree that owns
/// its memory. Nodes created by edits are linked into the tree before they are returned.
public struct MarkdownNode {
    let pointer: OpaquePointer
    /// The owner of the memory `pointer` points into.
    public let document: MarkdownDocument

    init(_ pointer: OpaquePointer, in document: MarkdownDocument) {
        self.pointer = pointer
        self.document = document
    }

    public var kind: MarkdownNodeKind { MarkdownNodeKind(cmark_node_get_type(pointer)) }

    /// The heading level, or 0 for any other node.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The text of a text, code or HTML node; empty for containers.
    public var literal: String {
        guard let text = cmark_node_get_literal(pointer) else { return "" }
        return String(cString: text)
    }

    /// The literal as UTF-8 bytes, for searching without `String` overhead.
    public var literalBytes: [UInt8] {
        guard let text = cmark_node_get_literal(pointer) else { return [] }
        return Array(UnsafeRawBufferPointer(start: text, count: strlen(text)))
    }

    /// The literal's length in UTF-8 bytes, without copying it.
    var literalLength: Int {
        cmark_node_get_literal(pointer).map { strlen($0) } ?? 0
    }

    /// The markup a custom node opens with; empty for other nodes.
    public var customOpening: String {
        guard let text = cmark_node_get_on_enter(pointer) else { return "" }
        return String(cString: text)
    }

    /// True for links: Markdown links, autolinks and Briefing's own `<a>` markup.
    public var isLink: Bool {
        kind == .link || (kind == .customInline && customOpening.hasPrefix("<a "))
    }

    /// A text node below this one: where its text starts in `plainText` (UTF-8) and
    /// whether a link holds it.
    public struct TextRun {
        public var node: MarkdownNode
        public var offset: Int
        /// The length of the node's text in UTF-8 bytes.
        public var length: Int
        public var isInsideLink: Bool
    }

    /// The text nodes below this node, found in one walk that also keeps count of the
    /// links it is inside: asking each node for its ancestors would take time that grows
    /// with the square of the nesting.
    public func textRuns() -> [TextRun] {
        var runs: [TextRun] = []
        var offset = 0
        var openLinks = 0
        forEachEvent { node, isEntering in
            if node.isLink, node != self {
                openLinks += isEntering ? 1 : -1
                return
            }
            guard isEntering else { return }
            switch node.kind {
            case .text:
                let length = node.literalLength
                runs.append(TextRun(node: node, offset: offset, length: length, isInsideLink: openLinks > 0))
                offset += length
            case .code: offset += node.literalLength
            case .softBreak, .lineBreak: offset += 1
            default: break
            }
        }
        return runs
    }

    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    public var parent: MarkdownNode? {
        cmark_node_parent(pointer).map { MarkdownNode($0, in: document) }
    }

    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            result.append(MarkdownNode(node, in: document))
            child = cmark_node_next(node)
        }
        return result
    }

    /// The paragraphs of this block that are read as the essay's: itself when it is a
    /// paragraph, and those inside it when it is a quotation, a list or a list item, in
    /// document order (not a footnote's, a table's or raw HTML's). Walked with a stack:
    /// quotations can nest deeper than a thread's stack goes.
    public var readingParagraphs: [MarkdownNode] {
        var found: [MarkdownNode] = []
        var pending = [self]
        while let node = pending.popLast() {
            switch node.kind {
            case .paragraph: found.append(node)
            case .blockQuote, .list, .item: pending.append(contentsOf: node.children.reversed())
            default: break
            }
        }
        return found
    }

    /// The block at the top of the document that holds this node: the node itself when
    /// it is one.
    public var topLevelBlock: MarkdownNode {
        var node = self
        while let parent = node.parent, parent.kind != .document { node = parent }
        return node
    }

    /// The text a reader sees inside this node: literals of its text, code and breaks.
    public var plainText: String { plainTextAndCode.text }

    /// `plainText`, and the UTF-8 ranges in it that are inline code: shown as written,
    /// never annotated.
    public var plainTextAndCode: (text: String, code: [Range<Int>]) {
        var text = ""
        var code: [Range<Int>] = []
        forEachNode { node in
            switch node.kind {
            case .text: text += node.literal
            case .code:
                let start = text.utf8.count
                text += node.literal
                code.append(start..<text.utf8.count)
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return (text, code)
    }

    /// Calls `visit` with this node and every node below it, in document order.
    ///
    /// cmark's iterator walks the tree, not recursion: each emphasis is a node inside the
    /// last, and a seed can nest them deeper than a thread's stack goes.
    func forEachNode(_ visit: (MarkdownNode) -> Void) {
        forEachEvent { node, isEntering in
            if isEntering { visit(node) }
        }
    }

    /// Calls `visit` on entering every node from this one down, and on leaving each node
    /// that has children, in document order.
    func forEachEvent(_ visit: (_ node: MarkdownNode, _ isEntering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if let node = cmark_iter_get_node(iterator) {
                visit(MarkdownNode(node, in: document), event == CMARK_EVENT_ENTER)
            }
        }
    }
}

extension MarkdownNode: Equatable {
    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool { lhs.pointer == rhs.pointer }
}
