import Foundation

/// `briefing draft`: reads a seed, drafts its model (or what its model lacks), checks the
/// result as `briefing check` would, and writes the model file atomically.
public struct SeedDraft {
    /// What was drafted and written.
    public struct Outcome: Sendable {
        public var modelFile: String
        public var added: BriefingModel
        /// Drafted items left out because the validator would not take them, with its reason.
        public var dropped: [Diagnostic]
        public var merged: Bool
    }

    public init() {}

    /// Drafts `seed` (a path relative to `root` or absolute, `.txt` or `.md`) into the model
    /// beside it. Without `merge` an existing model is never touched.
    public func run(seed: String, root: URL, merge: Bool) throws(BuildFailure) -> Outcome {
        let folder = URL(fileURLWithPath: root.path, isDirectory: true)
        let seedURL = URL(fileURLWithPath: seed, isDirectory: false, relativeTo: folder).standardizedFileURL
        let format: EssayReader.Format
        switch seedURL.pathExtension.lowercased() {
        case "txt": format = .scrapedText
        case "md": format = .markdown
        default: throw BuildFailure([Diagnostic(file: seed, "expected a seed ending in .txt (scraped text) or .md (Markdown)")])
        }
        let modelURL = seedURL.deletingPathExtension().appendingPathExtension("yml")
        let modelFile = String(seed.dropLast(seedURL.pathExtension.count)) + "yml"
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
        let existing = try existingText.flatMap { text throws(BuildFailure) in try Self.checkedModel(TextFile(path: modelFile, text: text), for: essay) }

        let shared = Self.entitiesOfOtherModels(in: modelURL.deletingLastPathComponent(), besides: modelURL)
        var drafted = try ModelDrafter().draft(essay, file: modelFile, adding: existing, sharedEntities: shared)
        var dropped: [Diagnostic] = []
        var text = ""
        // Each pass drops the items the validator refuses; a draft that still fails after a
        // few passes is a fault of the drafter, reported rather than written.
        var passes = 0
        while true {
            text = try existingText.map { existing throws(BuildFailure) in try DraftMerge.merged(existing, adding: drafted, file: modelFile) }
                ?? DraftYAML.document(drafted, seed: seed)
            let (written, refused) = Self.problems(of: TextFile(path: modelFile, text: text), for: essay)
            if refused.isEmpty { break }
            let before = Self.count(drafted)
            drafted = Self.removing(refused, from: drafted, written: written)
            dropped += refused
            passes += 1
            guard Self.count(drafted) < before, passes < 4 else { throw BuildFailure(refused) }
        }
        try AtomicFile.write(Data(text.utf8), to: modelURL, mode: existingText == nil ? .create : .replace, shownAs: modelFile)
        return Outcome(modelFile: modelFile, added: drafted, dropped: dropped, merged: existingText != nil)
    }

    /// The entities the other models beside the seed define, first definition first; a
    /// model that does not load is passed over, since `check` reports it on its own.
    private static func entitiesOfOtherModels(in folder: URL, besides model: URL) -> [Entity] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { ($0.hasSuffix(".yml") || $0.hasSuffix(".yaml")) && !$0.hasPrefix(".") && $0 != model.lastPathComponent }
            .flatMap { name -> [Entity] in
                guard let text = try? readText(folder.appendingPathComponent(name), shownAs: name) else { return [] }
                return ModelLoader().load(TextFile(path: name, text: text)).0.entities
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
    private static func checkedModel(_ file: TextFile, for essay: Essay) throws(BuildFailure) -> ValidatedModel? {
        let (model, diagnostics) = ModelLoader().load(file)
        return try Annotator().annotate(essay, model: model, modelDiagnostics: diagnostics).model
    }

    /// The model text as loaded, and the errors `build` would report for it.
    private static func problems(of file: TextFile, for essay: Essay) -> (BriefingModel, [Diagnostic]) {
        let (model, diagnostics) = ModelLoader().load(file)
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
    /// problems point into.
    private static func removing(_ problems: [Diagnostic], from drafted: BriefingModel, written loaded: BriefingModel) -> BriefingModel {
        let lines = Set(problems.compactMap(\.line))
        func owns(_ start: Int, _ next: Int?) -> Bool { lines.contains { $0 >= start && $0 < (next ?? Int.max) } }
        var starts: [(line: Int, id: String, kind: Int)] = loaded.entities.map { ($0.position.line, $0.id, 0) }
            + loaded.facts.map { ($0.position.line, $0.id, 1) } + loaded.events.map { ($0.position.line, $0.id, 2) }
            + loaded.crossReferences.map { ($0.position.line, $0.id, 3) }
        starts.sort { $0.line < $1.line }
        var refused: [Set<String>] = Array(repeating: [], count: 4)
        for (index, item) in starts.enumerated() where owns(item.line, index + 1 < starts.count ? starts[index + 1].line : nil) {
            refused[item.kind].insert(item.id)
        }
        var model = drafted
        model.entities.removeAll { refused[0].contains($0.id) }
        model.facts.removeAll { refused[1].contains($0.id) }
        model.events.removeAll { refused[2].contains($0.id) }
        model.crossReferences.removeAll { refused[3].contains($0.id) }
        // References to what was dropped would fail next.
        let droppedEntities = refused[0]
        for index in model.facts.indices { model.facts[index].entities.removeAll(where: droppedEntities.contains) }
        for index in model.events.indices {
            model.events[index].entities.removeAll(where: droppedEntities.contains)
            model.events[index].facts.removeAll(where: refused[1].contains)
        }
        model.crossReferences.removeAll {
            if case let .entity(id) = $0.target { return droppedEntities.contains(id) }
            if case let .fact(id) = $0.target { return refused[1].contains(id) }
            return false
        }
        return model
    }
}
