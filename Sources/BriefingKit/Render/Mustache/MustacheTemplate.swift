/// A parsed Mustache template: its text and tags as a tree, each name already split at
/// its dots, so that rendering looks names up without parsing anything.
struct MustacheTemplate: Sendable {
    let nodes: [MustacheNode]
    /// The partials and parents it names, where it names them.
    let partials: [MustachePartialReference]

    /// Parses `text`; a syntax error says where, by line and column.
    init(_ text: String) throws(MustacheSyntaxError) {
        var parser = MustacheParser(text)
        nodes = try parser.parse()
        partials = parser.partials
    }
}

indirect enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}`, escaped, or `{{{name}}}` and `{{&name}}`, as it is.
    case value(MustacheName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or with `inverted`, `{{^name}}…{{/name}}`.
    case section(MustacheName, [MustacheNode], inverted: Bool)
    /// `{{> name}}`; a partial alone on its line is indented as that line was.
    case partial(name: String, indentation: String)
    /// `{{< name}}…{{/name}}`: the template `name` with the blocks given here in place of
    /// its own.
    case parent(name: String, indentation: String, blocks: [String: [MustacheNode]])
    /// `{{$ name}}…{{/name}}`: content that a template using this one may replace.
    case block(name: String, [MustacheNode])
    /// `{{% CONTENT_TYPE: TEXT}}` turns escaping off for the rest of the template,
    /// `{{% CONTENT_TYPE: HTML}}` on again.
    case escaping(Bool)
}

/// A tag's name: `.` (the current value) has no parts, `a.b` two.
struct MustacheName: Sendable, Equatable {
    let parts: [String]

    init(_ text: Substring) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Where a template's text breaks the Mustache syntax, and how.
struct MustacheSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
}
