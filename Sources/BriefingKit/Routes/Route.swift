/// A file of the site. This type alone knows where each file is written and by which
/// address it is linked; every other part of Briefing names a file by its route.
public enum Route: Hashable, Sendable {
    case home
    /// A later page of the home page's list, from 2 on (`home(page:)` gives the first too).
    case homePage(Int)
    case briefing(slug: String)
    case facts(slug: String)
    case timeline(slug: String)
    /// The briefing's model as JSON, for other tools.
    case briefingData(slug: String)
    /// The briefing's figures as CSV.
    case factsTable(slug: String)
    /// The briefings and entities of the whole site.
    case siteSearchIndex
    case entityIndex
    /// A later page of the entity index, from 2 on (`entityIndex(page:)` gives the first too).
    case entityIndexPage(Int)
    case entity(id: String)
    /// A file of `Templates/assets/` under the name it is published at.
    case asset(name: String)
    case notFound
    case feed
    case sitemap
    case robots

    /// The file a folder's address is served from.
    static let indexFile = "index.html"
    static let assetsFolder = "assets"
    static let entitiesFolder = "entities"
    static let pagesFolder = "page"

    /// Folder names at the site's root that a briefing's slug must not take.
    public static let reservedFolders: Set<String> = [assetsFolder, entitiesFolder, pagesFolder]
    /// Entity ids whose page would stand where the entity index keeps its own pages.
    public static let reservedEntityIDs: Set<String> = [pagesFolder]

    /// Page `number` of the home page's list, counted from 1.
    public static func home(page number: Int) -> Route { number <= 1 ? .home : .homePage(number) }
    /// Page `number` of the entity index, counted from 1.
    public static func entityIndex(page number: Int) -> Route { number <= 1 ? .entityIndex : .entityIndexPage(number) }

    /// The address from the site's root: a page's folder (`SLUG/`, `""` for the home
    /// page), the file's path for anything else.
    public var address: String {
        switch self {
        case .home: ""
        case let .homePage(number): "\(Self.pagesFolder)/\(number)/"
        case let .briefing(slug): "\(slug)/"
        case let .facts(slug): "\(slug)/facts/"
        case let .timeline(slug): "\(slug)/timeline/"
        case let .briefingData(slug): "\(slug)/briefing.json"
        case let .factsTable(slug): "\(slug)/facts.csv"
        case .siteSearchIndex: "search.json"
        case .entityIndex: "\(Self.entitiesFolder)/"
        case let .entityIndexPage(number): "\(Self.entitiesFolder)/\(Self.pagesFolder)/\(number)/"
        case let .entity(id): "\(Self.entitiesFolder)/\(id)/"
        case let .asset(name): "\(Self.assetsFolder)/\(name)"
        case .notFound: "404.html"
        case .feed: "feed.xml"
        case .sitemap: "sitemap.xml"
        case .robots: "robots.txt"
        }
    }

    /// The file written, from the root of the output folder: `SLUG/index.html`.
    public var file: String {
        Self.file(at: address)
    }

    /// The file that answers a request for `address`: a folder's index page.
    static func file(at address: String) -> String {
        address.isEmpty || address.hasSuffix("/") ? address + indexFile : address
    }

    /// The address a reader reaches the page in `file` by, or nil when the file is not a
    /// page to list (data, assets, the page for missing addresses).
    public static func pageAddress(ofFile file: String) -> String? {
        guard file.hasSuffix(".html"), file != Route.notFound.file else { return nil }
        if file == indexFile { return "" }
        return file.hasSuffix("/" + indexFile) ? String(file.dropLast(indexFile.count)) : file
    }
}
