import Foundation

/// The page editor's side in the library: what a page needs to edit its briefing's model,
/// and the edits themselves, checked by the same loader and validator as `build` and
/// written atomically, changing no byte but the item's. One edit at a time, each against
/// the model as it is on disk.
public actor BriefingEditor {
    private let source: URL

    public init(source: URL) {
        self.source = source
    }

    /// The briefing's model and what the forms offer, as JSON.
    public func context(_ files: BriefingFiles) throws(EditFailure) -> Data {
        EditContext(try EditedBriefing.load(from: source, files)).json()
    }

    /// What the form for the words `text` selected in paragraph `paragraphID` starts with, as JSON.
    public func suggest(_ files: BriefingFiles, paragraphID: String, text: String) throws(EditFailure) -> Data {
        try SelectionSuggestion(try EditedBriefing.load(from: source, files), paragraphID: paragraphID, selection: text).json()
    }

    /// Re-anchors the broken quotes of every model (`only`: the one named so, `fact 'x'`)
    /// as `check --fix` does; returns what changed and what is left, as JSON.
    public func repairQuotes(only: String?) throws(EditFailure) -> Data {
        let report: QuoteRepair.Report
        do throws(BuildFailure) {
            report = try QuoteRepair.repair(source: source, only: only)
        } catch {
            throw EditFailure.invalid(error)
        }
        return JSONObject.data(["ok": true, "changed": report.changes.map(\.description), "left": report.left.map(\.description)])
    }

    /// Makes `request`'s change; returns the file written and the model's new hash, as JSON.
    public func apply(_ request: EditRequest, _ files: BriefingFiles) throws(EditFailure) -> Data {
        let briefing = try EditedBriefing.load(from: source, files)
        guard briefing.modelHash == request.modelHash else { throw EditFailure.stale }
        let writes = try ModelEdit(request, briefing: briefing).writes()
        // Another briefing's page, or an editor, may have changed the register since: an
        // edit of it made from this page would undo that change.
        if writes.register != nil, request.registerHash != briefing.registerHash { throw EditFailure.staleRegister }
        let model = writes.model ?? briefing.modelText
        // The model and the register are checked together, as the build reads them, before either is written.
        _ = try EditedBriefing.annotate(briefing.essay, modelText: model, file: files.model, registerText: writes.register ?? briefing.registerText)
        var written: [String] = []
        do throws(BuildFailure) {
            if let register = writes.register {
                try AtomicFile.write(Data(register.utf8), to: source.appendingPathComponent(EntityRegister.path),
                                     mode: briefing.registerText == nil ? .create : .replace, shownAs: EntityRegister.path)
                written.append(EntityRegister.path)
            }
            if let text = writes.model {
                try AtomicFile.write(Data(text.utf8), to: source.appendingPathComponent(files.model),
                                     mode: briefing.modelText == nil ? .create : .replace, shownAs: files.model)
                written.append(files.model)
            }
        } catch {
            throw EditFailure.invalid(error)
        }
        return JSONObject.data(["ok": true, "file": written.last ?? files.model, "files": written,
                                "modelHash": BriefingFiles.hash(ofText: model),
                                "registerHash": BriefingFiles.hash(ofText: writes.register ?? briefing.registerText)])
    }
}
