import Foundation

/// `briefing draft`: reads a seed, drafts its model (or what its model lacks) and what the
/// site's register of entities lacks, checks the result as `briefing check` would, and
/// writes the register and the model file, each atomically, the register first.
public struct SeedDraft {
    /// What was drafted and written.
    public struct Outcome: Sendable {
        public var modelFile: String
        /// What the model gained; its `entities` are the ones it names, as the register defines them.
        public var added: BriefingModel
        public var registerFile: String
        /// New entries of the register.
        public var registered: [Entity]
        /// Spellings added to entries the register held.
        public var newAliases: [AliasProposal]
        /// Drafted items left out, with the reason: refused by the validator, or names
        /// another model defines for itself.
        public var dropped: [Diagnostic]
        public var merged: Bool
    }

    public init() {}

    /// Drafts `seed` (a path relative to `root` or absolute, `.txt` or `.md`) into the model
    /// beside it, and the register beside it (`entities.yml`). Without `merge` an existing
    /// model is never touched. On any error nothing is written.
    public func run(seed: String, root: URL, merge: Bool) throws(BuildFailure) -> Outcome {
        let folder = URL(fileURLWithPath: root.path, isDirectory: true)
        let seedURL = URL(fileURLWithPath: seed, isDirectory: false, relativeTo: folder).standardizedFileURL
        let format: EssayReader.Format
        switch seedURL.pathExtension.lowercased() {
        case "txt": format = .scrapedText
        case "md": format = .markdown
        default: throw BuildFailure([Diagnostic(file: seed, "expected a seed ending in .txt (scraped text) or .md (Markdown)")])
        }
        if seedURL.deletingPathExtension().lastPathComponent == SourceTree.registerStem {
            throw BuildFailure([Diagnostic(file: seed, "\(EntityRegister.fileName) beside it is the register of entities, so no seed may be called '\(SourceTree.registerStem)'; rename it")])
        }
        let modelURL = seedURL.deletingPathExtension().appendingPathExtension("yml")
        let modelFile = String(seed.dropLast(seedURL.pathExtension.count)) + "yml"
        let seedFolder = (seed as NSString).deletingLastPathComponent
        let registerURL = modelURL.deletingLastPathComponent().appendingPathComponent(EntityRegister.fileName)
        let registerFile = seedFolder.isEmpty ? EntityRegister.fileName : "\(seedFolder)/\(EntityRegister.fileName)"
        let data: Data
        do {
            data = try FileBytes.read(seedURL.path, shownAs: seed)
        } catch {
            throw BuildFailure([error])
        }
        let essay = try EssayReader.read(data, file: seed, format: format)
        let existingText = FileManager.default.fileExists(atPath: modelURL.path) ? try Self.readText(modelURL, shownAs: modelFile) : nil
        if existingText != nil, !merge {
            throw BuildFailure([Diagnostic(file: modelFile, "already exists, so draft leaves it alone; `briefing draft --merge \(seed)` adds only what it lacks")])
        }
        let registerText = FileManager.default.fileExists(atPath: registerURL.path) ? try Self.readText(registerURL, shownAs: registerFile) : nil
        let register = try Self.register(registerText.map { TextFile(path: registerFile, text: $0) }, file: registerFile)
        let existing = try existingText.flatMap { text throws(BuildFailure) in
            try Self.checkedModel(TextFile(path: modelFile, text: text), for: essay, register: register)
        }

        let elsewhere = Self.definitionsOfOtherModels(in: modelURL.deletingLastPathComponent(), besides: modelURL, shownIn: seedFolder)
        var drafted = try ModelDrafter().draft(essay, file: modelFile, adding: existing, register: register, elsewhere: elsewhere, seed: seed)
        var refusedSoFar: [Diagnostic] = []
        var leftOutOfRegister: [Diagnostic] = []
        var text = ""
        var newRegisterText: String?
        // Each pass drops the items the validator refuses; a draft that still fails after a
        // few passes is a fault of the drafter, reported rather than written.
        var passes = 0
        while true {
            let edited = try Self.registerText(registerText, of: register, adding: &drafted)
            newRegisterText = edited.text
            leftOutOfRegister = edited.leftOut
            text = try existingText.map { existing throws(BuildFailure) in try DraftMerge.merged(existing, adding: drafted.model, file: modelFile) }
                ?? DraftYAML.document(drafted.model, seed: seed)
            let newRegister = try newRegisterText.map { text throws(BuildFailure) in
                try Self.register(TextFile(path: registerFile, text: text), file: registerFile)
            } ?? register
            let (written, refused) = Self.problems(of: TextFile(path: modelFile, text: text), for: essay, register: newRegister)
            if refused.isEmpty { break }
            let before = Self.count(drafted.model)
            drafted = Self.removing(refused, from: drafted, written: written)
            refusedSoFar += refused
            passes += 1
            guard Self.count(drafted.model) < before, passes < 4 else { throw BuildFailure(refused) }
        }
        let dropped = drafted.definedElsewhere + leftOutOfRegister + refusedSoFar
        if let newRegisterText {
            try AtomicFile.write(Data(newRegisterText.utf8), to: registerURL, mode: registerText == nil ? .create : .replace, shownAs: registerFile)
        }
        try AtomicFile.write(Data(text.utf8), to: modelURL, mode: existingText == nil ? .create : .replace, shownAs: modelFile)
        return Outcome(modelFile: modelFile, added: drafted.model, registerFile: registerFile, registered: drafted.newEntries,
                       newAliases: drafted.newAliases, dropped: dropped, merged: existingText != nil)
    }

