/// Reads `seeds/NAME.yml` into a `BriefingModel`, reporting every unknown key, wrong
/// type, missing field, bad id and duplicate id at once, each at its line and column.
/// Whether quotes and references hold is the validator's job, not the loader's.
public struct ModelLoader {
    public init() {}

    static let topKeys = ["briefing", "entities", "facts", "events", "crossrefs"]
    static let briefingKeys = ["summary", "date", "source", "at_a_glance", "compare_titles"]
    static let entityKeys = ["id", "name", "kind", "aliases", "role", "summary", "review"]
    static let factKeys = ["id", "figure", "label", "when", "quote", "entities", "value", "unit", "compare", "review"]
    static let eventKeys = ["id", "when", "title", "quote", "entities", "facts", "review"]
    static let crossReferenceKeys = ["id", "quote", "to", "review"]

    /// The model and every problem found in it; the model holds whatever could be read.
    public func load(_ file: TextFile) -> (BriefingModel, [Diagnostic]) {
        let reader = YAMLReader(file: file.path)
        var model = BriefingModel(file: file.path)
        guard let root = reader.compose(file.text) else {
            if reader.diagnostics.isEmpty {
                reader.error("the model is empty: expected a mapping with 'briefing', 'entities', 'facts', 'events' and 'crossrefs'", at: nil)
            }
            return (model, reader.diagnostics)
        }
        guard let entries = reader.mapping(root, what: "the model", keys: Self.topKeys) else {
            return (model, reader.diagnostics)
        }
        let section = ModelSectionReader(reader: reader)
        for entry in entries {
            switch entry.key {
            case "briefing": model.info = section.briefingInfo(entry.value)
            case "entities":
                for item in section.list(entry.value, key: "entities", item: section.entityItem) {
                    switch item {
                    case let .defined(entity): model.entities.append(entity)
                    case let .named(reference): model.entityReferences.append(reference)
                    }
                }
            case "facts": model.facts = section.list(entry.value, key: "facts", item: section.fact)
            case "events": model.events = section.list(entry.value, key: "events", item: section.event)
            default: model.crossReferences = section.list(entry.value, key: "crossrefs", item: section.crossReference)
            }
        }
        section.reportDuplicates(model)
        return (model, reader.diagnostics)
    }
}

/// Reads the model's sections; one instance per file, sharing the file's diagnostics.
struct ModelSectionReader {
    let reader: YAMLReader

    func position(_ node: YAMLNode?) -> SourcePosition {
        SourcePosition(line: reader.line(of: node), column: reader.column(of: node))
    }

    /// A list's items; a key with nothing after it is an empty list, as a draft writes one.
    func list<Item>(_ node: YAMLNode, key: String, item: (YAMLNode) -> Item?) -> [Item] {
        if YAMLReader.isNull(node) { return [] }
        guard let sequence = node.sequence else {
            reader.error("'\(key)' must be a list, found \(reader.describe(node))", at: node)
            return []
        }
        return sequence.compactMap(item)
    }

    /// The fields of one list item, checked for unknown keys and required fields.
    private func fields(_ node: YAMLNode, what: String, keys: [String], required: [String]) -> [String: YAMLNode]? {
        guard let entries = reader.mapping(node, what: what, keys: keys) else { return nil }
        let fields = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let missing = required.filter { fields[$0] == nil }
        for key in missing {
            reader.error("\(what) is missing '\(key)'", at: node)
        }
        return missing.isEmpty ? fields : nil
    }

    private func text(_ fields: [String: YAMLNode], _ key: String) -> String? {
        guard let node = fields[key], let value = reader.string(node, key: key) else { return nil }
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty { reader.error("'\(key)' must not be empty", at: node) }
        return trimmed.isEmpty ? nil : trimmed
    }

    private func identifier(_ fields: [String: YAMLNode], what: String) -> String? {
        guard let node = fields["id"], let id = text(fields, "id") else { return nil }
        guard Self.isIdentifier(id) else {
            reader.error("\(what) id '\(id)' must be lower-case ASCII letters, digits and hyphens (it becomes a URL)", at: node)
            return nil
        }
        return id
    }

