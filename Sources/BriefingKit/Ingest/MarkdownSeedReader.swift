/// Reads a seed written in Markdown: YAML front matter between `---` lines, then the
/// essay's body, used as it is.
///
///     ---
///     title: The Title
///     subtitle: Optional
///     author: Jane Doe
///     date: 2025-03-01
///     ---
///     Body in Markdown …
///
/// A seed without front matter that opens with a `# Title` line, as much Markdown
/// written elsewhere does, has that title and nothing else in its header.
public struct MarkdownSeedReader {
    public var file: String

    public init(file: String) { self.file = file }

    static let fence = "---"
    static let keys = ["title", "subtitle", "author", "bio", "date", "breadcrumbs", "caption", "credit"]

    /// A fence starts its line: indented, `---` is part of a value that YAML folded onto
    /// the next line, as `convert` does with a long title.
    static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix(fence) && line.dropFirst(fence.count).allSatisfy(\.isWhitespace)
    }

    public func read(_ text: String) throws(BuildFailure) -> Essay {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, Self.isFence(first),
              let closing = lines.dropFirst().firstIndex(where: Self.isFence)
        else {
            if let essay = try readTitledByHeading(lines) { return essay }
            throw BuildFailure([Diagnostic(file: file, line: 1, column: 1,
                                           "no title: a Markdown seed starts with front matter between '---' lines holding at least 'title:', "
                                           + "or with a '# Title' line")])
        }
        let frontMatter = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")

        let reader = YAMLReader(file: file, lineOffset: 1)
        var values: [String: String] = [:]
        var breadcrumbs: [String] = []
        let root = reader.compose(frontMatter)
        if let root, let entries = reader.mapping(root, what: "the front matter", keys: Self.keys) {
            for entry in entries {
                if entry.key == "breadcrumbs" {
                    breadcrumbs = reader.strings(entry.value, key: entry.key) ?? []
                } else if let value = reader.string(entry.value, key: entry.key) {
                    values[entry.key] = value.trimmingWhitespace()
                }
            }
        }
        if reader.diagnostics.isEmpty, values["title", default: ""].isEmpty {
            reader.error("no title: the front matter needs a non-empty 'title:'", at: root)
        }
        if reader.diagnostics.isEmpty, body.allSatisfy(\.isWhitespace) {
            reader.error("the essay has a title but no body after its front matter", at: nil)
        }
        let errors = reader.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let title = values["title"] else { throw BuildFailure(reader.diagnostics) }

        let caption = values["caption"].map { Caption(text: $0, credit: values["credit"]) }
        let metadata = EssayMetadata(
            title: title, subtitle: values["subtitle"], author: values["author"], bio: values["bio"],
            date: values["date"], breadcrumbs: breadcrumbs, captions: caption.map { [$0] } ?? [])
        return Essay(file: file, metadata: metadata, body: .markdown(body))
    }

    /// The essay when its first line with text is a level-one heading; nil otherwise.
    private func readTitledByHeading(_ lines: [Substring]) throws(BuildFailure) -> Essay? {
        guard let index = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
              let title = Self.headingOneText(lines[index]) else { return nil }
        let body = lines[(index + 1)...].joined(separator: "\n")
        guard !body.allSatisfy(\.isWhitespace) else {
            throw BuildFailure([Diagnostic(file: file, line: index + 1, column: 1, "the essay has a title but no body after it")])
        }
        return Essay(file: file, metadata: EssayMetadata(title: title), body: .markdown(body))
    }

    /// The text of an ATX heading of level one ("# Title", "# Title #"), as CommonMark reads
    /// it: at most three spaces before the `#`, and a closing run of `#` dropped.
    static func headingOneText(_ line: Substring) -> String? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        guard rest.hasPrefix("#"), rest.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? false else { return nil }
        var text = rest.dropFirst().trimmingWhitespace()
        if let closing = text.lastIndex(where: { $0 != "#" }), closing < text.index(before: text.endIndex), text[closing] == " " {
            text = String(text[..<closing]).trimmingWhitespace()
        }
        return text.isEmpty ? nil : text
    }
}
