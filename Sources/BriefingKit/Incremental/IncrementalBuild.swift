import Foundation

/// Builds a site again and again into one output folder, each time doing only what the
/// sources' changes call for: `briefing build` with its cache on disk, and the preview
/// (`serve`, `build --watch`). It reads only the seeds and models whose files changed,
/// makes only the briefings whose seed or model changed, patches the site-wide pages when
/// it can, and writes only the files whose bytes changed, in place. A build that must make
/// everything (the first, or after a template or `site.yml` changed) writes a new site
/// beside the output and swaps it in whole. Everything that survives from one build to
/// the next is kept here and in the cache (`CacheFolder`); the build itself is
/// `SiteBuilder`'s one pipeline. One build at a time.
public final class IncrementalBuild: @unchecked Sendable {
    private let source: URL
    private let output: URL
    private let options: BuildOptions
    private let last: LastBuild
    /// Called after each briefing with how many are done and how many there are.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// True until the first build has looked at the cache on disk and the output it names.
    private var isFirst = true
    /// The files changed since the last build that succeeded, as watchers said; nil when
    /// any file may have. A failed build leaves them for the next.
    private var changedSinceSuccess: Set<String>?
    /// What the first build found of the output the cache names, until a build succeeds.
    private var check: OutputCheck?

    public init(source: URL, output: URL, options: BuildOptions) {
        self.source = source.standardizedFileURL
        self.output = output.standardizedFileURL
        self.options = options
        last = LastBuild(cache: CacheFolder(source: source))
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
        public var briefings: BuiltBriefings
        /// Why the cache on disk was not used, or could not be written, when that happened.
        public var cacheNotices: [String] = []
        /// The seeds and models the build read; it took the others from the cache.
        var seedsRead: Set<String> = []
    }

    /// Reads the sources and brings the site in `output` up to date. A build that fails
    /// leaves the output as it was, and the next one makes again what it made.
    ///
    /// `changedFiles`, the absolute paths a file watcher saw change since the last build of
    /// this object, spares looking at every other source file: a seed or model not among
    /// them is taken as the last build saw it. Nil, or any folder among them, has every
    /// file looked at.
    public func build(changedFiles: [String]? = nil) throws(BuildFailure) -> Outcome {
        var notices: [String] = []
        if let batch = changedFiles.flatMap(relativeFiles), !isFirst {
            changedSinceSuccess?.formUnion(batch)
        } else {
            changedSinceSuccess = nil
        }
        let changed = changedSinceSuccess
        if isFirst {
            isFirst = false
            let found = last.cache.state(source: source, output: output)
            if let notice = found.notice { notices.append(notice) }
            if var state = found.state {
                let checked = OutputCheck(state, output: output)
                state.outputs = checked.outputs
                check = checked
                last.adopt(state)
            }
        }
        var outcome: Outcome
        do {
            outcome = try build(check: check, changed: changed)
        } catch {
            guard let damage = last.damage else { throw error }
            notices.append("\(CacheFolder.name): not used, \(damage.reason); building every briefing again")
            last.forgetState()
            outcome = try build(check: nil, changed: nil)
        }
        outcome.cacheNotices = notices + outcome.cacheNotices
        changedSinceSuccess = []
        check = nil
        return outcome
    }

    /// Writes what the last build made to the cache on disk, for the next `briefing build`
    /// or preview; returns a problem that stopped it, in plain words. Apart from `build`, so
    /// that the preview tells the browser to reload first.
    public func saveCache() -> [String] {
        last.save().map { [$0] } ?? []
    }

    /// Reads ahead what the next build of a few changed briefings will need from the cache,
    /// so that a preview's first save after it starts is served as soon as the others.
    public func prepareForNextBuild() {
        last.preloadDirectory()
    }

    /// The files among `paths` relative to the source folder, or nil when one is not a file
    /// of the sources: a folder, or a path outside the source folder.
    private func relativeFiles(_ paths: [String]) -> Set<String>? {
        let base = source.path + "/"
        var files: Set<String> = []
        for path in paths {
            guard path.hasPrefix(base), !FileReader.isDirectory(URL(fileURLWithPath: path)) else { return nil }
            files.insert(String(path.dropFirst(base.count)))
        }
        return files
    }

