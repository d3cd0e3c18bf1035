/// How one page links to the rest of the site. Links are relative to the page, so that
/// the site works at a domain's root and under a subpath alike; the page for missing
/// addresses, which a host serves at any depth, links from the base URL's path instead.
public struct PageLinks: Sendable, Equatable {
    /// The folders of the page's address, or nil when links start from `basePath`.
    private let folders: [Substring]?
    private let basePath: String

    /// Links relative to `page`.
    public init(from page: Route) {
        folders = Self.folders(of: page.address)
        basePath = ""
    }

    /// Links that start from `basePath` (`/`, `/briefings/`).
    public init(rootedAt basePath: String) {
        folders = nil
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Links from any entity page: they all stand at one depth, so what a briefing shows
    /// on the pages of the entities it names is made once.
    public static let fromEntityPages = PageLinks(from: .entity(id: ""))

    /// The link to `route`, or to a place in it.
    public func to(_ route: Route, at anchor: Anchor? = nil) -> String {
        let fragment = anchor?.fragment ?? ""
        guard let folders else { return basePath + route.address + fragment }
        let target = route.address
        let targetFolders = Self.folders(of: target)
        var shared = 0
        while shared < folders.count, shared < targetFolders.count, folders[shared] == targetFolders[shared] {
            shared += 1
        }
        let rest = target.split(separator: "/", omittingEmptySubsequences: false).dropFirst(shared).joined(separator: "/")
        return String(repeating: "../", count: folders.count - shared) + rest + fragment
    }

    /// A place in the page itself.
    public func here(_ anchor: Anchor) -> String { anchor.fragment }

    /// The site's root: what a page prefixes to an address from the root.
    public var root: String { to(.home) }

    /// `SLUG/facts/` holds the folders `SLUG` and `facts`; `SLUG/facts.csv` only `SLUG`.
    private static func folders(of address: String) -> [Substring] {
        Array(address.split(separator: "/", omittingEmptySubsequences: false).dropLast())
    }
}
