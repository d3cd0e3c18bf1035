import Foundation

/// What the last build of a site made and from what: the digest of every briefing with
/// the seed and model it was made from, so that a build makes only briefings whose
/// sources changed; loaded models, so that an edit to a seed alone does not load its
/// model again; the parsed templates and the pages rendered with them; the site-wide
/// pages as last written; and every file of the site. Pages depend on `site.yml`,
/// templates, assets and build options too: when those change, every briefing is made
/// again. A build's digests are kept only once its files are all written (`settle`).
final class LastBuild: BuildMemory, @unchecked Sendable {
    // The lock guards everything below; builds on both cores read and fill it at once.
    private let lock = NSLock()
    private var briefings: [String: KeptBriefing] = [:]
    /// Digests of the build under way, kept only once its files are written.
    private var pending: [String: KeptBriefing] = [:]
    private var models: [String: (text: String, model: BriefingModel, diagnostics: [Diagnostic])] = [:]
    private var renderedWith: RenderInputs?
    /// Every file of the site as last written, sorted, for removing those a build no
    /// longer makes.
    private var paths: [String] = []
    /// The templates as last parsed, and the files they were parsed from.
    private var parsedTemplates: (files: [TextFile], set: TemplateSet)?
    /// The site-wide pages as last written and what they were made from.
    private var siteWide: SiteWidePages?
    private var pendingSiteWide: SiteWidePages?
    /// The seeds of the build under way, and how each source file looked when it was read.
    private var seeds: Set<String> = []
    private var stamps: [String: FileStamp] = [:]
    /// Site-wide pages rendered last time, reused while their views are unchanged.
    private let renderCache = RenderCache()

    struct KeptBriefing {
        var seed: Data
        var model: String?
        /// How the seed and model files looked on disk, when known: equal stamps spare
        /// comparing a thousand seeds byte by byte on every build.
        var stamps: [FileStamp?]
        var digest: BriefingDigest
    }

    /// A change to any of these changes pages of every briefing: `site.yml` counts as
    /// much as a template.
    struct RenderInputs: Equatable {
        var config: SiteConfig
        var templates: [TextFile]
        var assets: [SourceTree.BinaryFile]
        var options: BuildOptions

        init(_ sources: SourceTree, options: BuildOptions) {
            config = sources.config
            templates = sources.templates
            assets = sources.assets
            self.options = options
        }
    }

    /// Starts a build of `sources`, read with these `stamps`. True when the last build's
    /// files can be updated in place: they are still there (`filesExist`) and were rendered
    /// with these templates, assets and options, so that the files of briefings whose
    /// sources did not change can be left as they are. Otherwise every digest is forgotten
    /// and the whole site is made.
    func begin(_ sources: SourceTree, stamps: [String: FileStamp], options: BuildOptions, filesExist: Bool) -> Bool {
        let inputs = RenderInputs(sources, options: options)
        let seedPaths = Set(sources.seeds.map(\.path))
        let modelPaths = Set(sources.seeds.compactMap(\.model?.path))
        return lock.withLock {
            let inPlace = filesExist && !paths.isEmpty && renderedWith == inputs
            if !inPlace {
                briefings = [:]
                siteWide = nil
            } else if briefings.keys.contains(where: { !seedPaths.contains($0) }) {
                briefings = briefings.filter { seedPaths.contains($0.key) }
            }
            renderedWith = inputs
            pending = [:]
            pendingSiteWide = nil
            seeds = seedPaths
            self.stamps = stamps
            if models.keys.contains(where: { !modelPaths.contains($0) }) {
                models = models.filter { modelPaths.contains($0.key) }
            }
            return inPlace
        }
    }

    /// Ends a build whose files are all written: keeps its digests and its list of files
    /// (sorted); returns the files of the previous site that it no longer has.
    func settle(writing current: [String]) -> [String] {
        lock.withLock {
            briefings.merge(pending) { _, new in new }
            pending = [:]
            if let pendingSiteWide { siteWide = pendingSiteWide }
            pendingSiteWide = nil
            defer { paths = current }
            guard paths != current else { return [] }
            return Set(paths).subtracting(current).sorted()
        }
    }

    /// Ends a build that failed or was not written: what it rendered is not on disk.
    func abandon() {
        lock.withLock {
            for path in pending.keys { briefings[path] = nil }
            pending = [:]
            pendingSiteWide = nil
            siteWide = nil
        }
    }

    func templates(_ files: [TextFile]) throws(BuildFailure) -> TemplateSet {
        if let parsed = lock.withLock({ parsedTemplates }), parsed.files == files { return parsed.set }
        var set = try TemplateSet(files: files)
        set.cache = renderCache
        lock.withLock { parsedTemplates = (files, set) }
        return set
    }

    func model(in file: TextFile) -> (BriefingModel, [Diagnostic]) {
        if let cached = lock.withLock({ models[file.path] }), cached.text == file.text {
            return (cached.model, cached.diagnostics)
        }
        let (model, diagnostics) = ModelLoader().load(file)
        lock.withLock { models[file.path] = (file.text, model, diagnostics) }
        return (model, diagnostics)
    }

    func digest(for seed: SourceTree.SeedFile) -> BriefingDigest? {
        lock.withLock {
            guard let kept = briefings[seed.path] else { return nil }
            let current = stampsOf(seed)
            if !current.contains(nil), kept.stamps == current { return kept.digest }
            guard kept.seed == seed.data, kept.model == seed.model?.text else { return nil }
            return kept.digest
        }
    }

    func remember(_ digest: BriefingDigest, for seed: SourceTree.SeedFile) {
        lock.withLock {
            pending[seed.path] = KeptBriefing(seed: seed.data, model: seed.model?.text, stamps: stampsOf(seed), digest: digest)
        }
    }

    func forget(_ seed: SourceTree.SeedFile) {
        lock.withLock {
            briefings[seed.path] = nil
            pending[seed.path] = nil
        }
    }

    var keepsDigests: Bool { true }

    func patchSiteWide(with renderer: SiteRenderer, into sink: some SiteSink) throws(BuildFailure) -> [String]? {
        let last: (pages: SiteWidePages, changes: [SiteWidePages.Change])? = lock.withLock {
            guard let siteWide, siteWide.seeds == seeds else { return nil }
            let changes = pending.sorted { $0.key < $1.key }.compactMap { path, made -> SiteWidePages.Change? in
                let previous = briefings[path]?.digest
                return previous == made.digest ? nil : SiteWidePages.Change(previous: previous, current: made.digest)
            }
            return (siteWide, changes)
        }
        guard let last, let patched = try last.pages.patched(with: last.changes, renderer: renderer, into: sink) else { return nil }
        lock.withLock { pendingSiteWide = patched }
        return patched.paths
    }

    func rememberSiteWide(paths: [String], directory: EntityDirectory) {
        lock.withLock { pendingSiteWide = SiteWidePages(paths: paths, seeds: seeds, directory: directory) }
    }

    // Called with the lock held.
    private func stampsOf(_ seed: SourceTree.SeedFile) -> [FileStamp?] {
        [stamps[seed.path]] + (seed.model.map { [stamps[$0.path]] } ?? [])
    }
}
