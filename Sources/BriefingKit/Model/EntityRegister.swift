/// The site's register of entities, `seeds/entities.yml`: one definition of each person,
/// place or organisation that the models name by id, so that the tenth briefing about a
/// region names Russia without a tenth copy of what Russia is.
public struct EntityRegister: Sendable, Equatable {
    /// The register's file name inside the seeds folder.
    public static let fileName = "entities.yml"
    /// As messages show it, relative to the source folder.
    public static let path = "seeds/entities.yml"

    /// As messages show it.
    public var file: String
    /// In the order the file gives them, each marked `registered`.
    public private(set) var entities: [Entity]
    private var indexByID: [String: Int] = [:]

    public init(file: String = EntityRegister.path, entities: [Entity] = []) {
        self.file = file
        self.entities = entities.map { entity in
            var entity = entity
            entity.registered = true
            return entity
        }
        for (index, entity) in self.entities.enumerated() where indexByID[entity.id] == nil {
            indexByID[entity.id] = index
        }
    }

    public func entity(_ id: String) -> Entity? {
        indexByID[id].map { entities[$0] }
    }

    public var isEmpty: Bool { entities.isEmpty }

    /// What a new register starts with, before its first entry.
    static let newFileText = """
        # The register of entities: every person, organisation, place, project, event, outlet
        # and document the briefings name, defined once for the whole site. A model names an
        # entity here by its id alone (`- nato` in its `entities` list) and may still define
        # one only it uses. `briefing draft` adds the names a new essay brings, marked
        # `review: true`; `briefing entities --consolidate` moves definitions out of models.
        entities:

        """
}