    /// The register as loaded, or empty when there is none; one that does not load stops
    /// the draft, since entries cannot be added to it safely.
    private static func register(_ file: TextFile?, file path: String) throws(BuildFailure) -> EntityRegister {
        guard let file else { return EntityRegister(file: path) }
        let (register, diagnostics) = EntityRegisterLoader().load(file)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return register
    }

    /// The register's text with the draft's new entries after its last one and the draft's
    /// new spellings added to their entries (each then marked `review: true`); nil when
    /// the draft adds nothing to it. An entry that cannot be edited line by line keeps its
    /// aliases, the draft forgets them, and the reason is returned; a register whose list
    /// cannot take new entries stops the draft.
    private static func registerText(_ text: String?, of register: EntityRegister,
                                     adding draft: inout ModelDraft) throws(BuildFailure) -> (text: String?, leftOut: [Diagnostic]) {
        guard !draft.newEntries.isEmpty || !draft.newAliases.isEmpty else { return (nil, []) }
        var edited = try EntityListText(text ?? EntityRegister.newFileText, file: register.file)
        var leftOut: [Diagnostic] = []
        var applied: [AliasProposal] = []
        for proposal in draft.newAliases {
            guard let item = edited.definition(proposal.id), let entry = register.entity(proposal.id) else { continue }
            var attempt = edited
            do throws(BuildFailure) {
                try attempt.addAliases(proposal.aliases, to: item, name: entry.name)
                try attempt.markForReview(item)
                edited = attempt
                applied.append(proposal)
            } catch {
                leftOut += error.diagnostics.map { problem in
                    var problem = problem
                    let spellings = proposal.aliases.map { "\"\($0)\"" }.joined(separator: ", ")
                    problem.message = "the new spellings \(spellings) of entity '\(proposal.id)': \(problem.message)"
                    problem.severity = .warning
                    return problem
                }
                if let index = draft.model.entities.firstIndex(where: { $0.id == entry.id }) { draft.model.entities[index] = entry }
            }
        }
        draft.newAliases = applied
        try edited.append(draft.newEntries.map(DraftYAML.definition))
        return (draft.newEntries.isEmpty && applied.isEmpty ? nil : edited.text, leftOut)
    }

