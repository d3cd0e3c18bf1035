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
    /// Entities live in the site's `register`: the model names each by id. A name the
    /// register knows takes its entry's id, a name it does not know becomes a new entry, and
    /// no new entry takes an id the register or another model (`elsewhere`) has given.
    public func draft(_ essay: Essay, file: String, adding existing: ValidatedModel? = nil,
                      register: EntityRegister = EntityRegister(), elsewhere: [(file: String, entity: Entity)] = [],
                      seed: String = "") throws(BuildFailure) -> ModelDraft {
        // Parsed as the annotator parses it, so that paragraphs, their text and their runs
        // of plain text are the ones the build will wrap quotes in.
        let document = EssayAnchoring.document(of: essay)
        document.consolidateTextNodes()
        let outline = EssayAnchoring().outline(of: document)
        let runs = document.readingParagraphs.map { paragraph in
            paragraph.textRuns().map { $0.offset..<$0.offset + $0.length }
        }
        var context = DraftContext(outline: outline, runs: runs, existing: existing, register: register, elsewhere: elsewhere)
        var model = BriefingModel(file: file)
        let entities = context.draftEntities(seed: seed.isEmpty ? essay.file : seed)
        model.entities = entities.named
        model.entityReferences = entities.references.map { EntityReference(id: $0, position: DraftContext.unwritten) }
        model.facts = context.draftFacts()
        // Events and cross-references an editor has begun are theirs to extend: a merge adds
        // only figures and names, which can be matched against what the model has.
        if existing == nil {
            model.events = context.draftEvents(facts: model.facts)
            model.crossReferences = context.draftCrossReferences()
        }
        return ModelDraft(model: model, newEntries: entities.newEntries, newAliases: entities.newAliases,
                          definedElsewhere: entities.definedElsewhere)
    }
}

/// A drafted model and what it adds to the site's register.
public struct ModelDraft: Sendable {
    /// What the model gains: the ids it names (`entityReferences`) with those entities as
    /// the register will define them (`entities`, all `registered`), and its facts, events
    /// and cross-references.
    public var model: BriefingModel
    /// New register entries, each `review: true`.
    public var newEntries: [Entity]
    /// Spellings for entries the register holds, which then need review again.
    public var newAliases: [AliasProposal]
    /// Names left out because another model defines them for itself, each at that definition.
    public var definedElsewhere: [Diagnostic]
}
