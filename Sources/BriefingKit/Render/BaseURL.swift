import Foundation

/// The absolute URL a site is published at, from `--base-url`.
public struct BaseURL: Sendable, Equatable {
    /// Always ends with `/`, e.g. `https://example.org/briefings/`.
    public var absolute: String
    /// The path part, e.g. `/briefings/`.
    public var path: String

    /// Where `briefing serve` shows the site: the base of absolute URLs (canonical links,
    /// the sitemap, the feed) when no `--base-url` is given.
    public static let preview = BaseURL(absolute: "http://127.0.0.1:8000/", path: "/")

    init(absolute: String, path: String) {
        self.absolute = absolute
        self.path = path
    }

    public init?(_ text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme), let host = components.host, !host.isEmpty else { return nil }
        var path = components.path.isEmpty ? "/" : components.path
        if !path.hasSuffix("/") { path += "/" }
        self.path = path
        let port = components.port.map { ":\($0)" } ?? ""
        absolute = "\(scheme)://\(host)\(port)\(path)"
    }
}
