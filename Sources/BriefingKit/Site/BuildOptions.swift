/// Build settings that change the output.
public struct BuildOptions: Sendable, Equatable {
    /// Where the site is published, from `--base-url`; nil leaves it to `site.yml`.
    public var baseURL: BaseURL?

    public init(baseURL: BaseURL? = nil) {
        self.baseURL = baseURL
    }

    /// Where the site of `config` is published: `--base-url`, else `site.yml`'s
    /// `base_url`, else the preview's address.
    public func baseURL(for config: SiteConfig) -> BaseURL {
        baseURL ?? config.baseURL ?? .preview
    }
}
