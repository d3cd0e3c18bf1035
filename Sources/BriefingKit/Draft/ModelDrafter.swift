/// Drafts a starting model for an essay: an entity per name, a fact per figure, an event
/// per dated sentence and a cross-reference per phrase that points elsewhere in the text,
/// each marked `review: true`. Every quote is the shortest run of whole words around its
/// place that occurs once in the essay, and fact quotes never overlap, so the draft passes
/// the validator as it stands.
public struct ModelDrafter {
    public init() {}

    /// A drafted model for `essay`, to be written to `file`. With `existing`, only what it
    /// lacks: facts for figures none of its facts covers and entities for names none of its
    /// aliases matches, with ids that do not clash with its own.
    ///
    /// `sharedEntities` are the entities the site's other models define: an entity id names
    /// one page for the whole site, so a name they already have takes their definition as
    /// it stands, and a new name never takes one of their ids.
    public func draft(_ essay: Essay, file: String, adding existing: ValidatedModel? = nil,
                      sharedEntities: [Entity] = []) throws(BuildFailure) -> BriefingModel {
        // Parsed as the annotator parses it, so that paragraphs, their text and their runs
        // of plain text are the ones the build will wrap quotes in.
        let document = MarkdownDocument(markdown: EssayMarkdown.body(of: essay))
        document.consolidateTextNodes()
        let outline = EssayAnchoring().outline(of: document)
        let runs = document.document.children.filter { $0.kind == .paragraph }.map { paragraph in
            paragraph.textRuns().map { $0.offset..<$0.offset + $0.length }
        }
        var context = DraftContext(outline: outline, runs: runs, existing: existing, shared: sharedEntities)
        var model = BriefingModel(file: file)
        model.entities = context.draftEntities()
        model.facts = context.draftFacts()
        // Events and cross-references an editor has begun are theirs to extend: a merge adds
        // only figures and names, which can be matched against what the model has.
        if existing == nil {
            model.events = context.draftEvents(facts: model.facts)
            model.crossReferences = context.draftCrossReferences()
        }
        return model
    }
}
