extension DraftContext {
    /// An entity per name the essay gives, skipping names an existing entity already has,
    /// and taking the site's definition of a name another model defines; then records
    /// where every entity, old or new, is named.
    mutating func draftEntities() -> [Entity] {
        let known = Set((existing?.entities ?? []).flatMap(\.aliases))
        let sharedByAlias = Dictionary(shared.flatMap { entity in entity.aliases.map { ($0, entity) } }, uniquingKeysWith: { first, _ in first })
        var drafted: [Entity] = []
        for name in NameScanner.names(in: corpus.paragraphs.map(\.text)) where !name.aliases.contains(where: known.contains) {
            if let site = name.aliases.lazy.compactMap({ sharedByAlias[$0] }).first {
                if !drafted.contains(where: { $0.id == site.id }), existing?.entity(site.id) == nil {
                    var reused = site
                    reused.review = true
                    reused.position = Self.unwritten
                    drafted.append(reused)
                }
                continue
            }
            let id = ids.claim(DraftWording.id(from: name.name, fallback: "entity"), in: .entity)
            drafted.append(Entity(id: id, name: name.name, kind: name.kind, aliases: name.aliases, review: true,
                                  position: Self.unwritten))
        }
        let matcher = AliasMatcher(entities: (existing?.entities ?? []) + drafted)
        mentions = corpus.paragraphs.map { matcher.find(in: $0.folded) }
        return drafted
    }
}
