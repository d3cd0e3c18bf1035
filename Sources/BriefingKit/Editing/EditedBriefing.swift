import Foundation

/// A briefing as the page editor finds it on disk now: its essay, its model's text, the
/// site's register of entities, and the annotated briefing the build would make of them.
struct EditedBriefing {
    let files: BriefingFiles
    let essay: Essay
    /// The model file's text, nil when the briefing has none yet.
    let modelText: String?
    /// The register's text, nil when the site has none yet.
    let registerText: String?
    let annotated: AnnotatedBriefing

    static func load(from source: URL, _ files: BriefingFiles) throws(EditFailure) -> EditedBriefing {
        let essay: Essay
        let modelText: String?
        let registerText: String?
        do throws(BuildFailure) {
            let data = try Self.read(files.seed, in: source)
            essay = try EssayReader.read(data, file: files.seed, format: files.seed.lowercased().hasSuffix(".md") ? .markdown : .scrapedText)
            modelText = try Self.text(files.model, in: source)
            registerText = try Self.text(EntityRegister.path, in: source)
        } catch {
            throw EditFailure.invalid(error)
        }
        return EditedBriefing(files: files, essay: essay, modelText: modelText, registerText: registerText,
                              annotated: try annotate(essay, modelText: modelText, file: files.model, registerText: registerText,
                                                       remembered: QuoteAnchorStore(source: source).anchors(for: files.seed)))
    }

    /// The hash of the model as it is on disk now.
    var modelHash: String { BriefingFiles.hash(ofText: modelText) }
    /// And of the register.
    var registerHash: String { BriefingFiles.hash(ofText: registerText) }

    /// The register as it is on disk now.
    var register: EntityRegister {
        registerText.map { EntityRegisterLoader().load(TextFile(path: EntityRegister.path, text: $0)).0 } ?? EntityRegister()
    }

    /// What the build makes of the essay with the model `text` and the register, or the
    /// build's own messages about them, a broken quote re-anchored with what the last
    /// build `remembered` of where the quotes were.
    static func annotate(_ essay: Essay, modelText text: String?, file: String, registerText: String?,
                         remembered: [QuoteAnchor] = []) throws(EditFailure) -> AnnotatedBriefing {
        do throws(BuildFailure) {
            let annotator = Annotator(advisor: QuoteReanchor(remembered: remembered))
            guard let text else { return try annotator.annotate(essay) }
            var register = EntityRegister()
            if let registerText {
                let (loaded, diagnostics) = EntityRegisterLoader().load(TextFile(path: EntityRegister.path, text: registerText))
                let errors = diagnostics.filter { $0.severity == .error }
                guard errors.isEmpty else { throw BuildFailure(errors) }
                register = loaded
            }
            let (model, diagnostics) = register.resolve(loaded: ModelLoader().load(TextFile(path: file, text: text)))
            return try annotator.annotate(essay, model: model, modelDiagnostics: diagnostics)
        } catch {
            throw EditFailure.invalid(error)
        }
    }

    private static func text(_ path: String, in source: URL) throws(BuildFailure) -> String? {
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent(path).path) else { return nil }
        return String(decoding: try read(path, in: source), as: UTF8.self)
    }

    private static func read(_ path: String, in source: URL) throws(BuildFailure) -> Data {
        do {
            return try FileBytes.read(source.appendingPathComponent(path).path, shownAs: path)
        } catch {
            throw BuildFailure([error])
        }
    }
}
