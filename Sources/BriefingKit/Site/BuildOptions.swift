/// Build settings that change the output.
public struct BuildOptions: Sendable, Equatable {
    /// Where the site is published, from `--base-url`.
    public var baseURL: BaseURL

    public init(baseURL: BaseURL = .preview) {
        self.baseURL = baseURL
    }
}
