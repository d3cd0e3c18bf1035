import Foundation

/// `briefing entities --consolidate`: moves the entity definitions written in models into
/// the register, so that each entity is defined once for the whole site. Definitions of
/// one id that agree become one register entry, and each model names it by id where its
/// definition was; definitions that differ, from one another or from the register's, are
/// reported with both places and left as they are, never guessed between.
public struct EntityConsolidation: Sendable {
    /// Ids given new register entries, in the order the models define them.
    public var moved: [String] = []
    /// Definitions replaced by an id because the register already held them as written.
    public var alreadyRegistered: [String] = []
    /// One per definition that differs from another of its id, at its place, naming the other.
    public var differing: [Diagnostic] = []
    /// The files that change, register first, with their new text.
    public var files: [TextFile] = []
    /// Whether the register is a new file.
    public var createsRegister = false

    /// Works out the consolidation of `sources` in memory; nothing is written. Fails when
    /// the register or a model does not load, or cannot be edited as text.
    public init(_ sources: SourceTree) throws(BuildFailure) {
        let register = try sources.entityRegister()
        var problems: [Diagnostic] = []
        var models: [(file: TextFile, model: BriefingModel)] = []
        for seed in sources.seeds {
            guard let file = seed.model else { continue }
            let (model, diagnostics) = ModelLoader().load(file)
            problems += diagnostics.filter { $0.severity == .error }
            if !model.entities.isEmpty { models.append((file, model)) }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }

        var texts: [String: EntityListText] = [:]
        for (file, _) in models {
            do throws(BuildFailure) { texts[file.path] = try EntityListText(file.text, file: file.path) } catch { problems += error.diagnostics }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }

        // Every definition of each id, models by path and each model's in its order.
        var order: [String] = []
        var definitions: [String: [(file: String, entity: Entity)]] = [:]
        for (file, model) in models {
            for entity in model.entities {
                if definitions[entity.id] == nil { order.append(entity.id) }
                definitions[entity.id, default: []].append((file.path, entity))
            }
        }

        var blocks: [[String]] = []
        for id in order {
            let found = definitions[id] ?? []
            // The register's definition is the one to agree with; else the first model's.
            let registered = register.entity(id)
            let reference = registered.map { (file: register.file, entity: $0) } ?? found[0]
            let (agreeing, disagreeing) = (found.filter { $0.entity.hasSameDefinition(as: reference.entity) },
                                           found.filter { !$0.entity.hasSameDefinition(as: reference.entity) })
            for other in disagreeing {
                let place = "\(reference.file):\(reference.entity.position.line):\(reference.entity.position.column)"
                differing.append(Diagnostic(file: other.file, line: other.entity.position.line, column: other.entity.position.column,
                                            "entity '\(id)' is defined differently here and in \(place); make the two agree (or give one another id), then consolidate again"))
            }
            // Models that agree with the register name its entry; an id the models do not
            // all define alike stays where it is.
            guard registered != nil || disagreeing.isEmpty else { continue }
            for definition in agreeing {
                guard let text = texts[definition.file] else { continue }
                try texts[definition.file]?.replaceWithReference(text.editableDefinition(id), id: id)
            }
            if registered != nil {
                if !agreeing.isEmpty { alreadyRegistered.append(id) }
                continue
            }
            // The entry is copied as written, from a definition an editor has reviewed if any has been.
            let source = found.first { !$0.entity.review } ?? found[0]
            guard let text = texts[source.file] else { continue }
            blocks.append(try text.block(of: text.editableDefinition(id)))
            moved.append(id)
        }

        createsRegister = sources.register == nil
        var registerText = try EntityListText(sources.register?.text ?? EntityRegister.newFileText, file: register.file)
        try registerText.append(blocks)
        if !blocks.isEmpty { files.append(TextFile(path: register.file, text: registerText.text)) }
        for (file, _) in models {
            guard let text = texts[file.path]?.text, text != file.text else { continue }
            files.append(TextFile(path: file.path, text: text))
        }
        try Self.checkMeaningKept(sources: sources, register: register, models: models.map(\.file), changed: files)
    }

    /// Every model must name the same entities, defined the same way, after the change as
    /// before it, and clash with the register no more than it did: the site may not
    /// change by being consolidated.
    private static func checkMeaningKept(sources: SourceTree, register: EntityRegister, models: [TextFile],
                                         changed: [TextFile]) throws(BuildFailure) {
        let newTexts = Dictionary(changed.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        let newRegister: EntityRegister
        if let text = newTexts[register.file] {
            let (loaded, diagnostics) = EntityRegisterLoader().load(TextFile(path: register.file, text: text))
            guard diagnostics.allSatisfy({ $0.severity != .error }) else { throw BuildFailure(diagnostics) }
            newRegister = loaded
        } else {
            newRegister = register
        }
        for file in models {
            let (before, doublesBefore) = register.resolve(ModelLoader().load(file).0)
            let (loaded, diagnostics) = ModelLoader().load(TextFile(path: file.path, text: newTexts[file.path] ?? file.text))
            let (after, doublesAfter) = newRegister.resolve(loaded)
            let kept = diagnostics.allSatisfy { $0.severity != .error } && doublesAfter.count <= doublesBefore.count
                && before.entities.count == after.entities.count
                && zip(before.entities, after.entities).allSatisfy { $0.id == $1.id && $0.hasSameDefinition(as: $1) }
            guard kept else {
                throw BuildFailure([Diagnostic(file: file.path, "consolidating would change the entities this model names, so nothing was written; please report this")])
            }
        }
    }

    /// Writes the changed files, the register first: were a model written first and the
    /// register then failed, the model would name ids nothing defines.
    public func write(into root: URL) throws(BuildFailure) {
        for (index, file) in files.enumerated() {
            let mode: AtomicFile.Mode = index == 0 && createsRegister && file.path == EntityRegister.path ? .create : .replace
            try AtomicFile.write(Data(file.text.utf8), to: root.appendingPathComponent(file.path), mode: mode, shownAs: file.path)
        }
    }
}
