import Mustache

/// The user's Mustache templates, parsed once per build. Only this stage knows their names.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// The files the templates were parsed from: what a cached page was rendered with.
    let files: [TextFile]
    /// Pages of the previous build, reused when their views did not change.
    var cache: (any PageCache)?

    static let templatesPrefix = "Templates/"
    static let fileExtension = ".mustache"

    /// swift-mustache escapes HTML character by character through a dictionary, which
    /// is the largest single cost of rendering a page. Each template starts with this
    /// pragma, on a line of its own, so that Briefing's escaping does the same job.
    private static let contentTypePragma = "{{% CONTENT_TYPE: BRIEFING_HTML}}\n"
    private static let registerContentType: Void = MustacheContentTypes.register(EscapedHTML(), named: "BRIEFING_HTML")

    /// Parses every template, with the embedded default of a defaulted one the site lacks;
    /// a syntax error is reported at its file, line and column.
    public init(files: [TextFile]) throws(BuildFailure) {
        Self.registerContentType
        let files = files + Self.embeddedDefaults(missingFrom: files)
        var templates: [String: MustacheTemplate] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            let name = String(file.path.dropFirst(Self.templatesPrefix.count).dropLast(Self.fileExtension.count))
            do {
                templates[name] = try MustacheTemplate(string: Self.contentTypePragma + file.text)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(file: file.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                           "template syntax error: \(Self.describe(error.error))"))
            } catch {
                problems.append(Diagnostic(file: file.path, "template syntax error: \(error)"))
            }
        }
        for file in files {
            problems += Self.missingPartials(in: file, known: Set(templates.keys))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        library = MustacheLibrary(templates: templates)
        self.files = files
    }

    /// swift-mustache renders a missing partial as nothing; a user who mistypes a
    /// partial's name deserves to hear where.
    private static func missingPartials(in file: TextFile, known: Set<String>) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let tag = rest[open.upperBound..<close.lowerBound].trimmingWhitespace()
                if let marker = tag.first, marker == ">" || marker == "<" {
                    let name = tag.dropFirst().trimmingWhitespace()
                    if !name.isEmpty, !known.contains(name) {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        problems.append(Diagnostic(file: file.path, line: index + 1, column: column,
                                                   "partial '\(name)' not found: expected \(templatesPrefix)\(name)\(fileExtension)"))
                    }
                }
                rest = rest[close.upperBound...]
            }
        }
        return problems
    }

    /// Renders `view` with the template `name`; with a cache and a `path`, a page whose
    /// view is unchanged since the last build is taken from the cache.
    func render<View: TemplateValue & Equatable & Sendable>(_ view: View, with name: String, page path: String? = nil) throws(BuildFailure) -> String {
        if let cache, let path, let html = cache.html(for: path, view: view, templates: files) { return html }
        let html = try render(context: view.templateValue, with: name)
        if let cache, let path { cache.store(html, for: path, view: view, templates: files) }
        return html
    }

    private func render(context: Any, with name: String) throws(BuildFailure) -> String {
        guard let html = library.render(context, withTemplate: name) else {
            throw BuildFailure([Diagnostic(file: "\(Self.templatesPrefix)\(name)\(Self.fileExtension)",
                                           "template not found: the site needs it to render its pages")])
        }
        return html
    }

    private static func describe(_ error: any Error) -> String {
        String(describing: error).replacingOccurrences(of: "([a-z])([A-Z])", with: "$1 $2", options: .regularExpression).lowercased()
    }
}

/// HTML escaping for `{{name}}` in templates: the same five characters as swift-mustache's.
private struct EscapedHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
