/// How one page links to the rest of the site. Links are relative to the page, so that
/// the site works at a domain's root and under a subpath alike; the page for missing
/// addresses, which a host serves at any depth, links from the base URL's path instead.
public struct PageLinks: Sendable, Equatable {
    /// The folders of the page's address, each followed by `/` (`SLUG/facts/`), or nil when
    /// links start from `basePath`.
    private let folders: [UInt8]?
    /// How many folders that is.
    private let depth: Int
    private let basePath: String

    /// Links relative to `page`.
    public init(from page: Route) {
        let address = page.address.utf8
        let end = address.lastIndex(of: UInt8(ascii: "/")).map { address.index(after: $0) } ?? address.startIndex
        folders = Array(address[..<end])
        depth = address[..<end].filter { $0 == UInt8(ascii: "/") }.count
        basePath = ""
    }

    /// Links that start from `basePath` (`/`, `/briefings/`).
    public init(rootedAt basePath: String) {
        folders = nil
        depth = 0
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// Links from any entity page: they all stand at one depth, so what a briefing shows
    /// on the pages of the entities it names is made once.
    public static let fromEntityPages = PageLinks(from: .entity(id: ""))

    /// The link to `route`, or to a place in it: up out of the folders the two addresses do
    /// not share, then down the target's. Compared on bytes, as every link of every page is
    /// made here.
    public func to(_ route: Route, at anchor: Anchor? = nil) -> String {
        let target = route.address
        let fragment = anchor?.fragment ?? ""
        guard let folders else { return basePath + target + fragment }
        var shared = 0
        var restStart = 0
        var offset = 0
        for byte in target.utf8 {
            guard offset < folders.count, folders[offset] == byte else { break }
            offset += 1
            if byte == UInt8(ascii: "/") {
                shared += 1
                restStart = offset
            }
        }
        let rest = target.utf8.index(target.utf8.startIndex, offsetBy: restStart)
        return String(repeating: "../", count: depth - shared) + target[rest...] + fragment
    }

    /// A place in the page itself.
    public func here(_ anchor: Anchor) -> String { anchor.fragment }

    /// The site's root: what a page prefixes to an address from the root.
    public var root: String { to(.home) }
}
