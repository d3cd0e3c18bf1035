/// Finds the names in an essay by rules that hold for any writer, groups the spellings
/// of each, and guesses what each names: the first draft of a model's entities.
public enum NameScanner {
    public struct Name: Sendable, Equatable {
        /// The fullest form: "North Atlantic Treaty Organization".
        public var name: String
        /// Every spelling that occurs in the text, each as written there, the full name
        /// first: ["North Atlantic Treaty Organization", "NATO"].
        public var aliases: [String]
        public var kind: EntityKind
        /// Every occurrence of any alias, in text order, as `AliasMatcher` finds them.
        public var mentions: [Mention]
    }

    public struct Mention: Sendable, Equatable {
        /// Index into the paragraphs passed in.
        public var paragraph: Int
        /// UTF-8 offsets in that paragraph's text.
        public var range: Range<Int>
        public var alias: String
    }

    /// Names in the essay's paragraphs, in order of first mention.
    public static func names(in paragraphs: [String]) -> [Name] {
        let tokens = paragraphs.map(NameTokenizer.tokens(in:))
        let context = NameContext(paragraphs: tokens, texts: paragraphs)
        let candidates = NameCandidates.candidates(in: tokens, texts: paragraphs, context: context)
        let groups = NameGroups(candidates).merged
        return located(groups, in: paragraphs)
    }

    /// Finds every alias with the matcher the model will use, so that each alias the
    /// scanner returns is one the model validator finds; an alias a longer one always
    /// swallows is dropped, and a name left without aliases with it.
    private static func located(_ groups: [NameGroups.Group], in paragraphs: [String]) -> [Name] {
        let entities = groups.enumerated().map { index, group in
            Entity(id: String(index), name: group.aliases.first ?? "", kind: .organisation, aliases: group.aliases,
                   position: SourcePosition(line: 1, column: 1))
        }
        let matcher = AliasMatcher(entities: entities)
        var mentions = [[Mention]](repeating: [], count: groups.count)
        for (paragraph, text) in paragraphs.enumerated() {
            for found in matcher.find(in: text) {
                guard let index = Int(found.entityID) else { continue }
                mentions[index].append(Mention(paragraph: paragraph, range: found.range, alias: found.alias))
            }
        }
        let kinds = kinds(of: groups)
        let names = groups.indices.compactMap { index -> Name? in
            var seen: [String] = []
            for mention in mentions[index] where !seen.contains(mention.alias) { seen.append(mention.alias) }
            guard !seen.isEmpty else { return nil }
            let name = fullestForm(groups[index].aliases.filter(seen.contains))
            let aliases = [name] + seen.filter { $0 != name }
            return Name(name: name, aliases: aliases,
                        kind: kinds[index],
                        mentions: mentions[index])
        }
        return names.sorted { first, second in
            guard let a = first.mentions.first, let b = second.mentions.first else { return false }
            return (a.paragraph, a.range.lowerBound) < (b.paragraph, b.range.lowerBound)
        }
    }

    /// Each group's kind: what its words and their context say, or failing that a guess
    /// that starts from the kinds of the names listed with it.
    private static func kinds(of groups: [NameGroups.Group]) -> [EntityKind] {
        var known = groups.map { EntityKindGuess.evidentKind(of: $0.aliases, evidence: $0.evidence) }
        // A list passes its kind along, one neighbour at a time: "the BBC, Deutsche Welle,
        // Euronews, Radio Free Europe" learns "outlet" from its last name.
        for _ in 0..<3 {
            let previous = known
            for index in groups.indices where previous[index] == nil {
                let listed = EntityKindGuess.listKind(groups[index].neighbours.compactMap { previous[$0] })
                if let listed, !(listed == .place && groups[index].aliases.allSatisfy(EntityKindGuess.isAcronym)) {
                    known[index] = listed
                }
            }
        }
        let singleWords = groups.map { Set($0.aliases.filter { !$0.contains(" ") }) }
        let allSingleWords = singleWords.reduce(into: Set<String>()) { $0.formUnion($1) }
        return groups.indices.map { index in
            if let kind = known[index] { return kind }
            return EntityKindGuess.guessedKind(of: groups[index].aliases, listedWith: [],
                                               otherNames: allSingleWords.subtracting(singleWords[index]))
        }
    }

    /// The spelling with the most words, then the most letters: the full name over its
    /// acronym and its surname.
    private static func fullestForm(_ aliases: [String]) -> String {
        aliases.max { a, b in
            let (wordsA, wordsB) = (a.split(separator: " ").count, b.split(separator: " ").count)
            return wordsA != wordsB ? wordsA < wordsB : a.count < b.count
        } ?? ""
    }
}
