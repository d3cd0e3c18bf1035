import Foundation

/// Annotated briefings kept between rebuilds: a briefing whose seed and model bytes did
/// not change is not read, parsed or annotated again. Templates do not enter into it,
/// since annotation never sees them.
public final class AnnotationCache: @unchecked Sendable {
    // The lock guards `entries`; builds on both cores read and fill it at once.
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

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

    /// Forgets briefings whose seeds are gone.
    func keepOnly(_ seeds: [SourceTree.SeedFile]) {
        let paths = Set(seeds.map(\.path))
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }
}
