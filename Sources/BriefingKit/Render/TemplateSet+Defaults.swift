import Foundation

extension TemplateSet {
    /// Templates of files other than pages (the feed, the sitemap, robots.txt) and of the
    /// chart and pagination partials. A site made by an older `briefing init` has none of
    /// them: it builds with the defaults carried in the binary until its own copy is added.
    static let defaultedNames = ["feed", "sitemap", "robots", "partials/chart", "partials/pagination"]

    private static let embeddedDefaults: [TextFile] = {
        let embedded = Dictionary(EmbeddedTemplates.files.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        return TemplateSet.defaultedNames.compactMap { name in
            let file = name + TemplateSet.fileExtension
            return embedded[file].map { TextFile(path: TemplateSet.templatesPrefix + file, text: String(decoding: $0, as: UTF8.self)) }
        }
    }()

    /// The embedded default of each defaulted template that `files` lacks.
    static func embeddedDefaults(missingFrom files: [TextFile]) -> [TextFile] {
        let present = Set(files.map(\.path))
        return embeddedDefaults.filter { !present.contains($0.path) }
    }
}
