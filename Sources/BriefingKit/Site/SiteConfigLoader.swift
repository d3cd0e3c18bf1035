import Foundation

/// Reads `site.yml` into a `SiteConfig`, reporting every unknown key, wrong type and
/// malformed value at once, each at its line and column. A file of comments only, or no
/// file at all, gives the defaults.
public struct SiteConfigLoader {
    public init() {}

    static let keys = ["title", "description", "base_url", "language", "publisher", "author", "paginate"]
    static let publisherKeys = ["name", "url", "logo"]

    /// The configuration and every problem found in it; the configuration holds
    /// whatever could be read, with defaults for the rest.
    public func load(_ file: TextFile) -> (SiteConfig, [Diagnostic]) {
        let reader = YAMLReader(file: file.path)
        var config = SiteConfig()
        guard let root = reader.compose(file.text), !YAMLReader.isNull(root) else { return (config, reader.diagnostics) }
        guard let entries = reader.mapping(root, what: "the site", keys: Self.keys) else { return (config, reader.diagnostics) }
        for entry in entries {
            switch entry.key {
            case "title": config.title = text(entry.value, key: "title", reader: reader) ?? config.title
            case "description": config.description = text(entry.value, key: "description", reader: reader) ?? config.description
            case "base_url": config.baseURL = baseURL(entry.value, reader: reader)
            case "language": config.language = language(entry.value, reader: reader) ?? config.language
            case "publisher": config.publisher = publisher(entry.value, reader: reader)
            case "paginate": config.paginate = paginate(entry.value, reader: reader) ?? config.paginate
            default: config.author = text(entry.value, key: "author", reader: reader)
            }
        }
        return (config, reader.diagnostics)
    }

    private func text(_ node: YAMLNode, key: String, reader: YAMLReader) -> String? {
        guard let value = reader.string(node, key: key) else { return nil }
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty { reader.error("'\(key)' must not be empty", at: node) }
        return trimmed.isEmpty ? nil : trimmed
    }

    private func baseURL(_ node: YAMLNode, reader: YAMLReader) -> BaseURL? {
        guard let text = text(node, key: "base_url", reader: reader) else { return nil }
        guard let url = BaseURL(text) else {
            reader.error("'base_url' must be an absolute http(s) URL, e.g. https://example.org/briefings/, found '\(text)'", at: node)
            return nil
        }
        return url
    }

    private func language(_ node: YAMLNode, reader: YAMLReader) -> String? {
        guard let text = text(node, key: "language", reader: reader) else { return nil }
        guard Self.isLanguageTag(text) else {
            reader.error("'language' must be a BCP 47 language tag such as en, fr or pt-BR, found '\(text)'", at: node)
            return nil
        }
        return text
    }

    /// A whole number of entries per page, at least one.
    private func paginate(_ node: YAMLNode, reader: YAMLReader) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain, let count = Int(scalar.string), count >= 1 else {
            reader.error("'paginate' must be a whole number of briefings per page, 1 or more, found \(reader.describe(node))", at: node)
            return nil
        }
        return count
    }

    private func publisher(_ node: YAMLNode, reader: YAMLReader) -> SiteConfig.Publisher? {
        guard let entries = reader.mapping(node, what: "'publisher'", keys: Self.publisherKeys) else { return nil }
        var name: String?
        var url: String?
        var logo: String?
        for entry in entries {
            switch entry.key {
            case "name": name = text(entry.value, key: "name", reader: reader)
            case "url":
                guard let text = text(entry.value, key: "url", reader: reader) else { continue }
                if BaseURL(text) == nil {
                    reader.error("the publisher's 'url' must be an absolute http(s) URL, found '\(text)'", at: entry.value)
                } else {
                    url = text
                }
            default: logo = text(entry.value, key: "logo", reader: reader)
            }
        }
        guard let name else {
            if !entries.contains(where: { $0.key == "name" }) { reader.error("'publisher' is missing 'name'", at: node) }
            return nil
        }
        return SiteConfig.Publisher(name: name, url: url, logo: logo)
    }

    /// Well-formed by BCP 47's shape: a primary language of 2 to 8 letters, then
    /// subtags of 1 to 8 letters or digits, joined by hyphens. Whether the language
    /// exists is not checked: a tag the site does not know still marks up the pages.
    static func isLanguageTag(_ text: String) -> Bool {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...8).contains(primary.count), primary.allSatisfy(\.isASCIILetter) else { return false }
        return subtags.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit } }
    }
}

private extension Character {
    var isASCIILetter: Bool { isASCII && isLetter }
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension SiteConfigLoader {
    /// The configuration in `ROOT/site.yml`; the defaults when there is no such file.
    public func load(from root: URL) -> (SiteConfig, [Diagnostic]) {
        let url = root.appendingPathComponent(SiteConfig.fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return (SiteConfig(), []) }
        switch FileReader().read(url.path, path: SiteConfig.fileName, asText: true) {
        case let .text(file): return load(file)
        case let .problem(problem): return (SiteConfig(), [problem])
        case .data: return (SiteConfig(), [])
        }
    }
}
