/// The site as `site.yml` describes it: its name, what it is about, where it is
/// published, its language and who publishes it. Every key is optional.
public struct SiteConfig: Sendable, Equatable {
    /// Shown in every page's header, the home page's `<title>` and the feed's title.
    public var title: String
    /// The home page's meta description and the feed's subtitle.
    public var description: String
    /// Where the site is published; `--base-url` overrides it.
    public var baseURL: BaseURL?
    /// A BCP 47 tag, e.g. `en`, `fr-CA`: `<html lang>` and the names of months in dates.
    public var language: String
    public var publisher: Publisher?
    /// The author of a briefing whose seed names none.
    public var author: String?
    /// How many briefings the home page lists on each of its pages, and how many names each
    /// page of the entity index holds.
    public var paginate: Int

    public struct Publisher: Sendable, Equatable {
        public var name: String
        public var url: String?
        /// An absolute URL, or a path from the site's root such as `assets/logo.png`.
        public var logo: String?

        public init(name: String, url: String? = nil, logo: String? = nil) {
            self.name = name
            self.url = url
            self.logo = logo
        }
    }

    public static let fileName = "site.yml"
    public static let defaultTitle = "Briefing"
    public static let defaultDescription = "Annotated briefings"
    public static let defaultLanguage = "en"
    public static let defaultPaginate = 25

    public init(title: String = defaultTitle, description: String = defaultDescription, baseURL: BaseURL? = nil,
                language: String = defaultLanguage, publisher: Publisher? = nil, author: String? = nil,
                paginate: Int = defaultPaginate) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.publisher = publisher
        self.author = author
        self.paginate = paginate
    }
}
