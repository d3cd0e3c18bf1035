import Foundation

/// What a long-running preview keeps between rebuilds: the digest of every briefing with
/// the seed and model bytes it was made from, so that a rebuild renders only briefings
/// whose sources changed, and loaded models, so that an edit to a seed alone does not
/// parse its model again. Pages depend on `site.yml`, templates, assets and build options
/// too: when those change, every briefing is rendered again.
public final class BuildMemory: @unchecked Sendable {
    // The lock guards everything below; builds on both cores read and fill it at once.
    private let lock = NSLock()
    private var briefings: [String: Remembered] = [:]
    /// Digests of the build under way, kept only once its files are written.
    private var pending: [String: Remembered] = [:]
    private var models: [String: (text: String, model: BriefingModel, diagnostics: [Diagnostic])] = [:]
    private var renderedWith: RenderInputs?
    /// Every file of the site as last written, sorted, for removing those a rebuild no
    /// longer makes.
    private var paths: [String] = []
    /// The templates as last parsed, and the files they were parsed from.
    private var parsedTemplates: (files: [TextFile], set: TemplateSet)?
    /// The site-wide pages as last written and what they were made from: after an edit
    /// that leaves every briefing's title, date and names as they were, only the entity
    /// pages whose sentences changed are made again.
    private var siteWide: SiteWideState?
    private var pendingSiteWide: SiteWideState?

    struct SiteWideState {
        var paths: [String]
        var seeds: Set<String>
        var directory: EntityDirectory
    }
    /// Site-wide pages rendered last time, reused while their views are unchanged.
    let renderCache = RenderCache()

    struct Remembered {
        var seed: Data
        var model: String?
        /// How the seed and model files looked on disk, when known: equal stamps spare
        /// comparing a thousand seeds byte by byte on every rebuild.
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
    }

    public init() {}

    /// True when the last site was rendered with these templates, assets and options,
    /// so that briefings whose sources did not change can be left as they are.
    public func canReuse(_ sources: SourceTree, options: BuildOptions) -> Bool {
        let inputs = RenderInputs(config: sources.config, templates: sources.templates, assets: sources.assets, options: options)
        return lock.withLock { rendersAsBefore(inputs) }
    }

    // Called with the lock held.
    private func rendersAsBefore(_ inputs: RenderInputs) -> Bool {
        !paths.isEmpty && renderedWith == inputs
    }

    /// Starts a build: forgets every digest unless pages render as before, and those of
    /// briefings whose seeds are gone.
    func begin(_ sources: SourceTree, options: BuildOptions) {
        let inputs = RenderInputs(config: sources.config, templates: sources.templates, assets: sources.assets, options: options)
        let seedPaths = Set(sources.seeds.map(\.path))
        let modelPaths = Set(sources.seeds.compactMap(\.model?.path))
        lock.withLock {
            if rendersAsBefore(inputs) {
                if briefings.keys.contains(where: { !seedPaths.contains($0) }) {
                    briefings = briefings.filter { seedPaths.contains($0.key) }
                }
            } else {
                briefings = [:]
            }
            if renderedWith != inputs { siteWide = nil }
            renderedWith = inputs
            pending = [:]
            pendingSiteWide = nil
            if models.keys.contains(where: { !modelPaths.contains($0) }) {
                models = models.filter { modelPaths.contains($0.key) }
            }
        }
    }

    /// The digest of a briefing whose seed and model are as they were last time.
    func digest(for seed: SourceTree.SeedFile, stamps: [FileStamp?]) -> BriefingDigest? {
        lock.withLock {
            guard let remembered = briefings[seed.path] else { return nil }
            if !stamps.contains(nil), remembered.stamps == stamps { return remembered.digest }
            guard remembered.seed == seed.data, remembered.model == seed.model?.text else { return nil }
            return remembered.digest
        }
    }

    /// Keeps a new digest; returns the briefing's last one.
    func remember(_ digest: BriefingDigest, for seed: SourceTree.SeedFile, stamps: [FileStamp?]) -> BriefingDigest? {
        lock.withLock {
            pending[seed.path] = Remembered(seed: seed.data, model: seed.model?.text, stamps: stamps, digest: digest)
            return briefings[seed.path]?.digest
        }
    }

    /// The site-wide pages on disk, if they were made from these seeds.
    func siteWide(for seeds: Set<String>) -> SiteWideState? {
        lock.withLock { siteWide?.seeds == seeds ? siteWide : nil }
    }

    func rememberSiteWide(_ state: SiteWideState) {
        lock.withLock { pendingSiteWide = state }
    }

    /// Forgets a briefing that failed, so that the next rebuild tries it again.
    func forget(_ seed: SourceTree.SeedFile) {
        lock.withLock {
            briefings[seed.path] = nil
            pending[seed.path] = nil
        }
    }

    func model(for file: TextFile) -> (BriefingModel, [Diagnostic]) {
        if let cached = lock.withLock({ models[file.path] }), cached.text == file.text {
            return (cached.model, cached.diagnostics)
        }
        let (model, diagnostics) = ModelLoader().load(file)
        lock.withLock { models[file.path] = (file.text, model, diagnostics) }
        return (model, diagnostics)
    }

    /// The templates parsed from `files`, parsed again only when they changed.
    func templates(_ files: [TextFile]) throws(BuildFailure) -> TemplateSet {
        if let parsed = lock.withLock({ parsedTemplates }), parsed.files == files { return parsed.set }
        var set = try TemplateSet(files: files)
        set.cache = renderCache
        lock.withLock { parsedTemplates = (files, set) }
        return set
    }

    /// Ends a build whose files are all written: keeps its digests and its list of
    /// files (sorted); returns the files of the previous site that it no longer has.
    public func settle(writing current: [String]) -> [String] {
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
    public func abandon() {
        lock.withLock {
            for path in pending.keys { briefings[path] = nil }
            pending = [:]
            pendingSiteWide = nil
            siteWide = nil
        }
    }
}
