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
            throw BuildFailure([Diagnostic(file: file, line: 1, column: 1,
                                           "no title: a Markdown seed starts with front matter between '---' lines holding at least 'title:'")])
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
}
