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
    public static func document(of essay: Essay) -> String {
        "---\n" + frontMatter(of: essay.metadata) + "---\n\n" + body(of: essay)
    }

    /// One `key: "text"` line per field the metadata has, the breadcrumbs as a list. Every
    /// value is double-quoted, so none can read back as anything but the text it was.
    static func frontMatter(of metadata: EssayMetadata) -> String {
        let fields: [(String, String?)] = [
            ("title", metadata.title), ("subtitle", metadata.subtitle), ("author", metadata.author),
            ("bio", metadata.bio), ("date", metadata.date), ("caption", metadata.captions.first?.text),
            ("credit", metadata.captions.first?.credit),
        ]
        var lines = fields.compactMap { key, value in value.map { key + ": " + YAMLText.quoted($0) } }
        if !metadata.breadcrumbs.isEmpty {
            lines.append("breadcrumbs:")
            lines += metadata.breadcrumbs.map { "  - " + YAMLText.quoted($0) }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
