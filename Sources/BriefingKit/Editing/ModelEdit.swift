/// One change to a model file's text: the new text, with every byte not part of the
/// change as it was.
struct ModelEdit {
    let request: EditRequest
    let briefing: EditedBriefing

    init(_ request: EditRequest, briefing: EditedBriefing) {
        self.request = request
        self.briefing = briefing
    }

    func newText() throws(EditFailure) -> String {
        let text = briefing.modelText ?? ""
        let file = briefing.files.model
        switch request.action {
        case .add:
            guard let item = request.item else { throw EditFailure(.invalid, "an item to add is missing") }
            guard let section = EditItem.section(of: request.kind) else {
                throw EditFailure(.invalid, "adding an alias is not supported yet")
            }
            let model = try item.model(as: request.kind, file: file)
            do throws(BuildFailure) {
                return try DraftMerge.merged(text, file: file) { target, indent in
                    target == section ? DraftYAML.items(section, of: model, indent: indent) : []
                }
            } catch {
                throw EditFailure.invalid(error)
            }
        case .update, .remove, .accept, .dismiss:
            throw EditFailure(.invalid, "\(request.action.rawValue) is not supported yet")
        }
    }
}
