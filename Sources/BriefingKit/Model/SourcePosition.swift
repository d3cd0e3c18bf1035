/// Where in a model file a value was written, so that a problem found later, when the
/// value is checked against the essay, still points at the right line.
public struct SourcePosition: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
