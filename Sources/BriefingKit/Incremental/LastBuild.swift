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
    /// The entity directory of `state`'s site-wide pages, once read or made.
    private var directory: EntityDirectory?
    /// True when the cache on disk does not hold `state` yet; and when it does not hold
    /// `directory`, whose key in `state` is then to be worked out when it is written.
    private var isUnsaved = false
    private var isDirectoryUnsaved = false
    /// Digests the preview made, to be laid out and written with the state: a save of one
    /// seed then encodes and writes its digest after the browser reloads.
    private var unsavedDigests: [UInt64: BriefingDigest] = [:]
    /// The digests last made, by key: the next edit to the same briefing compares with
    /// its digest without reading it back.
    private var recentDigests: [(key: UInt64, digest: BriefingDigest)] = []
    static let recentLimit = 8
    /// The seeds and models the last build read.
    private(set) var lastRead: Set<String> = []
    /// Every file of the site as last written, sorted, for finding those a build no longer
    /// makes.
    private var paths: [String] = []
    /// The templates as last parsed, and the files they were parsed from.
    private var parsedTemplates: (files: [TextFile], set: TemplateSet)?
    /// The register as last loaded, and the file it was loaded from: a preview's rebuild
    /// after an edit to one seed need not read it again.
    private var loadedRegister: (file: TextFile?, register: EntityRegister)?
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
        /// The seeds and models of the build with their hashes, once known.
        var identities: [String: SourceIdentity] = [:]
        /// The seeds and models the sources hold as placeholders, to be read when needed.
        var placeholders: Set<String> = []
        /// The seeds and models read, and the seeds they belong to.
        var readFiles: Set<String> = []
        var read: Set<String> = []
        var seeds: Set<String> = []
        /// Seeds made again because files of theirs in the output are not as written.
        var remade: Set<String> = []
        var siteWideDamaged = false
        /// Briefings made by this build, and their digests while the build is warm, by
        /// seed and by the key the cache writes them under.
        var pending: [String: CachedBriefing] = [:]
        var made: [String: BriefingDigest] = [:]
        var digests: [UInt64: BriefingDigest] = [:]
        /// The site-wide pages made or patched, with their entity directory.
        var siteWide: (paths: [String], directory: EntityDirectory)?
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
            isUnsaved = false
            isDirectoryUnsaved = false
            unsavedDigests = [:]
            paths = state?.outputs.keys.sorted() ?? []
        }
    }

    /// Forgets the state: the next build makes everything.
    func forgetState() {
        lock.withLock {
            state = nil
            directory = nil
            isUnsaved = false
            isDirectoryUnsaved = false
            unsavedDigests = [:]
            paths = []
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
    func begin(_ sources: SourceTree, identities: [String: SourceIdentity], placeholders: Set<String>, renderKey: UInt64, outputFolder: String,
               isWarm: Bool, remade: Set<String>, siteWideDamaged: Bool) {
        lock.withLock {
            var build = Build()
            build.renderKey = renderKey
            build.sourceFolder = sources.root.standardizedFileURL.path
            build.outputFolder = outputFolder
            build.identities = identities
            build.placeholders = placeholders
            build.seeds = Set(sources.seeds.map(\.path))
            build.remade = remade
            build.siteWideDamaged = siteWideDamaged
            build.isWarm = isWarm
            self.build = build
            damage = nil
        }
    }

    /// The hash of the file at `path` as the last build wrote it.
    func recordedHash(of path: String) -> UInt64? {
        lock.withLock { state?.outputs[path]?.hash }
    }

    /// Every source file this build knows the content hash of, read or taken from the cache.
    var sourceIdentities: [String: SourceIdentity] {
        lock.withLock { build.identities }
    }

    /// Ends a build whose files are all written: `written` those it wrote, and `paths`
    /// every file of the site, sorted. Keeps what it made, and returns the files of the last
    /// site that this one no longer has. The cache on disk is written by `save`, so that
    /// the preview can tell the browser first.
    func settle(written: [String: OutputFile], paths: [String]) -> [String] {
        lock.withLock {
            let removed = self.paths == paths ? [] : Set(self.paths).subtracting(paths).sorted()
            self.paths = paths
            lastRead = build.readFiles
            defer { build = Build() }
            guard build.isWarm, var next = state else {
                var next = CacheState(maker: .current, sourceFolder: build.sourceFolder, outputFolder: build.outputFolder,
                                      renderKey: build.renderKey)
                next.briefings = build.pending
                next.outputs = written
                state = next
                keepSiteWide()
                unsavedDigests.merge(build.digests) { _, made in made }
                isUnsaved = true
                return removed
            }
            // Changed in place: a preview settles after every save, and the state holds
            // every file of the site.
            state = nil
            var changed = !written.isEmpty || !removed.isEmpty || !build.pending.isEmpty || build.siteWide != nil
            for (path, file) in written { next.outputs[path] = file }
            for path in removed { next.outputs[path] = nil }
            if next.briefings.count != build.seeds.count || next.briefings.keys.contains(where: { !build.seeds.contains($0) }) {
                next.briefings = next.briefings.filter { build.seeds.contains($0.key) }
                changed = true
            }
            next.briefings.merge(build.pending) { _, made in made }
            // Files read again, unchanged, may have settled since the cache saw them.
            for path in build.read where build.pending[path] == nil {
                guard let briefing = next.briefings[path] else { continue }
                let refreshed = briefing.refreshed(seed: path, with: build.identities)
                if refreshed != briefing {
                    next.briefings[path] = refreshed
                    changed = true
                }
            }
            state = next
            keepSiteWide()
            unsavedDigests.merge(build.digests) { _, made in made }
            if changed { isUnsaved = true }
            return removed
        }
    }

    /// Puts the site-wide pages the build made or patched in the state; their directory's
    /// key is worked out when the directory is written (`save`). Called with the lock held.
    private func keepSiteWide() {
        guard let siteWide = build.siteWide else { return }
        state?.siteWide = CachedSiteWide(paths: siteWide.paths, seeds: build.seeds, directoryKey: 0)
        directory = siteWide.directory
        isDirectoryUnsaved = true
    }

    /// Writes the state of the last build to the cache, if it changed, with the digests and
    /// the entity directory it names, and removes the blobs it no longer names. Returns a
    /// problem with writing the cache, which the next build will then not find.
    func save() -> String? {
        let unsaved: (state: CacheState, digests: [UInt64: BriefingDigest], directory: EntityDirectory?)? = lock.withLock {
            guard isUnsaved, let state else { return nil }
            return (state, unsavedDigests, isDirectoryUnsaved ? directory : nil)
        }
        guard var settled = unsaved?.state, let unsaved else { return nil }
        do {
            for (key, digest) in unsaved.digests {
                var writer = CacheWriter()
                digest.write(to: &writer)
                try cache.writeBlob(writer.bytes, key: key)
            }
            if let directory = unsaved.directory {
                var writer = CacheWriter()
                directory.write(to: &writer)
                let bytes = writer.bytes
                let key = ContentHash.hash(bytes)
                try cache.writeBlob(bytes, key: key)
                settled.siteWide?.directoryKey = key
            }
            try cache.save(settled)
        } catch {
            return "\(CacheFolder.name): cannot be written (\(FileProblem.describe(error))); the next build will make every briefing again"
        }
        lock.withLock {
            // A build may have settled meanwhile: what it changed is saved by its own `save`.
            if let siteWide = settled.siteWide, unsaved.directory != nil {
                state?.siteWide?.directoryKey = siteWide.directoryKey
                isDirectoryUnsaved = false
            }
            for key in unsaved.digests.keys { unsavedDigests[key] = nil }
            isUnsaved = false
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

    func register(of sources: SourceTree) throws(BuildFailure) -> EntityRegister {
        // Compared byte by byte: Swift calls two texts equal that differ in how an accent
        // is written, and the pages would show the difference.
        if let loaded = lock.withLock({ loadedRegister }), loaded.file?.path == sources.register?.path,
           (loaded.file?.text ?? "").utf8.elementsEqual((sources.register?.text ?? "").utf8) {
            return loaded.register
        }
        let register = try sources.entityRegister()
        lock.withLock { loadedRegister = (sources.register, register) }
        return register
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

    func contents(of seed: SourceTree.SeedFile, in root: URL) throws(BuildFailure) -> SourceTree.SeedFile {
        let placeholders = lock.withLock { build.placeholders }
        var seed = seed
        var read: [String: SourceIdentity] = [:]
        let base = root.standardizedFileURL.path + "/"
        do {
            if placeholders.contains(seed.path) {
                seed.data = try Self.read(base + seed.path, shownAs: seed.path, into: &read)
            }
            if let model = seed.model, placeholders.contains(model.path) {
                let data = try Self.read(base + model.path, shownAs: model.path, into: &read)
                seed.model = TextFile(path: model.path, text: try SeedText.decode(data, file: model.path))
            }
        } catch {
            throw BuildFailure([error])
        }
        guard !read.isEmpty else { return seed }
        lock.withLock {
            build.identities.merge(read) { _, again in again }
            build.readFiles.formUnion(read.keys)
            build.read.insert(seed.path)
        }
        return seed
    }

    /// The bytes of `file`, with their identity put in `read`; stamped before reading, so that
    /// a file saved meanwhile looks changed next time.
    private static func read(_ file: String, shownAs path: String, into read: inout [String: SourceIdentity]) throws(Diagnostic) -> Data {
        let stamp = FileStamp(path: file)
        let data = try FileBytes.read(file, shownAs: path)
        read[path] = SourceIdentity(hash: ContentHash.hash(data), stamp: stamp.flatMap { $0.isSettled() ? $0 : nil })
        return data
    }

    func remember(_ digest: BriefingDigest, for seed: SourceTree.SeedFile) {
        let modelPath = seed.model?.path
        let (seedIdentity, model, renderKey, isWarm) = lock.withLock {
            (build.identities[seed.path], modelPath.flatMap { build.identities[$0] }, build.renderKey, build.isWarm)
        }
        guard let seedIdentity else { return }
        var parts = KeyParts()
        parts.add(renderKey)
        parts.add(seed.path)
        parts.add(seedIdentity.hash)
        parts.add(modelPath ?? "")
        parts.add(model?.hash ?? 0)
        let key = parts.key
        let briefing = CachedBriefing(seed: seedIdentity, modelPath: modelPath, model: model, digestKey: key,
                                      kept: KeptBriefing(digest, seed: seed.path))
        if isWarm {
            // Few: laid out and written with the state, after the pages are served.
            lock.withLock {
                build.digests[key] = digest
                build.made[seed.path] = digest
                build.pending[seed.path] = briefing
                recentDigests.removeAll { $0.key == key }
                recentDigests.append((key, digest))
                if recentDigests.count > Self.recentLimit { recentDigests.removeFirst() }
            }
            return
        }
        // A build that makes every briefing writes each digest at once, so as not to hold
        // them all; one the cache cannot hold leaves its briefing out of the state, and the
        // next build makes it again.
        var writer = CacheWriter()
        digest.write(to: &writer)
        guard (try? cache.writeBlob(writer.bytes, key: key)) != nil else { return }
        lock.withLock { build.pending[seed.path] = briefing }
    }

    func forget(_ seed: SourceTree.SeedFile) {
        lock.withLock {
            if let key = build.pending[seed.path]?.digestKey { build.digests[key] = nil }
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
        lock.withLock { build.siteWide = (paths, directory) }
    }

    /// True when a part of the digest compares equal to the same part of the other while
    /// its bytes differ: the patch, which compares parts, would then miss a change.
    private static func hidesByteChanges(_ previous: BriefingDigest, _ current: BriefingDigest) -> Bool {
        func bytes(_ write: (inout CacheWriter) -> Void) -> [UInt8] {
            var writer = CacheWriter(interning: false)
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
        let (recent, unsaved) = lock.withLock { (recentDigests.last { $0.key == key }, unsavedDigests[key]) }
        if let recent { return recent.digest }
        if let unsaved { return unsaved }
        do throws(CacheDamage) {
            var reader = try CacheReader(cache.readBlob(key))
            return try BriefingDigest(from: &reader)
        } catch {
            throw fail(error)
        }
    }

    /// Reads the entity directory of the last build's site-wide pages ahead of the build
    /// that patches them, which would otherwise wait for it: a preview's first save after
    /// it starts. A directory that cannot be read is left to that build to find.
    func preloadDirectory() {
        guard let key = lock.withLock({ directory == nil ? state?.siteWide?.directoryKey : nil }),
              let loaded = try? readDirectory(key) else { return }
        lock.withLock {
            if directory == nil, state?.siteWide?.directoryKey == key { directory = loaded }
        }
    }

    private func loadDirectory(_ key: UInt64) throws(BuildFailure) -> EntityDirectory {
        if let directory = lock.withLock({ directory }) { return directory }
        do throws(CacheDamage) {
            let loaded = try readDirectory(key)
            lock.withLock { directory = loaded }
            return loaded
        } catch {
            throw fail(error)
        }
    }

    private func readDirectory(_ key: UInt64) throws(CacheDamage) -> EntityDirectory {
        var reader = try CacheReader(cache.readBlob(key))
        return try EntityDirectory(from: &reader)
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
