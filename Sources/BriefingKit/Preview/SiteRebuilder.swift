import Foundation

/// Builds the site again when its sources change, and tells the preview's pages once the
/// new site is wholly in place. A failed build leaves the last good site where it is.
public final class SiteRebuilder: @unchecked Sendable {
    public let source: URL
    public let output: URL
    public let options: BuildOptions
    public let broadcaster: ReloadBroadcaster?
    /// Where progress lines go (`rebuilt … in N ms`) and where errors go.
    private let report: @Sendable (String) -> Void
    private let reportError: @Sendable (String) -> Void
    /// Briefings whose seed and model did not change are not annotated again.
    private let cache = AnnotationCache()
    private let renderCache = RenderCache()
    // The lock guards `lastPlan`, the site as last written, which the next rebuild
    // compares against to write only what changed.
    private let lock = NSLock()
    private var lastPlan: SitePlan?

    public init(source: URL, output: URL, options: BuildOptions, broadcaster: ReloadBroadcaster?,
                report: @escaping @Sendable (String) -> Void, reportError: @escaping @Sendable (String) -> Void) {
        self.source = source
        self.output = output
        self.options = options
        self.broadcaster = broadcaster
        self.report = report
        self.reportError = reportError
    }

    /// The folders whose changes call for a rebuild.
    public var watchedFolders: [URL] {
        [source.appendingPathComponent(SourceTree.seedsFolder), source.appendingPathComponent(SourceTree.templatesFolder)]
    }

    /// Builds once; true when the site was written.
    @discardableResult
    public func rebuild(because changes: [String] = []) async -> Bool {
        let started = ContinuousClock.now
        do {
            let plan = try SiteBuilder(options: options, cache: cache, renderCache: renderCache).plan(source: source)
            let written: Int
            if let previous = lock.withLock({ lastPlan }), FileManager.default.fileExists(atPath: output.path) {
                written = try SiteWriter().update(output, from: previous, to: plan)
            } else {
                written = try SiteWriter().write(plan, to: output)
            }
            lock.withLock { lastPlan = plan }
            for warning in plan.warnings { reportError(warning.description) }
            let elapsed = ContinuousClock.now - started
            report("rebuilt \(describe(changes)) in \(Self.milliseconds(elapsed)) ms (\(written) of \(plan.files.count) files changed)")
            await broadcaster?.send(.reload)
            return true
        } catch {
            reportError(error.description)
            await broadcaster?.send(.buildError(error.description))
            return false
        }
    }

    /// Rebuilds after every batch of changes until the changes end.
    public func watch(_ changes: AsyncStream<[String]>) async {
        for await batch in changes {
            await rebuild(because: batch)
        }
    }

    private func describe(_ changes: [String]) -> String {
        let base = source.standardizedFileURL.path + "/"
        // An editor's temporary file is gone by now; name what is there, unless the
        // change was a deletion.
        let present = changes.filter { FileManager.default.fileExists(atPath: $0) }
        let names = (present.isEmpty ? changes : present).map { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 }
        switch names.count {
        case 0: return "the site"
        case 1...3: return names.joined(separator: ", ")
        default: return "\(names.prefix(2).joined(separator: ", ")) and \(names.count - 2) more"
        }
    }

    public static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
