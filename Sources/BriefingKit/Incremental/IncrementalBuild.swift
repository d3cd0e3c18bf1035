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
        public var briefings: [String: BriefingFiles]
        /// Why the cache on disk was not used, or could not be written, when that happened.
        public var cacheNotices: [String] = []
    }

    /// Reads the sources and brings the site in `output` up to date. A build that fails
    /// leaves the output as it was, and the next one makes again what it made.
    public func build() throws(BuildFailure) -> Outcome {
        var notices: [String] = []
        var check: OutputCheck?
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
            outcome = try build(check: check)
        } catch {
            guard let damage = last.damage else { throw error }
            notices.append("\(CacheFolder.name): not used, \(damage.reason); building every briefing again")
            last.forgetState()
            outcome = try build(check: nil)
        }
        outcome.cacheNotices = notices + outcome.cacheNotices
        return outcome
    }

    private func build(check: OutputCheck?) throws(BuildFailure) -> Outcome {
        let remade = check?.remade ?? []
        let scan = SourceScan(known: last.knownSources(except: remade))
        var sources = try SourceTree.load(from: source, reader: scan)
        var identities = scan.files
        let unread = scan.unreadFiles
        let outputExists = FileManager.default.fileExists(atPath: output.path)
        var isWarm = last.canUpdate(renderKey: Self.renderKey(of: sources, options: options), outputFolder: output.path,
                                    outputExists: outputExists)
        if !isWarm && !unread.isEmpty {
            // Nothing is taken from the last build: every seed is needed after all.
            let full = SourceScan()
            sources = try SourceTree.load(from: source, reader: full)
            identities = full.files
        } else if !unread.isEmpty {
            (sources, identities) = try Self.readWhole(sources, identities: identities, unread: unread)
        }
        // The templates may have been read twice: the key is the one of what is built.
        let renderKey = Self.renderKey(of: sources, options: options)
        isWarm = isWarm && last.canUpdate(renderKey: renderKey, outputFolder: output.path, outputExists: outputExists)
        last.begin(sources, identities: identities, renderKey: renderKey, outputFolder: output.path, isWarm: isWarm,
                   remade: remade, siteWideDamaged: check?.siteWideDamaged ?? false)
        var builder = SiteBuilder(options: options, memory: last)
        builder.progress = progress
        builder.remembersAnchors = true
        do {
            return isWarm ? try update(sources, with: builder) : try replace(sources, with: builder)
        } catch {
            last.abandon()
            throw error
        }
    }

    /// A seed read and its model left unread, or the other way round: the briefing is made
    /// again, so the part left unread is read now.
    private static func readWhole(_ sources: SourceTree, identities: [String: SourceIdentity],
                                  unread: Set<String>) throws(BuildFailure) -> (SourceTree, [String: SourceIdentity]) {
        var sources = sources
        var problems: [Diagnostic] = []
        let reader = SourceScan()
        for index in sources.seeds.indices {
            let seed = sources.seeds[index]
            let modelUnread = seed.model.map { unread.contains($0.path) } ?? unread.contains(seed.path)
            guard unread.contains(seed.path) != modelUnread else { continue }
            if unread.contains(seed.path) {
                switch reader.read(sources.root.appendingPathComponent(seed.path).path, path: seed.path, asText: false) {
                case let .data(data): sources.seeds[index].data = data
                case let .problem(problem): problems.append(problem)
                case .text: break
                }
            } else if let model = seed.model {
                switch reader.read(sources.root.appendingPathComponent(model.path).path, path: model.path, asText: true) {
                case let .text(file): sources.seeds[index].model = file
                case let .problem(problem): problems.append(problem)
                case .data: break
                }
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return (sources, identities.merging(reader.files) { _, read in read })
    }

    /// Makes what changed into memory and writes the files whose bytes changed over the
    /// last build's, each by rename; removes the files the site no longer has.
    private func update(_ sources: SourceTree, with builder: SiteBuilder) throws(BuildFailure) -> Outcome {
        let recorded = last.state?.outputs ?? [:]
        let collector = SitePlanCollector()
        let made = try builder.build(sources, into: collector)
        var outputs: [String: OutputFile] = [:]
        var changed: [(path: String, data: Data)] = []
        var hashes: [String: UInt64] = [:]
        for file in collector.inOrder {
            let hash = ContentHash.hash(file.data)
            hashes[file.path] = hash
            if recorded[file.path]?.hash != hash { changed.append(file) }
        }
        let written = try SiteWriter.update(output, with: changed)
        let current = Set(made.paths)
        for path in made.paths {
            if let hash = hashes[path] {
                outputs[path] = OutputFile(hash: hash, stamp: FileStamp(path: output.path + "/" + path))
            } else if let file = recorded[path] {
                outputs[path] = file
            }
        }
        let removed = SiteWriter.remove(recorded.keys.filter { !current.contains($0) }.sorted(), from: output)
        var outcome = Outcome(paths: made.paths, changed: written + removed, warnings: made.warnings,
                              briefings: BriefingFiles.of(sources, seedsBySlug: made.seedsBySlug))
        if let problem = last.settle(outputs: outputs) { outcome.cacheNotices.append(problem) }
        return outcome
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
        var outcome = Outcome(paths: made.paths, changed: changed, warnings: made.warnings,
                              briefings: BriefingFiles.of(sources, seedsBySlug: made.seedsBySlug))
        if let problem = last.settle(outputs: outputs) { outcome.cacheNotices.append(problem) }
        return outcome
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
