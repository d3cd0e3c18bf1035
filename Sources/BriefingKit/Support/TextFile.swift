/// A text file read from the source folder, named as messages show it.
public struct TextFile: Sendable, Equatable {
    /// Relative to the source folder, e.g. `seeds/essay.yml` or `Templates/briefing.mustache`.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
