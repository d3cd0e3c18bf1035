import Foundation

/// What the last build of a site made and from what, for every build that keeps it:
/// `briefing build` between runs, through the cache on disk, and the preview between
/// saves. A briefing whose seed and model have the bytes it was made from is not made
/// again: its listing and files come from the cache's state, and its digest, only when
/// the entity directory must be made again, from the cache's blobs. The entity directory
/// is kept too, and patched when an edit keeps titles, dates and names. Pages depend on
/// `site.yml`, templates, assets and build options too (`renderKey`): when those change,
/// every briefing is made again.
///
/// What a build made is kept only once its files are all written (`settle`); a build
/// that fails keeps nothing (`abandon`).
final class LastBuild: BuildMemory, @unchecked Sendable {
    let cache: CacheFolder
    // The lock guards everything below; builds on both cores read and fill it at once.
    private let lock = NSLock()
    /// The state of the last build, once read from the cache or made.
    private(set) var state: CacheState?
    /// The entity directory that `state` names, once read.
    private var directory: (key: UInt64, directory: EntityDirectory)?
    /// The templates as last parsed, and the files they were parsed from.
    private var parsedTemplates: (files: [TextFile], set: TemplateSet)?
    /// Site-wide pages rendered by this process, reused while their views are unchanged.
    private let renderCache = RenderCache()
    private let models = ModelShelf()

    /// The build under way.
    private var build = Build()
    /// Why the cache could not be used half-way through a build, which then starts again
    /// from nothing.
    private(set) var damage: CacheDamage?

    private struct Build {
        var renderKey: UInt64 = 0
        /// True when the last build's files can be updated in place.
        var isWarm = false
        var sourceFolder = ""
        var outputFolder = ""
        /// Every source file of the build with its hash.
        var identities: [String: SourceIdentity] = [:]
        var seeds: Set<String> = []
        /// Seeds made again because files of theirs in the output are not as written.
        var remade: Set<String> = []
        var siteWideDamaged = false
        /// Briefings made by this build, and their digests while the build is warm.
        var pending: [String: CachedBriefing] = [:]
        var made: [String: BriefingDigest] = [:]
        var siteWide: (record: CachedSiteWide, directory: EntityDirectory)?
    }

    init(cache: CacheFolder) {
        self.cache = cache
    }

    /// Takes the state read from the cache, with the files of its output that are no
    /// longer as it wrote them left out.
    func adopt(_ state: CacheState?) {
        lock.withLock {
            self.state = state
            directory = nil
        }
    }

    /// Forgets the state: the next build makes everything.
    func forgetState() {
        lock.withLock {
            state = nil
            directory = nil
            damage = nil
        }
    }

    /// The seeds and models the state knows, which a build need not read while they look
    /// as they did (`SourceScan`); those of `remade` seeds excepted.
    func knownSources(except remade: Set<String>) -> [String: SourceIdentity] {
        lock.withLock {
            var known: [String: SourceIdentity] = [:]
            for (path, briefing) in state?.briefings ?? [:] where !remade.contains(path) {
                known[path] = briefing.seed
                if let model = briefing.modelPath, let identity = briefing.model { known[model] = identity }
            }
            return known
        }
    }

    /// True when a build can update the last build's files in place: they are still there
    /// (`outputExists`) and were rendered from the same templates, assets, settings and
    /// options, so that the files of briefings whose sources did not change can be left
    /// as they are. Otherwise everything is made.
    func canUpdate(renderKey: UInt64, outputFolder: String, outputExists: Bool) -> Bool {
        lock.withLock {
            guard let state, outputExists else { return false }
            return state.renderKey == renderKey && state.outputFolder == outputFolder && !state.outputs.isEmpty
        }
    }

    /// Starts a build of `sources`, whose files hash to `identities`; `isWarm` as
    /// `canUpdate` said.
    func begin(_ sources: SourceTree, identities: [String: SourceIdentity], renderKey: UInt64, outputFolder: String,
               isWarm: Bool, remade: Set<String>, siteWideDamaged: Bool) {
        lock.withLock {
            var build = Build()
            build.renderKey = renderKey
            build.sourceFolder = sources.root.standardizedFileURL.path
            build.outputFolder = outputFolder
            build.identities = identities
            build.seeds = Set(sources.seeds.map(\.path))
            build.remade = remade
            build.siteWideDamaged = siteWideDamaged
            build.isWarm = isWarm
            self.build = build
            damage = nil
        }
    }

