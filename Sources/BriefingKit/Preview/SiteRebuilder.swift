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
    /// Digests of the briefings as last written: a rebuild renders only briefings whose
    /// seed or model changed, and writes only files whose bytes changed.
    private let memory = BuildMemory()
    // The lock guards `lastSources`, the files as last read, reused where unchanged.
    private let lock = NSLock()
    private var lastSources: SourceTree?

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

    /// The files outside those folders whose changes call for a rebuild.
    public var watchedFiles: [URL] {
        [source.appendingPathComponent(SiteConfig.fileName)]
    }

    /// Builds once; true when the site was written.
    @discardableResult
    public func rebuild(because changes: [String] = []) async -> Bool {
        let started = ContinuousClock.now
        do throws(BuildFailure) {
            let sources = try SourceTree.load(from: source, reusing: lock.withLock { lastSources })
            lock.withLock { lastSources = sources }
            let builder = SiteBuilder(options: options, memory: memory)
            let made: SiteBuilder.Report
            let written: Int
            if memory.canReuse(sources, options: options), FileManager.default.fileExists(atPath: output.path) {
                let collector = SitePlanCollector()
                made = try builder.build(sources, into: collector)
                written = try SiteWriter.update(output, with: collector.inOrder)
            } else {
                (made, _, written) = try SiteWriter.replace(output) { writer throws(BuildFailure) in try builder.build(sources, into: writer) }
            }
            var removed = 0
            for path in memory.settle(writing: made.paths) {
                if (try? FileManager.default.removeItem(at: output.appendingPathComponent(path))) != nil { removed += 1 }
            }
            for warning in made.warnings { reportError(warning.description) }
            let elapsed = ContinuousClock.now - started
            report("rebuilt \(describe(changes)) in \(Self.milliseconds(elapsed)) ms (\(written + removed) of \(made.paths.count) files changed)")
            await broadcaster?.send(.reload)
            return true
        } catch {
            // What this rebuild rendered is not on disk: the next one must render it again.
            memory.abandon()
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
