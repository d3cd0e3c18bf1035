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
    /// Candidates by their first two bytes (or only byte), so that each place in the text
    /// is looked up once instead of the text being searched once per alias.
    private let byOpening: [UInt16: [Int]]
    /// Bytes that start some alias: most places in a text are passed over on this alone.
    private let openingBytes: [Bool]

    public init(entities: [Entity]) {
        candidates = entities.flatMap { entity in
            entity.aliases.map { Candidate(entityID: entity.id, alias: $0, needle: FoldedText.phrase($0)) }
        }.filter { !$0.needle.isEmpty }.sorted { $0.needle.count > $1.needle.count }
        var byOpening: [UInt16: [Int]] = [:]
        var openingBytes = [Bool](repeating: false, count: 256)
        for (index, candidate) in candidates.enumerated() {
            byOpening[Self.opening(candidate.needle, at: 0, single: candidate.needle.count == 1), default: []].append(index)
            openingBytes[Int(candidate.needle[0])] = true
        }
        self.byOpening = byOpening
        self.openingBytes = openingBytes
    }

    /// The key of the bytes at `offset`: two bytes, or one with a marker bit.
    private static func opening(_ bytes: [UInt8], at offset: Int, single: Bool) -> UInt16 {
        single ? 0x8000 | UInt16(bytes[offset]) : UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    public func find(in text: String) -> [Found] {
        find(in: FoldedText(text))
    }

    public func find(in folded: FoldedText) -> [Found] {
        let bytes = folded.bytes
        var occurrences: [(candidate: Int, range: Range<Int>)] = []
        func collect(_ key: UInt16, at index: Int) {
            for candidate in byOpening[key] ?? [] {
                let needle = candidates[candidate].needle
                let range = index..<index + needle.count
                if range.upperBound <= bytes.count, bytes[range].elementsEqual(needle) {
                    occurrences.append((candidate, range))
                }
            }
        }
        for index in bytes.indices where openingBytes[Int(bytes[index])] {
            collect(Self.opening(bytes, at: index, single: true), at: index)
            if index + 1 < bytes.count { collect(Self.opening(bytes, at: index, single: false), at: index) }
        }
        // Longest name first, then left to right: the order that decides which of two
        // overlapping names keeps the words.
        occurrences.sort { ($0.candidate, $0.range.lowerBound) < ($1.candidate, $1.range.lowerBound) }
        var taken: [(range: Range<Int>, found: Found)] = []
        // Which bytes a name has claimed: checking a range against every name taken so far
        // grew with the square of the names.
        var claimed = [Bool](repeating: false, count: bytes.count)
        for occurrence in occurrences where folded.isWholeWord(occurrence.range) {
            guard !claimed[occurrence.range].contains(true) else { continue }
            for index in occurrence.range { claimed[index] = true }
            let candidate = candidates[occurrence.candidate]
            taken.append((occurrence.range, Found(entityID: candidate.entityID, alias: candidate.alias,
                                                  range: folded.originalRange(of: occurrence.range))))
        }
        return taken.sorted { $0.range.lowerBound < $1.range.lowerBound }.map(\.found)
    }
}
