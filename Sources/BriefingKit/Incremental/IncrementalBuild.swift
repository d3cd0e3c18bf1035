import Foundation

/// Builds a site again and again into one output folder, each time doing only what the
/// sources' changes call for: the builds of the preview (`serve`, `build --watch`). It
/// reads only the files whose stamps changed, makes only the briefings whose seed or
/// model changed, patches the site-wide pages when it can, and writes only the files
/// whose bytes changed, in place. Everything that survives from one build to the next is
/// kept here; the build itself is `SiteBuilder`'s one pipeline. One build at a time.
public final class IncrementalBuild: @unchecked Sendable {
    private let source: URL
    private let output: URL
    private let options: BuildOptions
    private let last = LastBuild()
    // The lock guards `files`: every source file as last read, with its stamp.
    private let lock = NSLock()
    private var files: [String: StampedReader.File] = [:]

    public init(source: URL, output: URL, options: BuildOptions) {
        self.source = source
        self.output = output
        self.options = options
    }

    /// What one build did.
    public struct Outcome: Sendable {
        /// Every file of the site, sorted.
        public var paths: [String]
        /// How many files were written or removed because their bytes changed.
        public var changed: Int
        /// Problems worth telling the editor that did not stop the build.
        public var warnings: [Diagnostic]
        /// The source files of each briefing, by slug.
        public var briefings: [String: BriefingFiles]
    }

    /// Reads the sources and brings the site in `output` up to date. A build that fails
    /// leaves the output as it was, and the next one makes again what it made.
    public func build() throws(BuildFailure) -> Outcome {
        let sources = try read()
        do {
            let stamps = lock.withLock { files.mapValues(\.stamp) }
            let inPlace = last.begin(sources, stamps: stamps, options: options,
                                     filesExist: FileManager.default.fileExists(atPath: output.path))
            let builder = SiteBuilder(options: options, memory: last)
            let made: SiteBuilder.Report
            let written: Int
            if inPlace {
                let collector = SitePlanCollector()
                made = try builder.build(sources, into: collector)
                written = try SiteWriter.update(output, with: collector.inOrder)
            } else {
                (made, _, written) = try SiteWriter.replace(output) { writer throws(BuildFailure) in try builder.build(sources, into: writer) }
            }
            var removed = 0
            for path in last.settle(writing: made.paths) {
                if (try? FileManager.default.removeItem(at: output.appendingPathComponent(path))) != nil { removed += 1 }
            }
            return Outcome(paths: made.paths, changed: written + removed, warnings: made.warnings,
                           briefings: BriefingFiles.of(sources, seedsBySlug: made.seedsBySlug))
        } catch {
            last.abandon()
            throw error
        }
    }

    /// The sources, with every file unchanged since the last read taken from it.
    private func read() throws(BuildFailure) -> SourceTree {
        let reader = StampedReader(previous: lock.withLock { files })
        let sources = try SourceTree.load(from: source, reader: reader)
        lock.withLock { files = reader.files }
        return sources
    }
}
