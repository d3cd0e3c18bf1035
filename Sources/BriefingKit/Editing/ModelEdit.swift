/// One change to a briefing's model asked for by the page: the new texts of the files it
/// touches (the model, and the register for an entity or an alias it defines), with every
/// byte not part of the change as it was.
struct ModelEdit {
    let request: EditRequest
    let briefing: EditedBriefing

    init(_ request: EditRequest, briefing: EditedBriefing) {
        self.request = request
        self.briefing = briefing
    }

    /// The files to write, register first, each with its new text.
    struct Writes {
        var register: String?
        var model: String?
    }

    func writes() throws(EditFailure) -> Writes {
        do throws(BuildFailure) {
            switch (request.action, request.kind) {
            case (.add, .entity): return try addEntity()
            case (.add, .alias): return try addAlias()
            case (.add, _): return Writes(model: try addItem())
            case (_, .alias): throw BuildFailure([Diagnostic(file: file, "an alias is added, or edited with its entity")])
            case (.update, _), (.remove, _), (.accept, _), (.dismiss, _): return try changeItem()
            }
        } catch {
            throw EditFailure.invalid(error)
        }
    }

    private var modelText: String { briefing.modelText ?? "" }
    private var file: String { briefing.files.model }


    /// A fact, event or cross-reference after the last of its list.
    private func addItem() throws(BuildFailure) -> String {
        guard let section = EditItem.section(of: request.kind) else { return modelText }
        let model = try itemModel()
        return try DraftMerge.merged(modelText, file: file) { target, indent in
            target == section ? DraftYAML.items(section, of: model, indent: indent) : []
        }
    }

    /// A new entity goes to the register, and the model names it by id.
    private func addEntity() throws(BuildFailure) -> Writes {
        let model = try itemModel()
        guard let entity = model.entities.first else { return Writes() }
        var register = try EntityListText(briefing.registerText ?? "", file: EntityRegister.path)
        try register.append([DraftYAML.items(.entities, of: model, indent: "")])
        var named = try EntityListText(modelText, file: file)
        try named.append([["- " + entity.id]])
        return Writes(register: register.text, model: named.text)
    }

    /// A spelling added to an entity's aliases, where the entity is defined.
    private func addAlias() throws(BuildFailure) -> Writes {
        let alias = request.item?.alias ?? ""
        guard let id = request.id, !alias.isEmpty else { throw BuildFailure([Diagnostic(file: file, "an alias needs the entity's id and the spelling")]) }
        var own = try EntityListText(modelText, file: file)
        if let definition = own.definition(id), let entity = briefing.annotated.model?.model.entity(id) {
            try own.addAliases([alias], to: definition, name: entity.name)
            return Writes(model: own.text)
        }
        var register = try EntityListText(briefing.registerText ?? "", file: EntityRegister.path)
        guard let definition = register.definition(id), let entity = briefing.register.entity(id) else {
            throw BuildFailure([Diagnostic(file: file, "no entity '\(id)' is defined in the model or the register")])
        }
        try register.addAliases([alias], to: definition, name: entity.name)
        return Writes(register: register.text)
    }

    /// An item of the model edited, removed, accepted or dismissed: only its lines change.
    private func changeItem() throws(BuildFailure) -> Writes {
        guard let id = request.id, let section = EditItem.section(of: request.kind) else {
            throw BuildFailure([Diagnostic(file: file, "which item to change is not said")])
        }
        var text = try EntityListText(modelText, file: file, key: section.rawValue)
        // An entity the model only names is defined in the register: that is where it changes.
        var inRegister = false
        if text.definition(id) == nil, request.kind == .entity, briefing.registerText != nil {
            text = try EntityListText(briefing.registerText ?? "", file: EntityRegister.path)
            inRegister = true
        }
        guard let item = text.definition(id) else {
            throw BuildFailure([Diagnostic(file: file, "no \(request.kind.rawValue) '\(id)' is written in \(text.file); reload the page")])
        }
        switch request.action {
        case .update:
            var model = try itemModel()
            // Editing a drafted item is not reviewing it, unless the editor says so.
            if isMarkedForReview(id), request.accept != true { model.markForReview() }
            try text.replace(item, with: DraftYAML.items(section, of: model, indent: ""))
        case .remove:
            try text.remove(item)
        case .accept:
            try text.dropReview(item)
        case .dismiss:
            guard item.field("review") != nil else {
                throw BuildFailure([Diagnostic(file: file, "\(request.kind.rawValue) '\(id)' is not marked for review; remove it instead")])
            }
            try text.remove(item)
        case .add:
            break
        }
        return inRegister ? Writes(register: text.text) : Writes(model: text.text)
    }

    /// Whether the item as the build last read it still says `review: true`.
    private func isMarkedForReview(_ id: String) -> Bool {
        let model = briefing.annotated.model?.model
        return switch request.kind {
        case .fact: model?.facts.first { $0.id == id }?.review ?? false
        case .entity: (model?.entities.first { $0.id == id } ?? briefing.register.entity(id))?.review ?? false
        case .event: model?.events.first { $0.id == id }?.review ?? false
        case .crossref: model?.crossReferences.first { $0.id == id }?.review ?? false
        case .alias: false
        }
    }

    private func itemModel() throws(BuildFailure) -> BriefingModel {
        guard let item = request.item else { throw BuildFailure([Diagnostic(file: file, "the item's fields are missing")]) }
        do {
            return try item.model(as: request.kind, file: file)
        } catch {
            throw BuildFailure([Diagnostic(file: file, error.message)])
        }
    }
}

private extension BriefingModel {
    /// Every item of this one-item model marked `review: true`.
    mutating func markForReview() {
        for index in facts.indices { facts[index].review = true }
        for index in entities.indices { entities[index].review = true }
        for index in events.indices { events[index].review = true }
        for index in crossReferences.indices { crossReferences[index].review = true }
    }
}
