import CCmarkGFM

/// What an inline phrase gets wrapped in.
public enum InlineWrapper: Sendable {
    /// A Markdown link: rendered as `<a href title>` by cmark, URL escaped by cmark.
    case link(url: String, title: String)
    /// Briefing's own markup, emitted verbatim around the phrase: callers escape it.
    case custom(open: String, close: String)
}

extension MarkdownDocument {
    /// Wraps the UTF-8 byte range `range` of the text node `node` and returns the wrapper,
    /// whose only child is a text node holding the phrase. The text before and after the
    /// phrase stays in text nodes of its own, so later searches still find it.
    @discardableResult
    public func wrap(_ range: Range<Int>, of node: MarkdownNode, in wrapper: InlineWrapper) -> MarkdownNode {
        precondition(node.kind == .text, "only text nodes can be split")
        let bytes = node.literalBytes
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range outside the text node")
        let before = bytes[..<range.lowerBound]
        let phrase = bytes[range]
        let after = bytes[range.upperBound...]

        let container: OpaquePointer
        switch wrapper {
        case let .link(url, title):
            container = Self.newNode(CMARK_NODE_LINK)
            cmark_node_set_url(container, url)
            cmark_node_set_title(container, title)
        case let .custom(open, close):
            container = Self.newNode(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(container, open)
            cmark_node_set_on_exit(container, close)
        }
        cmark_node_append_child(container, Self.newText(phrase))
        cmark_node_insert_after(node.pointer, container)
        if !after.isEmpty {
            cmark_node_insert_after(container, Self.newText(after))
        }
        if before.isEmpty {
            detach(node.pointer)
        } else {
            Self.setLiteral(node.pointer, before)
        }
        return MarkdownNode(container, in: self)
    }

    /// Inserts Briefing's own block of HTML after `node`; `html` is emitted verbatim.
    @discardableResult
    public func insertBlock(html: String, after node: MarkdownNode) -> MarkdownNode {
        let block = Self.newNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_insert_after(node.pointer, block)
        return MarkdownNode(block, in: self)
    }

    /// Replaces a block that holds inline content (a paragraph or a heading) by Briefing's
    /// own markup around the same content: the way to give it attributes cmark cannot.
    ///
    /// The markup goes on a custom inline inside an empty custom block because cmark puts a
    /// line break after a custom block's opening string, which would land inside `<p>`.
    @discardableResult
    public func replaceBlock(_ node: MarkdownNode, open: String, close: String) -> MarkdownNode {
        let block = Self.newNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        let content = Self.newNode(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(content, open)
        cmark_node_set_on_exit(content, close)
        cmark_node_append_child(block, content)
        while let child = cmark_node_first_child(node.pointer) {
            cmark_node_unlink(child)
            cmark_node_append_child(content, child)
        }
        cmark_node_insert_before(node.pointer, block)
        detach(node.pointer)
        return MarkdownNode(content, in: self)
    }

    /// Moves every heading `levels` deeper, or shallower when negative, keeping each
    /// between `lowest` and 6.
    public func shiftHeadings(by levels: Int, lowest: Int = 1) {
        guard levels != 0 else { return }
        for node in allNodes() where node.kind == .heading {
            cmark_node_set_heading_level(node.pointer, Int32(max(lowest, min(6, node.headingLevel + levels))))
        }
    }

    /// Gives a heading an `id` attribute; the heading keeps its level and inline content.
    @discardableResult
    public func setHeadingID(_ id: String, of heading: MarkdownNode) -> MarkdownNode {
        precondition(heading.kind == .heading, "only headings take a heading id")
        let level = max(1, min(6, heading.headingLevel))
        return replaceBlock(heading, open: "<h\(level) id=\"\(HTMLText.escape(id))\">", close: "</h\(level)>")
    }

    private static func newNode(_ type: cmark_node_type) -> OpaquePointer {
        guard let node = cmark_node_new(type) else {
            fatalError("cmark-gfm could not allocate a node: out of memory")
        }
        return node
    }

    /// A text node holding `text`, which cmark gave out as a literal or part of one: its
    /// bytes are copied as they are, without a round trip through `String`.
    private static func newText(_ text: ArraySlice<UInt8>) -> OpaquePointer {
        let node = newNode(CMARK_NODE_TEXT)
        setLiteral(node, text)
        return node
    }

    private static func setLiteral(_ node: OpaquePointer, _ text: ArraySlice<UInt8>) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { buffer in
            for (index, byte) in zip(buffer.indices, text) { buffer[index] = CChar(bitPattern: byte) }
            buffer[text.count] = 0
            _ = cmark_node_set_literal(node, buffer.baseAddress)
        }
    }
}
