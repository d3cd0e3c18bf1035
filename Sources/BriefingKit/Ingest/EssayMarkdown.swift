import Yams

/// The Markdown that Briefing makes of an essay: what `briefing convert` prints and
/// what cmark-gfm parses.
public enum EssayMarkdown {
    /// The body alone: `##` headings and escaped paragraphs, one blank line apart.
    public static func body(of essay: Essay) -> String {
        switch essay.body {
        case let .markdown(markdown):
            return markdown
        case let .blocks(blocks):
            return blocks.map { block in
                switch block {
                case let .heading(text): "## " + MarkdownEscaper.escape(text)
                case let .paragraph(text): MarkdownEscaper.escape(text)
                }
            }.joined(separator: "\n\n") + "\n"
        }
    }

    /// A complete Markdown seed: front matter with the metadata, then the body. Saved as
    /// `seeds/NAME.md`, it builds the same briefing as the seed it was made from.
    public static func document(of essay: Essay) throws -> String {
        let metadata = essay.metadata
        var fields: [(String, Node)] = [("title", text(metadata.title))]
        let optional: [(String, String?)] = [
            ("subtitle", metadata.subtitle), ("author", metadata.author), ("bio", metadata.bio),
            ("date", metadata.date), ("caption", metadata.captions.first?.text),
            ("credit", metadata.captions.first?.credit),
        ]
        fields += optional.compactMap { key, value in value.map { (key, text($0)) } }
        if !metadata.breadcrumbs.isEmpty {
            fields.append(("breadcrumbs", Node(metadata.breadcrumbs.map(text))))
        }
        let frontMatter = Node.mapping(Node.Mapping(fields.map { (Node($0.0), $0.1) }))
        let yaml = try Yams.serialize(node: frontMatter, allowUnicode: true)
        return "---\n" + yaml + "---\n\n" + body(of: essay)
    }

    /// Text as front matter holds it: quoted where, written plain, it would read back as
    /// no value at all (a title "null" or "~").
    private static func text(_ value: String) -> Node {
        YAMLReader.readsAsNull(plain: value) ? Node(value, .implicit, .doubleQuoted) : Node(value)
    }
}