    /// Checked on bytes: every such character is one byte, and any other character has a
    /// byte outside these ranges. Character properties were slow enough to show.
    static func isIdentifier(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            || $0 == UInt8(ascii: "-") }
    }

    private func ids(_ fields: [String: YAMLNode], _ key: String) -> [String] {
        guard let node = fields[key] else { return [] }
        return reader.strings(node, key: key) ?? []
    }

    private func date(_ fields: [String: YAMLNode], _ key: String) -> PartialDate?? {
        guard let node = fields[key] else { return .some(nil) }
        guard let text = reader.string(node, key: key) else { return nil }
        guard let date = PartialDate(text) else {
            reader.error("'\(key)' must be a year, month or day written YYYY, YYYY-MM or YYYY-MM-DD, found '\(text)'", at: node)
            return nil
        }
        return .some(date)
    }

    /// `review: true` marks an item `briefing draft` wrote and no editor has confirmed.
    private func review(_ fields: [String: YAMLNode]) -> Bool? {
        guard let node = fields["review"] else { return false }
        return reader.bool(node, key: "review")
    }

    private func quote(_ fields: [String: YAMLNode]) -> Quote? {
        guard let node = fields["quote"], let text = text(fields, "quote") else { return nil }
        return Quote(text, at: position(node))
    }

    func briefingInfo(_ node: YAMLNode) -> BriefingInfo {
        var info = BriefingInfo()
        guard let entries = reader.mapping(node, what: "'briefing'", keys: ModelLoader.briefingKeys) else { return info }
        let fields = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        info.summary = text(fields, "summary")
        info.source = text(fields, "source")
        info.date = date(fields, "date") ?? nil
        info.atAGlance = ids(fields, "at_a_glance")
        info.atAGlancePosition = fields["at_a_glance"].map(position)
        if let titles = fields["compare_titles"] {
            for entry in reader.mapping(titles, what: "'compare_titles'", keys: nil) ?? [] {
                if let title = reader.string(entry.value, key: entry.key) { info.compareTitles[entry.key] = title }
            }
        }
        return info
    }

    /// An item of a model's `entities` list: a definition, or an id the register defines.
    enum EntityItem {
        case defined(Entity)
        case named(EntityReference)
    }

    func entityItem(_ node: YAMLNode) -> EntityItem? {
        guard let scalar = node.scalar, !YAMLReader.isNull(node) else { return entity(node).map(EntityItem.defined) }
        let id = scalar.string.trimmingWhitespace()
        guard Self.isIdentifier(id) else {
            reader.error("entity id '\(id)' must be lower-case ASCII letters, digits and hyphens (it becomes a URL)", at: node)
            return nil
        }
        return .named(EntityReference(id: id, position: position(node)))
    }

    func entity(_ node: YAMLNode) -> Entity? {
        guard let fields = fields(node, what: "an entity", keys: ModelLoader.entityKeys, required: ["id", "name", "kind"]),
              let id = identifier(fields, what: "entity"), let name = text(fields, "name"),
              let kindNode = fields["kind"], let kindText = reader.string(kindNode, key: "kind"),
              let review = review(fields) else { return nil }
        guard let kind = EntityKind(rawValue: kindText) else {
            let kinds = EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
            reader.error("unknown kind '\(kindText)' for entity '\(id)'; expected one of \(kinds)", at: kindNode)
            return nil
        }
        let aliases = fields["aliases"].flatMap { reader.strings($0, key: "aliases") } ?? [name]
        return Entity(id: id, name: name, kind: kind, aliases: aliases.filter { !$0.isEmpty },
                      role: text(fields, "role"), summary: text(fields, "summary"), review: review, position: position(node))
    }

    func fact(_ node: YAMLNode) -> Fact? {
        guard let fields = fields(node, what: "a fact", keys: ModelLoader.factKeys, required: ["id", "figure", "label", "quote"]),
              let id = identifier(fields, what: "fact"), let figure = text(fields, "figure"),
              let label = text(fields, "label"), let quote = quote(fields), let when = date(fields, "when"),
              let review = review(fields) else { return nil }
        var value: Double?
        if let node = fields["value"] {
            guard let number = reader.number(node, key: "value") else { return nil }
            value = number
        }
        return Fact(id: id, figure: figure, label: label, when: when, quote: quote, entities: ids(fields, "entities"),
                    value: value, unit: text(fields, "unit"), compare: text(fields, "compare"),
                    review: review, position: position(node), entitiesPosition: fields["entities"].map(position))
    }

    func event(_ node: YAMLNode) -> TimelineEvent? {
        guard let fields = fields(node, what: "an event", keys: ModelLoader.eventKeys, required: ["id", "when", "title", "quote"]),
              let id = identifier(fields, what: "event"), let title = text(fields, "title"),
              let quote = quote(fields), let when = date(fields, "when") ?? nil, let review = review(fields) else { return nil }
        return TimelineEvent(id: id, when: when, title: title, quote: quote, entities: ids(fields, "entities"),
                             facts: ids(fields, "facts"), review: review, position: position(node),
                             entitiesPosition: fields["entities"].map(position), factsPosition: fields["facts"].map(position))
    }

    func crossReference(_ node: YAMLNode) -> CrossReference? {
        guard let fields = fields(node, what: "a cross-reference", keys: ModelLoader.crossReferenceKeys, required: ["id", "quote", "to"]),
              let id = identifier(fields, what: "cross-reference"), let quote = quote(fields),
              let targetNode = fields["to"], let targetText = reader.string(targetNode, key: "to"),
              let review = review(fields) else { return nil }
        guard let target = CrossReference.Target(targetText) else {
            reader.error("'to' must be section:ID, paragraph:p-N, fact:ID or entity:ID, found '\(targetText)'", at: targetNode)
            return nil
        }
        return CrossReference(id: id, quote: quote, target: target, review: review, position: position(node),
                              targetPosition: position(targetNode))
    }

    /// Ids are unique within their list; an alias belongs to one entity only.
    func reportDuplicates(_ model: BriefingModel) {
        func check(_ items: [(id: String, position: SourcePosition)], what: String) {
            var seen: [String: SourcePosition] = [:]
            for item in items {
                if let first = seen[item.id] {
                    report("duplicate \(what) id '\(item.id)': first defined at line \(first.line)", at: item.position)
                } else {
                    seen[item.id] = item.position
                }
            }
        }
        check((model.entities.map { ($0.id, $0.position) } + model.entityReferences.map { ($0.id, $0.position) })
            .sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }, what: "entity")
        check(model.facts.map { ($0.id, $0.position) }, what: "fact")
        check(model.events.map { ($0.id, $0.position) }, what: "event")
        check(model.crossReferences.map { ($0.id, $0.position) }, what: "cross-reference")

        var owners: [String: String] = [:]
        for entity in model.entities {
            for alias in Set(entity.aliases) {
                if let owner = owners[alias], owner != entity.id {
                    report("alias '\(alias)' of entity '\(entity.id)' already names entity '\(owner)'", at: entity.position)
                } else {
                    owners[alias] = entity.id
                }
            }
        }
    }

    func report(_ message: String, at position: SourcePosition) {
        reader.report(Diagnostic(file: reader.file, line: position.line, column: position.column, message))
    }
}
