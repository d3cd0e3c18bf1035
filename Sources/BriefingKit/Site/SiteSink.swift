import Foundation

/// Where a build puts the site's files as they are made, from both cores at once: a
/// staging folder for `build`, memory for `check`, tests and the preview's rebuilds.
public protocol SiteSink: Sendable {
    func write(_ path: String, _ data: Data) throws(BuildFailure)
}

/// Keeps every file in memory, as a plan.
public final class SitePlanCollector: SiteSink, @unchecked Sendable {
    // The lock guards `files`; both cores write.
    private let lock = NSLock()
    private var files: [(path: String, data: Data)] = []

    public init() {}

    public func write(_ path: String, _ data: Data) {
        lock.withLock { files.append((path, data)) }
    }

    public var collected: SitePlan {
        var plan = SitePlan()
        for file in inOrder { plan.add(file.path, file.data) }
        return plan
    }

    /// The files in the order the build made them: each briefing's own files, then the
    /// site-wide pages.
    public var inOrder: [(path: String, data: Data)] { lock.withLock { files } }
}
