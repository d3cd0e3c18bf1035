extension DraftContext {
    /// An entity per name the essay gives, skipping names an existing entity already has;
    /// then records where every entity, old or new, is named.
    mutating func draftEntities() -> [Entity] {
        let known = Set((existing?.entities ?? []).flatMap(\.aliases))
        var drafted: [Entity] = []
        for name in NameScanner.names(in: corpus.paragraphs.map(\.text)) where !name.aliases.contains(where: known.contains) {
            let id = ids.claim(DraftWording.id(from: name.name, fallback: "entity"), in: .entity)
            drafted.append(Entity(id: id, name: name.name, kind: name.kind, aliases: name.aliases, review: true,
                                  position: Self.unwritten))
        }
        let matcher = AliasMatcher(entities: (existing?.entities ?? []) + drafted)
        mentions = corpus.paragraphs.map { matcher.find(in: $0.folded) }
        return drafted
    }
}
