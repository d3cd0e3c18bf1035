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

    /// Longest first: the order in which names claim their words.
    private let candidates: [Candidate]
    /// Which candidates may start at a place in the text, by the bytes there.
    private let openings: OpeningTable

    public init(entities: [Entity]) {
        candidates = entities.flatMap { entity in
            entity.aliases.map { Candidate(entityID: entity.id, alias: $0, needle: FoldedText.phrase($0)) }
        }.filter { !$0.needle.isEmpty }.sorted { $0.needle.count > $1.needle.count }
        openings = OpeningTable(needles: candidates.map(\.needle))
    }

    public func find(in text: String) -> [Found] {
        find(in: FoldedText(text))
    }

    public func find(in folded: FoldedText) -> [Found] {
        // Only whole words are kept below, so places inside a word are not even looked at.
        let occurrences = folded.bytes.withUnsafeBufferPointer { openings.occurrences(in: $0, atWordStarts: true) }
            // Longest name first, then left to right: the order that decides which of two
            // overlapping names keeps the words.
            .sorted { ($0.candidate, $0.start) < ($1.candidate, $1.start) }
        var taken: [(start: Int, found: Found)] = []
        // Which bytes a name has claimed: checking a range against every name taken so far
        // grew with the square of the names.
        var claimed = [Bool](repeating: false, count: folded.bytes.count)
        for occurrence in occurrences {
            let candidate = candidates[occurrence.candidate]
            let range = occurrence.start..<occurrence.start + candidate.needle.count
            guard folded.isWholeWord(range), !claimed[range].contains(true) else { continue }
            for index in range { claimed[index] = true }
            taken.append((range.lowerBound, Found(entityID: candidate.entityID, alias: candidate.alias,
                                                  range: folded.originalRange(of: range))))
        }
        return taken.sorted { $0.start < $1.start }.map(\.found)
    }
}
