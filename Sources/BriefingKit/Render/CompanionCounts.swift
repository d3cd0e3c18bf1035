/// Pairs of entities named in one paragraph of a briefing, and in how many paragraphs:
/// what an entity page's "named with" list adds up across briefings. Held as positions
/// in one sorted list of ids, so that a digest is counted, written to the build cache and
/// compared without its ids being hashed or sorted again for every pair, as a dictionary
/// of dictionaries of ids had them in each of those steps.
struct CompanionCounts: Sendable, Equatable {
    /// Every entity named with another, in ascending order.
    let ids: [String]
    /// For each of `ids`, the others named with it, by their positions in `ids`, ascending.
    let others: [[Companion]]

    struct Companion: Sendable, Equatable {
        var position: Int
        /// In how many paragraphs the two are named together.
        var count: Int
    }

    static let none = CompanionCounts(checked: [], others: [])

    private init(checked ids: [String], others: [[Companion]]) {
        self.ids = ids
        self.others = others
    }

    /// Nil when `others` does not give each id its list, or names a position `ids` lacks.
    init?(ids: [String], others: [[Companion]]) {
        guard others.count == ids.count, others.allSatisfy({ $0.allSatisfy { ids.indices.contains($0.position) } }) else { return nil }
        self.init(checked: ids, others: others)
    }

    /// Counted from the paragraphs' entities, each paragraph's as numbers into `entityIDs`,
    /// which holds no id twice.
    init(entityIDs: [String], entitiesByParagraph: [[Int]]) {
        var pairs: [(Int, Int)] = []
        for entities in entitiesByParagraph {
            let distinct = Array(Set(entities))
            for id in distinct {
                for other in distinct where other != id { pairs.append((id, other)) }
            }
        }
        // Only entities named with another are listed, each at its place among their ids.
        var position = [Int](repeating: -1, count: entityIDs.count)
        for (number, _) in pairs { position[number] = 0 }
        let listed = entityIDs.indices.filter { position[$0] == 0 }.sorted { entityIDs[$0] < entityIDs[$1] }
        for (place, number) in listed.enumerated() { position[number] = place }
        // Every pair as one integer; sorted, equal pairs stand together and each entity's
        // pairs follow one another, in the order of the others' ids.
        let count = listed.count
        var keys = pairs.map { position[$0.0] * count + position[$0.1] }
        keys.sort()
        var others = [[Companion]](repeating: [], count: count)
        var index = 0
        while index < keys.count {
            let key = keys[index]
            var end = index + 1
            while end < keys.count, keys[end] == key { end += 1 }
            others[key / count].append(Companion(position: key % count, count: end - index))
            index = end
        }
        self.init(checked: listed.map { entityIDs[$0] }, others: others)
    }

    /// The others named with the entity at `position` in `ids`, and how often.
    func counts(at position: Int) -> [String: Int] {
        Dictionary(others[position].map { (ids[$0.position], $0.count) }, uniquingKeysWith: +)
    }

    /// Every entity named with another, with the others and how often.
    var dictionary: [String: [String: Int]] {
        Dictionary(ids.indices.map { (ids[$0], counts(at: $0)) }, uniquingKeysWith: { first, _ in first })
    }
}
