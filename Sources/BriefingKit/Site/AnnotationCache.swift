import Foundation

/// Annotated briefings kept between rebuilds: a briefing whose seed and model bytes did
/// not change is not read, parsed or annotated again. Templates do not enter into it,
/// since annotation never sees them.
public final class AnnotationCache: @unchecked Sendable {
    // The lock guards `entries`; builds on both cores read and fill it at once.
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Loaded models by file, kept apart from briefings: after an edit to a seed alone,
    /// its model need not be parsed again, and YAML parsing is a large share of a build.
    private var models: [String: (text: String, model: BriefingModel, diagnostics: [Diagnostic])] = [:]

    struct Entry {
        var seed: Data
        var model: String?
        var briefing: AnnotatedBriefing
    }

    public init() {}

    func briefing(for seed: SourceTree.SeedFile) -> AnnotatedBriefing? {
        lock.withLock {
            guard let entry = entries[seed.path], entry.seed == seed.data, entry.model == seed.model?.text else { return nil }
            return entry.briefing
        }
    }

    func store(_ briefing: AnnotatedBriefing, for seed: SourceTree.SeedFile) {
        lock.withLock { entries[seed.path] = Entry(seed: seed.data, model: seed.model?.text, briefing: briefing) }
    }

    func model(for file: TextFile) -> (BriefingModel, [Diagnostic]) {
        if let cached = lock.withLock({ models[file.path] }), cached.text == file.text {
            return (cached.model, cached.diagnostics)
        }
        let (model, diagnostics) = ModelLoader().load(file)
        lock.withLock { models[file.path] = (file.text, model, diagnostics) }
        return (model, diagnostics)
    }

    /// Forgets briefings whose seeds are gone.
    func keepOnly(_ seeds: [SourceTree.SeedFile]) {
        let paths = Set(seeds.map(\.path))
        let modelPaths = Set(seeds.compactMap(\.model?.path))
        lock.withLock {
            entries = entries.filter { paths.contains($0.key) }
            models = models.filter { modelPaths.contains($0.key) }
        }
    }
}