    /// Ends a build whose files are all written, as `outputs` now holds them: keeps what
    /// it made, writes the cache's state and removes the blobs it no longer names.
    /// Returns a problem with writing the cache, which the next build will not find then.
    func settle(outputs: [String: OutputFile]) -> String? {
        let (settled, unchanged): (CacheState, Bool) = lock.withLock {
            var next = CacheState(maker: .current, sourceFolder: build.sourceFolder, outputFolder: build.outputFolder,
                                  renderKey: build.renderKey)
            if build.isWarm, let state {
                for (path, briefing) in state.briefings where build.seeds.contains(path) {
                    next.briefings[path] = briefing.refreshed(seed: path, with: build.identities)
                }
                next.siteWide = state.siteWide
            }
            next.briefings.merge(build.pending) { _, made in made }
            if let siteWide = build.siteWide {
                next.siteWide = siteWide.record
                directory = (siteWide.record.directoryKey, siteWide.directory)
            }
            next.outputs = outputs
            let unchanged = next == state
            state = next
            build = Build()
            return (next, unchanged)
        }
        // A build that changed nothing leaves the cache as it is.
        if unchanged { return nil }
        do {
            try cache.save(settled)
        } catch {
            return "\(CacheFolder.name): cannot be written (\(FileProblem.describe(error))); the next build will make every briefing again"
        }
        var keys = Set(settled.briefings.values.map(\.digestKey))
        if let siteWide = settled.siteWide { keys.insert(siteWide.directoryKey) }
        cache.removeBlobs(except: keys)
        return nil
    }

    /// Ends a build that failed: nothing it made is kept.
    func abandon() {
        lock.withLock { build = Build() }
    }

    // MARK: BuildMemory

    func templates(_ files: [TextFile]) throws(BuildFailure) -> TemplateSet {
        if let parsed = lock.withLock({ parsedTemplates }), parsed.files == files { return parsed.set }
        var set = try TemplateSet(files: files)
        set.cache = renderCache
        lock.withLock { parsedTemplates = (files, set) }
        return set
    }

    func model(in file: TextFile) -> (BriefingModel, [Diagnostic]) {
        models.load(file)
    }

    func kept(_ seed: SourceTree.SeedFile) -> KeptBriefing? {
        lock.withLock {
            guard build.isWarm, !build.remade.contains(seed.path), let briefing = state?.briefings[seed.path] else { return nil }
            let modelPath = seed.model?.path
            guard briefing.isMade(fromSeed: build.identities[seed.path], modelPath: modelPath,
                                  model: modelPath.flatMap { build.identities[$0] }) else { return nil }
            var kept = briefing.kept
            kept.seed = seed.path
            return kept
        }
    }

    func remember(_ digest: BriefingDigest, for seed: SourceTree.SeedFile) {
        let (identities, renderKey, isWarm) = lock.withLock { (build.identities, build.renderKey, build.isWarm) }
        guard let seedIdentity = identities[seed.path] else { return }
        let modelPath = seed.model?.path
        let model = modelPath.flatMap { identities[$0] }
        var parts = KeyParts()
        parts.add(renderKey)
        parts.add(seed.path)
        parts.add(seedIdentity.hash)
        parts.add(modelPath ?? "")
        parts.add(model?.hash ?? 0)
        let key = parts.key
        var writer = CacheWriter()
        digest.write(to: &writer)
        // A digest the cache cannot hold leaves the briefing out of the state, and the next
        // build makes it again.
        guard (try? cache.writeBlob(writer.bytes, key: key)) != nil else { return }
        let briefing = CachedBriefing(seed: seedIdentity, modelPath: modelPath, model: model, digestKey: key,
                                      kept: KeptBriefing(digest, seed: seed.path))
        lock.withLock {
            build.pending[seed.path] = briefing
            if isWarm { build.made[seed.path] = digest }
        }
    }

    func forget(_ seed: SourceTree.SeedFile) {
        lock.withLock {
            build.pending[seed.path] = nil
            build.made[seed.path] = nil
        }
    }

    var addsDigestsAtEnd: Bool { lock.withLock { build.isWarm } }

    func digest(of kept: KeptBriefing) throws(BuildFailure) -> BriefingDigest {
        guard let key = lock.withLock({ state?.briefings[kept.seed]?.digestKey }) else {
            throw fail(CacheDamage("it has no digest of \(kept.seed)"))
        }
        return try loadDigest(key)
    }

