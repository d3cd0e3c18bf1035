/// The user's Mustache templates, parsed once per build. Only this stage knows their names.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// The files the templates were parsed from: what a cached page was rendered with.
    let files: [TextFile]
    /// Pages of the previous build, reused when their views did not change.
    var cache: (any PageCache)?

    static let templatesPrefix = "Templates/"
    static let fileExtension = ".mustache"

    /// Parses every template, with the embedded default of a defaulted one the site lacks;
    /// a syntax error, or a partial no template answers to, is reported at its file, line
    /// and column.
    public init(files: [TextFile]) throws(BuildFailure) {
        let files = files + Self.embeddedDefaults(missingFrom: files)
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        var partials: [(file: String, reference: MustachePartialReference)] = []
        var problems: [Diagnostic] = []
        for file in files {
            let name = String(file.path.dropFirst(Self.templatesPrefix.count).dropLast(Self.fileExtension.count))
            sources[name] = file.text
            do {
                let template = try MustacheTemplate(file.text)
                templates[name] = template
                partials += template.partials.map { (file.path, $0) }
            } catch {
                problems.append(Diagnostic(file: file.path, line: error.line, column: error.column, "template syntax error: \(error.message)"))
            }
        }
        for (file, reference) in partials where templates[reference.name] == nil && sources[reference.name] == nil {
            problems.append(Diagnostic(file: file, line: reference.position.line, column: reference.position.column,
                                       "partial '\(reference.name)' not found: expected \(Self.templatesPrefix)\(reference.name)\(Self.fileExtension)"))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        library = MustacheLibrary(parsed: templates, sources: sources)
        self.files = files
    }

    /// Renders `view` with the template `name`; with a cache and a `path`, a page whose
    /// view is unchanged since the last build is taken from the cache.
    func render<View: TemplateValue & Equatable & Sendable>(_ view: View, with name: String, page path: String? = nil) throws(BuildFailure) -> String {
        if let cache, let path, let html = cache.html(for: path, view: view, templates: files) { return html }
        let html = try render(context: view.templateValue, with: name)
        if let cache, let path { cache.store(html, for: path, view: view, templates: files) }
        return html
    }

    private func render(context: TemplateData, with name: String) throws(BuildFailure) -> String {
        let file = "\(Self.templatesPrefix)\(name)\(Self.fileExtension)"
        guard let template = library.template(name) else {
            throw BuildFailure([Diagnostic(file: file, "template not found: the site needs it to render its pages")])
        }
        var renderer = MustacheRenderer(library: library, data: context)
        do {
            try renderer.render(template)
        } catch {
            throw BuildFailure([Diagnostic(file: file, "partials include one another more than \(MustacheRenderer.maximumDepth) deep: does one include itself?")])
        }
        return renderer.output
    }
}