    /// The entities the other models beside the seed define themselves, first definition
    /// first, with their files; a model that does not load is passed over, since `check`
    /// reports it on its own.
    private static func definitionsOfOtherModels(in folder: URL, besides model: URL, shownIn seedFolder: String) -> [(file: String, entity: Entity)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) && !$0.hasPrefix(".")
            && $0 != model.lastPathComponent && $0 != EntityRegister.fileName }
            .flatMap { name -> [(file: String, entity: Entity)] in
                let file = seedFolder.isEmpty ? name : "\(seedFolder)/\(name)"
                guard let text = try? readText(folder.appendingPathComponent(name), shownAs: file) else { return [] }
                return ModelLoader().load(TextFile(path: file, text: text)).0.entities.map { (file, $0) }
            }
    }

    private static func readText(_ url: URL, shownAs file: String) throws(BuildFailure) -> String {
        do {
            return try SeedText.decode(FileBytes.read(url.path, shownAs: file), file: file)
        } catch {
            throw BuildFailure([error])
        }
    }

    /// The existing model, which must pass as `build` would before anything is added to
    /// it, with the places the validator found its quotes.
    private static func checkedModel(_ file: TextFile, for essay: Essay, register: EntityRegister) throws(BuildFailure) -> ValidatedModel? {
        let (model, diagnostics) = register.resolve(loaded: ModelLoader().load(file))
        return try Annotator().annotate(essay, model: model, modelDiagnostics: diagnostics).model
    }

    /// The model text as loaded, and the errors `build` would report for it.
    private static func problems(of file: TextFile, for essay: Essay, register: EntityRegister) -> (BriefingModel, [Diagnostic]) {
        let (model, diagnostics) = register.resolve(loaded: ModelLoader().load(file))
        do {
            _ = try Annotator().annotate(essay, model: model, modelDiagnostics: diagnostics)
            return (model, [])
        } catch {
            return (model, error.diagnostics.filter { $0.severity == .error })
        }
    }

    private static func count(_ model: BriefingModel) -> Int {
        model.entities.count + model.facts.count + model.events.count + model.crossReferences.count
    }

    /// `drafted` without the items whose lines in `loaded`, the model as written, the
    /// problems point into; an entity the model no longer names leaves the register's new
    /// entries and proposed spellings too.
    private static func removing(_ problems: [Diagnostic], from drafted: ModelDraft, written loaded: BriefingModel) -> ModelDraft {
        let lines = Set(problems.filter { $0.file == loaded.file }.compactMap(\.line))
        func owns(_ start: Int, _ next: Int?) -> Bool { lines.contains { $0 >= start && $0 < (next ?? Int.max) } }
        var starts: [(line: Int, id: String, kind: Int)] = loaded.entities.filter { !$0.registered }.map { ($0.position.line, $0.id, 0) }
            + loaded.entityReferences.map { ($0.position.line, $0.id, 0) }
            + loaded.facts.map { ($0.position.line, $0.id, 1) } + loaded.events.map { ($0.position.line, $0.id, 2) }
            + loaded.crossReferences.map { ($0.position.line, $0.id, 3) }
        starts.sort { $0.line < $1.line }
        var refused: [Set<String>] = Array(repeating: [], count: 4)
        for (index, item) in starts.enumerated() where owns(item.line, index + 1 < starts.count ? starts[index + 1].line : nil) {
            refused[item.kind].insert(item.id)
        }
        var draft = drafted
        draft.model.entities.removeAll { refused[0].contains($0.id) }
        draft.model.entityReferences.removeAll { refused[0].contains($0.id) }
        draft.newEntries.removeAll { refused[0].contains($0.id) }
        draft.newAliases.removeAll { refused[0].contains($0.id) }
        draft.model.facts.removeAll { refused[1].contains($0.id) }
        draft.model.events.removeAll { refused[2].contains($0.id) }
        draft.model.crossReferences.removeAll { refused[3].contains($0.id) }
        // References to what was dropped would fail next.
        let droppedEntities = refused[0]
        for index in draft.model.facts.indices { draft.model.facts[index].entities.removeAll(where: droppedEntities.contains) }
        for index in draft.model.events.indices {
            draft.model.events[index].entities.removeAll(where: droppedEntities.contains)
            draft.model.events[index].facts.removeAll(where: refused[1].contains)
        }
        draft.model.crossReferences.removeAll {
            if case let .entity(id) = $0.target { return droppedEntities.contains(id) }
            if case let .fact(id) = $0.target { return refused[1].contains(id) }
            return false
        }
        return draft
    }
}
