/// Reads the register, `seeds/entities.yml`: a mapping whose one key, `entities`, lists
/// definitions written as a model writes them. Every problem is reported at its place; an
/// id defined twice is reported at both.
public struct EntityRegisterLoader {
    public init() {}

    public func load(_ file: TextFile) -> (EntityRegister, [Diagnostic]) {
        let reader = YAMLReader(file: file.path)
        // A register holding nothing yet, or only comments, is a register of no entities.
        guard let root = reader.compose(file.text), !YAMLReader.isNull(root) else {
            return (EntityRegister(file: file.path), reader.diagnostics)
        }
        guard let entries = reader.mapping(root, what: "the register of entities", keys: ["entities"]) else {
            return (EntityRegister(file: file.path), reader.diagnostics)
        }
        let section = ModelSectionReader(reader: reader)
        var entities: [Entity] = []
        for entry in entries {
            for item in section.list(entry.value, key: "entities", item: section.entityItem) {
                switch item {
                case let .defined(entity):
                    entities.append(entity)
                case let .named(reference):
                    section.report("the register defines entities: '\(reference.id)' needs at least an id, a name and a kind", at: reference.position)
                }
            }
        }
        for (id, places) in Dictionary(grouping: entities, by: \.id).sorted(by: { $0.key < $1.key }) where places.count > 1 {
            for place in places {
                let others = places.filter { $0.position != place.position }.map { "line \($0.position.line)" }.joined(separator: " and ")
                section.report("entity '\(id)' is defined more than once in the register: here and at \(others); keep one definition", at: place.position)
            }
        }
        var seen: Set<String> = []
        let register = EntityRegister(file: file.path, entities: entities.filter { seen.insert($0.id).inserted })
        return (register, reader.diagnostics)
    }
}