    private func build(check: OutputCheck?, changed: Set<String>?) throws(BuildFailure) -> Outcome {
        let remade = check?.remade ?? []
        let scan = SourceScan(known: last.knownSources(except: remade), unchangedUnless: changed)
        let sources = try SourceTree.load(from: source, reader: scan)
        let renderKey = Self.renderKey(of: sources, options: options)
        let isWarm = last.canUpdate(renderKey: renderKey, outputFolder: output.path,
                                    outputExists: FileManager.default.fileExists(atPath: output.path))
        last.begin(sources, identities: scan.files, placeholders: scan.unreadFiles, renderKey: renderKey, outputFolder: output.path,
                   isWarm: isWarm, remade: remade, siteWideDamaged: check?.siteWideDamaged ?? false)
        var builder = SiteBuilder(options: options, memory: last)
        builder.progress = progress
        builder.remembersAnchors = true
        do {
            var outcome = isWarm ? try update(sources, with: builder) : try replace(sources, with: builder)
            outcome.seedsRead = last.lastRead
            return outcome
        } catch {
            last.abandon()
            throw error
        }
    }

    /// Makes what changed into memory and writes the files whose bytes changed over the
    /// last build's, each by rename; removes the files the site no longer has.
    private func update(_ sources: SourceTree, with builder: SiteBuilder) throws(BuildFailure) -> Outcome {
        let collector = SitePlanCollector()
        let made = try builder.build(sources, into: collector)
        var changed: [(path: String, data: Data)] = []
        var hashes: [String: UInt64] = [:]
        for file in collector.inOrder {
            let hash = ContentHash.hash(file.data)
            if last.recordedHash(of: file.path) != hash {
                changed.append(file)
                hashes[file.path] = hash
            }
        }
        let written = try SiteWriter.update(output, with: changed)
        // Asked before settling, which forgets what this build read.
        let briefings = briefingFiles(of: sources, seedsBySlug: made.seedsBySlug)
        var records: [String: OutputFile] = [:]
        for (path, hash) in hashes {
            records[path] = OutputFile(hash: hash, stamp: FileStamp(path: output.path + "/" + path))
        }
        let removed = SiteWriter.remove(last.settle(written: records, paths: made.paths), from: output)
        return Outcome(paths: made.paths, changed: written + removed, warnings: made.warnings, briefings: briefings)
    }

    /// Makes the whole site beside the output and swaps it in.
    private func replace(_ sources: SourceTree, with builder: SiteBuilder) throws(BuildFailure) -> Outcome {
        var hashes: [String: UInt64] = [:]
        let (made, _, changed) = try SiteWriter.replace(output) { writer throws(BuildFailure) in
            let sink = HashingSink(writer)
            let report = try builder.build(sources, into: sink)
            hashes = sink.hashes
            return report
        }
        var outputs: [String: OutputFile] = [:]
        for path in made.paths {
            guard let hash = hashes[path] else { continue }
            outputs[path] = OutputFile(hash: hash, stamp: FileStamp(path: output.path + "/" + path))
        }
        let briefings = briefingFiles(of: sources, seedsBySlug: made.seedsBySlug)
        // The swap replaced the whole folder: nothing of the last site is left to remove.
        _ = last.settle(written: outputs, paths: made.paths)
        return Outcome(paths: made.paths, changed: changed, warnings: made.warnings, briefings: briefings)
    }

    /// The files of each briefing made, with its model's hash as the build last saw it:
    /// a model taken from the cache is not read to know it.
    private func briefingFiles(of sources: SourceTree, seedsBySlug: [String: String]) -> BuiltBriefings {
        BuiltBriefings(seeds: sources.seeds, seedsBySlug: seedsBySlug, sources: last.sourceIdentities, register: sources.register)
    }

    /// Everything besides a briefing's own seed and model that its pages depend on: who
    /// builds, from which folder, the options, `site.yml`, the templates and the assets.
    static func renderKey(of sources: SourceTree, options: BuildOptions) -> UInt64 {
        var parts = KeyParts()
        parts.add(UInt64(CacheFile.format))
        parts.add(CacheMaker.current.version)
        parts.add(CacheMaker.current.executable)
        parts.add(sources.root.standardizedFileURL.path)
        parts.add(options.baseURL(for: sources.config).absolute)
        parts.add(sources.siteFile == nil ? 0 : 1)
        parts.add(sources.siteFile?.text ?? "")
        // A register entry shows on every page that names it: a changed register remakes them all.
        parts.add(sources.register == nil ? 0 : 1)
        parts.add(sources.register?.text ?? "")
        parts.add(UInt64(sources.templates.count))
        for template in sources.templates {
            parts.add(template.path)
            parts.add(template.text)
        }
        parts.add(UInt64(sources.assets.count))
        for asset in sources.assets {
            parts.add(asset.name)
            parts.add(asset.data)
        }
        return parts.key
    }
}
