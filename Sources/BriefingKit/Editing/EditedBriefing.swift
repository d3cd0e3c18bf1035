import Foundation

/// A briefing as the page editor finds it on disk now: its essay, its model's text and
/// the annotated briefing the build would make of them.
struct EditedBriefing {
    let files: BriefingFiles
    let essay: Essay
    /// The model file's text, nil when the briefing has none yet.
    let modelText: String?
    let annotated: AnnotatedBriefing

    static func load(from source: URL, _ files: BriefingFiles) throws(EditFailure) -> EditedBriefing {
        let essay: Essay
        let modelText: String?
        do throws(BuildFailure) {
            let data = try Self.read(files.seed, in: source)
            essay = try EssayReader.read(data, file: files.seed, format: files.seed.lowercased().hasSuffix(".md") ? .markdown : .scrapedText)
            let modelURL = source.appendingPathComponent(files.model)
            modelText = FileManager.default.fileExists(atPath: modelURL.path)
                ? String(decoding: try Self.read(files.model, in: source), as: UTF8.self) : nil
        } catch {
            throw EditFailure.invalid(error)
        }
        return EditedBriefing(files: files, essay: essay, modelText: modelText,
                              annotated: try annotate(essay, modelText: modelText, file: files.model))
    }

    /// The hash of the model as it is on disk now.
    var modelHash: String { modelText.map { BriefingFiles.hash(of: $0.utf8) } ?? "" }

    /// What the build makes of the essay with the model `text`, or the build's own
    /// messages about it.
    static func annotate(_ essay: Essay, modelText text: String?, file: String) throws(EditFailure) -> AnnotatedBriefing {
        do throws(BuildFailure) {
            let annotator = Annotator(advisor: QuoteReanchor())
            guard let text else { return try annotator.annotate(essay) }
            let (model, diagnostics) = ModelLoader().load(TextFile(path: file, text: text))
            return try annotator.annotate(essay, model: model, modelDiagnostics: diagnostics)
        } catch {
            throw EditFailure.invalid(error)
        }
    }

    private static func read(_ path: String, in source: URL) throws(BuildFailure) -> Data {
        do {
            return try FileBytes.read(source.appendingPathComponent(path).path, shownAs: path)
        } catch {
            throw BuildFailure([error])
        }
    }
}
