import Foundation

/// Every file of the site, by path from its root, in memory. A plan is a plain value:
/// the preview server can serve it and the writer can compare it with what is on disk.
public struct SitePlan: Sendable, Equatable {
    public private(set) var files: [String: Data] = [:]
    /// Problems worth telling the editor that did not stop the build.
    public var warnings: [Diagnostic] = []

    public init() {}

    public mutating func add(_ path: String, _ data: Data) {
        files[path] = data
    }

    public var paths: [String] { files.keys.sorted() }
}
