extension DraftContext {
    /// What drafting the names of an essay adds to the model and to the register.
    struct EntityDraft {
        /// The ids the model is to name, in order of first mention.
        var references: [String] = []
        /// Every entity the model is to name that it did not already: register entries
        /// (with the spellings proposed for them) and new ones.
        var named: [Entity] = []
        /// Entries for the register, for names it does not know.
        var newEntries: [Entity] = []
        var newAliases: [AliasProposal] = []
        /// Names another model defines for itself, which must move to the register before
        /// a second briefing can name them.
        var definedElsewhere: [Diagnostic] = []
    }

    /// An entity per name the essay gives, skipping names the model already has: a name the
    /// register knows (by its name or an alias) takes that entry's id, and a spelling the
    /// entry lacks is proposed as an alias; a name it does not know becomes a new entry.
    /// Then records where every entity, old or new, is named.
    mutating func draftEntities(seed: String) -> EntityDraft {
        let existingEntities = existing?.entities ?? []
        let known = Set(existingEntities.flatMap(\.aliases))
        let registered = Self.bySpelling(register.entities.map { (file: register.file, entity: $0) })
        let defined = Self.bySpelling(elsewhere)
        // Which entity each spelling already names: a spelling of one is never proposed for another.
        var owners = Dictionary(register.entities.flatMap { entity in ([entity.name] + entity.aliases).map { ($0, entity.id) } },
                                uniquingKeysWith: { first, _ in first })
        for (_, entity) in elsewhere { for alias in entity.aliases where owners[alias] == nil { owners[alias] = entity.id } }
        for entity in existingEntities { for alias in entity.aliases where owners[alias] == nil { owners[alias] = entity.id } }

        var draft = EntityDraft()
        var named: [String: Entity] = [:]
        for name in NameScanner.names(in: corpus.paragraphs.map(\.text)) where !name.aliases.contains(where: known.contains) {
            if let entry = name.aliases.lazy.compactMap({ registered[$0] }).first?.entity {
                var entity = named[entry.id] ?? entry
                if named[entry.id] == nil { draft.references.append(entry.id) }
                let fresh = name.aliases.filter { !entity.aliases.contains($0) && (owners[$0] ?? entry.id) == entry.id }
                if !fresh.isEmpty {
                    entity.aliases += fresh
                    for alias in fresh { owners[alias] = entry.id }
                    if let index = draft.newAliases.firstIndex(where: { $0.id == entry.id }) {
                        draft.newAliases[index].aliases += fresh
                    } else {
                        draft.newAliases.append(AliasProposal(id: entry.id, aliases: fresh))
                    }
                }
                named[entry.id] = entity
                continue
            }
            if let other = name.aliases.lazy.compactMap({ defined[$0] }).first {
                draft.definedElsewhere.append(Diagnostic(
                    file: other.file, line: other.entity.position.line, column: other.entity.position.column,
                    "entity '\(other.entity.id)' names \"\(name.name)\", which \(seed) names too: an entity two briefings name belongs in "
                        + "\(register.file); `briefing entities --consolidate` moves it there, then `briefing draft --merge \(seed)` names it",
                    severity: .warning))
                continue
            }
            let id = ids.claim(DraftWording.id(from: name.name, fallback: "entity"), in: .entity)
            let entity = Entity(id: id, name: name.name, kind: name.kind, aliases: name.aliases, review: true,
                                position: Self.unwritten, registered: true)
            for alias in name.aliases where owners[alias] == nil { owners[alias] = id }
            draft.newEntries.append(entity)
            draft.references.append(id)
            named[id] = entity
        }
        draft.named = draft.references.compactMap { named[$0] }
        let matcher = AliasMatcher(entities: existingEntities + draft.named)
        mentions = corpus.paragraphs.map { matcher.find(in: $0.folded) }
        return draft
    }

    /// Entities by each of their spellings, name and aliases; the first to claim one keeps it.
    private static func bySpelling(_ entities: [(file: String, entity: Entity)]) -> [String: (file: String, entity: Entity)] {
        Dictionary(entities.flatMap { item in ([item.entity.name] + item.entity.aliases).map { ($0, item) } },
                   uniquingKeysWith: { first, _ in first })
    }
}

/// Spellings an essay uses for an entity the register holds, which its entry lacks.
public struct AliasProposal: Sendable, Equatable {
    public var id: String
    public var aliases: [String]
}
