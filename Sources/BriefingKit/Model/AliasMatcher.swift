/// Finds entity names in text: every alias as a whole word, the longest where aliases
/// overlap ("Gazprom Neft" over "Gazprom"), never two names sharing a word.
public struct AliasMatcher: Sendable {
    struct Candidate: Sendable {
        var entityID: String
        var alias: String
        var needle: [UInt8]
    }

    public struct Found: Sendable, Equatable {
        public var entityID: String
        public var alias: String
        /// UTF-8 range in the searched text as written.
        public var range: Range<Int>
    }

    private let candidates: [Candidate]

    public init(entities: [Entity]) {
        candidates = entities.flatMap { entity in
            entity.aliases.map { Candidate(entityID: entity.id, alias: $0, needle: FoldedText.phrase($0)) }
        }.filter { !$0.needle.isEmpty }.sorted { $0.needle.count > $1.needle.count }
    }

    public func find(in text: String) -> [Found] {
        find(in: FoldedText(text))
    }

    public func find(in folded: FoldedText) -> [Found] {
        var taken: [(range: Range<Int>, found: Found)] = []
        for candidate in candidates {
            for range in folded.ranges(of: candidate.needle) where folded.isWholeWord(range) {
                guard !taken.contains(where: { $0.range.overlaps(range) }) else { continue }
                taken.append((range, Found(entityID: candidate.entityID, alias: candidate.alias,
                                           range: folded.originalRange(of: range))))
            }
        }
        return taken.sorted { $0.range.lowerBound < $1.range.lowerBound }.map(\.found)
    }
}
