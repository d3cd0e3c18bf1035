/// Why an edit from the page was not made. Nothing was written.
public struct EditFailure: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable {
        /// The model file, or the register an edit would write, changed since the page was made.
        case conflict
        /// The edit, or the model it would make, does not pass the build's checks.
        case invalid
        /// The page names a briefing or an item that is not there.
        case notFound
    }

    public var reason: Reason
    public var message: String
    public var description: String { message }

    init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    static let stale = EditFailure(.conflict, "the model changed since this page was loaded: reload")
    static let staleRegister = EditFailure(.conflict, "the register of entities changed since this page was loaded: reload")

    static func invalid(_ failure: BuildFailure) -> EditFailure {
        EditFailure(.invalid, failure.diagnostics.map(\.description).joined(separator: "\n"))
    }
}