    func patchSiteWide(with renderer: SiteRenderer, into sink: some SiteSink) throws(BuildFailure) -> [String]? {
        let last: (record: CachedSiteWide, briefings: [String: CachedBriefing], pending: [(String, CachedBriefing)], made: [String: BriefingDigest])? = lock.withLock {
            guard build.isWarm, !build.siteWideDamaged, let state, let siteWide = state.siteWide, siteWide.seeds == build.seeds else { return nil }
            return (siteWide, state.briefings, build.pending.sorted { $0.key < $1.key }, build.made)
        }
        guard let last else { return nil }
        var changes: [SiteWidePages.Change] = []
        for (path, made) in last.pending {
            guard let old = last.briefings[path], let current = last.made[path] else { return nil }
            // Made again only because its files were not as written: nothing changed.
            if old.digestKey == made.digestKey { continue }
            let previous = try loadDigest(old.digestKey)
            // Swift calls two texts equal when they differ only in how their accents are
            // written; the pages would not be the same bytes, so such a change is not patched.
            if Self.hidesByteChanges(previous, current) { return nil }
            if previous != current { changes.append(SiteWidePages.Change(previous: previous, current: current)) }
        }
        // Nothing that the site-wide pages show changed: they stay as they are.
        if changes.isEmpty { return last.record.paths }
        let directory = try loadDirectory(last.record.directoryKey)
        let pages = SiteWidePages(paths: last.record.paths, seeds: last.record.seeds, directory: directory)
        guard let patched = try pages.patched(with: changes, renderer: renderer, into: sink) else { return nil }
        if patched.directory.records != directory.records { rememberSiteWide(paths: patched.paths, directory: patched.directory) }
        return patched.paths
    }

    func rememberSiteWide(paths: [String], directory: EntityDirectory) {
        var writer = CacheWriter()
        directory.write(to: &writer)
        let bytes = writer.bytes
        let key = ContentHash.hash(bytes)
        let seeds = lock.withLock { build.seeds }
        // A directory the cache cannot hold is not named in the state, and the next build
        // makes it again from the digests.
        guard (try? cache.writeBlob(bytes, key: key)) != nil else { return }
        lock.withLock { build.siteWide = (CachedSiteWide(paths: paths, seeds: seeds, directoryKey: key), directory) }
    }

    /// True when a part of the digest compares equal to the same part of the other while
    /// its bytes differ: the patch, which compares parts, would then miss a change.
    private static func hidesByteChanges(_ previous: BriefingDigest, _ current: BriefingDigest) -> Bool {
        func bytes(_ write: (inout CacheWriter) -> Void) -> [UInt8] {
            var writer = CacheWriter()
            write(&writer)
            return writer.bytes
        }
        if previous.listing == current.listing, bytes(previous.listing.write) != bytes(current.listing.write) { return true }
        if previous.entities == current.entities,
           bytes({ writer in writer.array(previous.entities) { $1.write(to: &$0) } }) != bytes({ writer in writer.array(current.entities) { $1.write(to: &$0) } }) {
            return true
        }
        for (id, usage) in current.usages {
            guard let old = previous.usages[id], old == usage else { continue }
            if bytes(old.write) != bytes(usage.write) { return true }
        }
        return false
    }

    // MARK: Reading the cache

    private func loadDigest(_ key: UInt64) throws(BuildFailure) -> BriefingDigest {
        do {
            var reader = try CacheReader(cache.readBlob(key))
            return try BriefingDigest(from: &reader)
        } catch {
            throw fail(error)
        }
    }

    private func loadDirectory(_ key: UInt64) throws(BuildFailure) -> EntityDirectory {
        if let kept = lock.withLock({ directory }), kept.key == key { return kept.directory }
        do {
            var reader = try CacheReader(cache.readBlob(key))
            let loaded = try EntityDirectory(from: &reader)
            lock.withLock { directory = (key, loaded) }
            return loaded
        } catch {
            throw fail(error)
        }
    }

    /// Marks the build as stopped by the cache: `IncrementalBuild` then starts it again
    /// without the cache.
    private func fail(_ problem: CacheDamage) -> BuildFailure {
        lock.withLock { damage = problem }
        return BuildFailure([Diagnostic(file: CacheFolder.name, problem.reason)])
    }
}

private extension CachedBriefing {
    /// With the stamps this build read its sources with, which may have settled since.
    func refreshed(seed path: String, with identities: [String: SourceIdentity]) -> CachedBriefing {
        var briefing = self
        if let seed = identities[path], seed.hash == self.seed.hash { briefing.seed = seed }
        if let modelPath, let model = identities[modelPath], model.hash == self.model?.hash { briefing.model = model }
        return briefing
    }
}
