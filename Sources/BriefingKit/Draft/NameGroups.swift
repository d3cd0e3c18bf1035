/// Gathers candidate names into entities: every spelling of one thing in one group, so
/// that no two entities share a spelling.
struct NameGroups {
    struct Group: Sendable {
        /// Spellings as written, in order of first occurrence.
        var aliases: [String]
        var evidence = EntityKindGuess.Evidence()
        /// The groups (by place in `merged`) this one stands in a list with.
        var neighbours: [Int] = []
    }

    private(set) var groups: [Group] = []
    /// Union–find parents: a merged group points at the group it joined.
    private var parent: [Int] = []
    /// Each spelling's group, keyed by its folded form, the form `AliasMatcher` compares:
    /// "Martha’s Vineyard" and "Martha's Vineyard" are one spelling to it.
    private var groupByKey: [String: Int] = [:]
    /// Groups named one after the other in a list.
    private var listed: [(Int, Int)] = []
    /// Groups that are no name: a head noun alone that could stand for several ("the
    /// Center" after two names ending in "Center").
    private var dropped: Set<Int> = []

    init(_ candidates: [NameCandidate]) {
        for candidate in candidates {
            let group = self.group(for: candidate.text)
            groups[group].evidence.add(candidate.evidence)
            if let acronym = candidate.acronym { union(group, self.group(for: acronym)) }
            if let previous = candidate.listedAfter { listed.append((self.group(for: previous), group)) }
        }
        mergeSurnames()
        mergeLeadingWords()
        mergeInitials()
        mergeSuffixes()
    }

    /// The merged groups in the order they were first seen.
    var merged: [Group] {
        var byRoot: [Int: Group] = [:]
        var order: [Int] = []
        for index in groups.indices where !dropped.contains(find(index)) {
            let root = find(index)
            if var group = byRoot[root] {
                group.aliases += groups[index].aliases.filter { !group.aliases.contains($0) }
                group.evidence.add(groups[index].evidence)
                byRoot[root] = group
            } else {
                byRoot[root] = groups[index]
                order.append(root)
            }
        }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        for (first, second) in listed {
            guard let a = position[find(first)], let b = position[find(second)], a != b else { continue }
            byRoot[order[a]]?.neighbours.append(b)
            byRoot[order[b]]?.neighbours.append(a)
        }
        return order.compactMap { byRoot[$0] }
    }

    private static func key(_ alias: String) -> String {
        String(decoding: FoldedText.phrase(alias), as: UTF8.self)
    }

    private mutating func group(for alias: String) -> Int {
        let key = Self.key(alias)
        if let existing = groupByKey[key] {
            if !groups[existing].aliases.contains(alias) { groups[existing].aliases.append(alias) }
            return existing
        }
        groups.append(Group(aliases: [alias]))
        parent.append(groups.count - 1)
        groupByKey[key] = groups.count - 1
        return groups.count - 1
    }

    private func find(_ index: Int) -> Int {
        var root = index
        while parent[root] != root { root = parent[root] }
        return root
    }

    /// The earlier group absorbs the later, so a merged group keeps its first place.
    private mutating func union(_ one: Int, _ other: Int) {
        let (a, b) = (find(one), find(other))
        guard a != b else { return }
        parent[max(a, b)] = min(a, b)
    }

    /// Every multi-word spelling with its group.
    private var multiWordAliases: [(alias: String, words: [Substring], group: Int)] {
        groups.indices.flatMap { index in
            groups[index].aliases.compactMap { alias in
                let words = alias.split(separator: " ")
                return words.count > 1 ? (alias, words, index) : nil
            }
        }
    }

    /// "Vučić" after "Aleksandar Vučić": a surname alone names the person, and says the
    /// name is a person's. Only when one name ends in it, and never a word the text
    /// uses as a place ("in Serbia" against "Air Serbia").
    private mutating func mergeSurnames() {
        let multiWord = multiWordAliases
        for index in groups.indices where groups[index].evidence.place == 0 {
            guard let word = groups[index].aliases.first, !word.contains(" "), !EntityKindGuess.isAcronym(word) else { continue }
            let endingInWord = multiWord.filter { entry in
                guard let last = entry.words.last else { return false }
                return last == word || last.split(separator: "-").last.map(String.init) == word
            }
            let owners = Set(endingInWord.map { find($0.group) })
            guard owners.count == 1, let full = endingInWord.first,
                  EntityKindGuess.looksLikePersonalName(full.alias), EntityKindGuess.keywordKind(full.alias) == nil
            else { continue }
            groups[full.group].evidence.person += 1
            union(full.group, index)
        }
    }

    /// "Silica" after "Silica Semiconductor": the first word of an organisation's name,
    /// used alone and found in no other name, is its short name.
    private mutating func mergeLeadingWords() {
        let multiWord = multiWordAliases
        for index in groups.indices where groups[index].evidence.place == 0 {
            guard let word = groups[index].aliases.first, !word.contains(" "), !EntityKindGuess.isAcronym(word) else { continue }
            // A word in several names ("Rotterdam" of "Port of Rotterdam" and "Erasmus
            // University Rotterdam") is a place they share, no one's short name.
            let containing = Set(multiWord.filter { $0.words.contains { $0 == word } }.map { find($0.group) })
            let owners = Set(multiWord.filter { entry in
                entry.words.first.map(String.init) == word && EntityKindGuess.keywordKind(entry.alias) == .organisation
            }.map { find($0.group) })
            guard owners.count == 1, containing.count == 1, let owner = owners.first else { continue }
            union(owner, index)
        }
    }

    /// "EU" and "European Union", "U.S." and "United States": an acronym whose letters
    /// are the initials of exactly one longer name.
    private mutating func mergeInitials() {
        let multiWord = multiWordAliases
        for index in groups.indices {
            guard let acronym = groups[index].aliases.first, EntityKindGuess.isAcronym(acronym) else { continue }
            let letters = acronym.filter { $0 != "." }
            guard letters.allSatisfy(\.isLetter) else { continue }
            let owners = Set(multiWord.filter { Self.initials(of: $0.words) == letters }.map { find($0.group) })
            guard owners.count == 1, let owner = owners.first else { continue }
            union(owner, index)
        }
    }

    private static func initials(of words: [Substring]) -> String {
        String(words.filter { $0.first?.isUppercase == true }.compactMap(\.first))
    }

    /// "Security Council" after "UN Security Council", "Telegraph" after "The
    /// Telegraph", "the Center" after "Humanitarian Center": a name that ends exactly one
    /// longer name, in two words or more, after a leading "The", or a head noun alone.
    /// A head noun alone that ends several names is none of them.
    private mutating func mergeSuffixes() {
        let multiWord = multiWordAliases
        for index in groups.indices {
            for alias in groups[index].aliases {
                let words = alias.split(separator: " ")
                let isHeadNoun = words.count == 1 && EntityKindGuess.keywords[alias] != nil
                let longer = multiWord.filter { entry in
                    entry.words.count > words.count && entry.words.suffix(words.count).elementsEqual(words)
                        && (words.count > 1 || isHeadNoun || (entry.words.count == 2 && entry.words.first == "The"))
                }
                let owners = Set(longer.map { find($0.group) })
                if owners.count > 1, isHeadNoun, find(index) == index, groups[index].aliases.count == 1 { dropped.insert(index) }
                guard owners.count == 1, let owner = owners.first else { continue }
                union(owner, index)
            }
        }
    }
}
