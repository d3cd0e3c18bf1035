extension EntityRegister {
    /// A model as loaded, resolved; the problems of loading come first.
    public func resolve(loaded: (model: BriefingModel, diagnostics: [Diagnostic])) -> (BriefingModel, [Diagnostic]) {
        let (resolved, problems) = resolve(loaded.model)
        return (resolved, loaded.diagnostics + problems)
    }

    /// `model` with the registered entities it names added to its own: those its
    /// `entities` list gives by id, in the list's order among its own definitions, then
    /// those only its facts, events or cross-references refer to. An id it both defines
    /// and finds in the register is an error at both places; an id neither holds is left
    /// for the validator to report where it is used.
    public func resolve(_ model: BriefingModel) -> (BriefingModel, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var resolved = model
        let ownIDs = Set(model.entities.map(\.id))
        for entity in model.entities {
            guard let registered = self.entity(entity.id) else { continue }
            problems.append(Diagnostic(file: model.file, line: entity.position.line, column: entity.position.column,
                                       "entity '\(entity.id)' is defined here and in \(file):\(registered.position.line):\(registered.position.column); "
                                       + "define it once: a model names a registered entity by its id alone (- \(entity.id))"))
            problems.append(Diagnostic(file: file, line: registered.position.line, column: registered.position.column,
                                       "entity '\(entity.id)' is defined here and in \(model.file):\(entity.position.line):\(entity.position.column); "
                                       + "define it once: a model names a registered entity by its id alone (- \(entity.id))"))
        }

        // Where each registered entity is named, the list's own items in their order.
        var named: [(entity: Entity, at: SourcePosition, listed: Bool)] = []
        var seen = ownIDs
        func name(_ id: String, at position: SourcePosition, listed: Bool) {
            guard !seen.contains(id), let registered = entity(id) else { return }
            seen.insert(id)
            named.append((registered, position, listed))
        }
        for reference in model.entityReferences { name(reference.id, at: reference.position, listed: true) }
        for fact in model.facts { fact.entities.forEach { name($0, at: fact.entitiesPosition ?? fact.position, listed: false) } }
        for event in model.events { event.entities.forEach { name($0, at: event.entitiesPosition ?? event.position, listed: false) } }
        for reference in model.crossReferences {
            if case let .entity(id) = reference.target { name(id, at: reference.targetPosition, listed: false) }
        }

        var listed: [(entity: Entity, at: SourcePosition)] = model.entities.map { ($0, $0.position) }
        listed += named.filter(\.listed).map { ($0.entity, $0.at) }
        listed.sort { ($0.at.line, $0.at.column) < ($1.at.line, $1.at.column) }
        resolved.entities = listed.map(\.entity) + named.filter { !$0.listed }.map(\.entity)

        // One spelling may name one entity in a briefing; the model's own were checked on loading.
        guard !named.isEmpty else { return (resolved, problems) }
        var owners: [String: Entity] = [:]
        for entity in model.entities { for alias in entity.aliases where owners[alias] == nil { owners[alias] = entity } }
        for item in named {
            for alias in Set(item.entity.aliases).sorted() {
                if let owner = owners[alias], owner.id != item.entity.id {
                    let place = owner.registered ? "\(file):\(owner.position.line)" : "line \(owner.position.line)"
                    problems.append(Diagnostic(file: model.file, line: item.at.line, column: item.at.column,
                                               "alias '\(alias)' of entity '\(item.entity.id)' (\(file):\(item.entity.position.line)) already names entity '\(owner.id)' (\(place)); one briefing cannot name both by the same words"))
                } else {
                    owners[alias] = item.entity
                }
            }
        }
        return (resolved, problems)
    }
}
