import Foundation

/// Builds the site again when its sources change, and tells the preview's pages once the
/// new site is wholly in place. A failed build leaves the last good site where it is.
public final class SiteRebuilder: @unchecked Sendable {
    public let source: URL
    public let output: URL
    public let options: BuildOptions
    public let broadcaster: ReloadBroadcaster?
    /// Where each rebuild is told of, and where errors and warnings go.
    private let report: @Sendable (Rebuild) -> Void
    private let reportError: @Sendable (String) -> Void
    /// A rebuild reads, makes and writes only what changed since the last one.
    private let builds: IncrementalBuild
    // The lock guards `built`, the source files of each briefing of the site on disk, and
    // the counts of builds made and saved to the cache.
    private let lock = NSLock()
    private var built = BuiltBriefings.none
    private var made = 0
    private var saved = 0
    /// Held while `builds` builds or saves: one of them at a time.
    private let working = NSLock()
    /// How long the cache waits for a quiet moment after a rebuild: saving it takes a
    /// thousand-briefing site's preview 20 ms of CPU, which the browser's fetch of the
    /// reloaded page should not wait behind, and a run of saves needs saving once.
    static let cacheSaveDelay = Duration.milliseconds(300)

    /// One rebuild that wrote the site.
    public struct Rebuild: Sendable {
        /// The changed files that called for it, relative to the source folder; none for
        /// the first build.
        public var changes: [String]
        public var duration: Duration
        /// How many files of the site were written or removed, and how many it has.
        public var changedFiles: Int
        public var files: Int
    }

    public init(source: URL, output: URL, options: BuildOptions, broadcaster: ReloadBroadcaster?,
                report: @escaping @Sendable (Rebuild) -> Void, reportError: @escaping @Sendable (String) -> Void) {
        self.source = source
        self.output = output
        self.options = options
        self.broadcaster = broadcaster
        self.report = report
        self.reportError = reportError
        builds = IncrementalBuild(source: source, output: output, options: options)
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
            // A watcher's batch names what changed, unless it overflowed.
            let (outcome, number) = try build(changedFiles: changes.isEmpty || changes.contains(FileWatcher.overflowed) ? nil : changes)
            for notice in outcome.cacheNotices { reportError(notice) }
            for warning in outcome.warnings { reportError(warning.description) }
            report(Rebuild(changes: relative(changes), duration: ContinuousClock.now - started,
                           changedFiles: outcome.changed, files: outcome.paths.count))
            await broadcaster?.send(.reload)
            // Once the pages reload and nothing follows for a moment: the next `serve` or
            // `build` starts from here.
            Task.detached(priority: .utility) { [self] in
                try? await Task.sleep(for: Self.cacheSaveDelay)
                saveCache(after: number)
            }
            return true
        } catch {
            reportError(error.description)
            await broadcaster?.send(.buildError(error.description))
            return false
        }
    }

    /// One build, and its number among this preview's.
    private func build(changedFiles: [String]?) throws(BuildFailure) -> (IncrementalBuild.Outcome, Int) {
        working.lock()
        defer { working.unlock() }
        let outcome = try builds.build(changedFiles: changedFiles)
        let number = lock.withLock {
            built = outcome.briefings
            made += 1
            return made
        }
        return (outcome, number)
    }

    /// Writes the cache of the last build, if it is build `number` and not saved yet.
    private func saveCache(after number: Int) {
        working.withLock {
            guard lock.withLock({ made == number && saved < number }) else { return }
            for notice in builds.saveCache() { reportError(notice) }
            lock.withLock { saved = number }
            builds.prepareForNextBuild()
        }
    }

    /// Writes the cache of the last build now if it waits to be written: when the preview stops.
    private func saveCacheNow() {
        saveCache(after: lock.withLock { made })
    }

    /// The source files of the briefing `slug` of the site now served.
    public func briefing(_ slug: String) -> BriefingFiles? {
        lock.withLock { built[slug] }
    }

    /// Rebuilds after every batch of changes until the changes end, then saves the cache.
    public func watch(_ changes: AsyncStream<[String]>) async {
        for await batch in changes {
            await rebuild(because: batch)
        }
        saveCacheNow()
    }

    /// The files named relative to the source folder. An editor's temporary file is gone
    /// by now: only those still there are named, unless the change was a deletion.
    private func relative(_ changes: [String]) -> [String] {
        let base = source.standardizedFileURL.path + "/"
        let present = changes.filter { FileManager.default.fileExists(atPath: $0) }
        return (present.isEmpty ? changes : present).map { $0.hasPrefix(base) ? String($0.dropFirst(base.count)) : $0 }
    }
}
