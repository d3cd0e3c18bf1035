/// An essay after annotation: everything the pages of one briefing are made from.
public struct AnnotatedBriefing: Sendable {
    public var essay: Essay
    /// Fixed once made: `wordCount` is counted from it.
    public let outline: EssayOutline
    /// The essay's body as HTML, with ids, permalinks and annotations in place, and a
    /// `FactBoxMarker` where each fact box goes.
    public var bodyHTML: String
    /// The validated model, if the essay has one.
    public var model: ValidatedModel?
    public var mentions: [EntityMention]
    /// Problems worth telling the editor that do not stop the build.
    public var warnings: [Diagnostic]
    /// Entity names by id, and the sentence stating each fact by fact id: looked up on
    /// every page that lists a fact, so worked out once.
    public var entityNames: [String: String] = [:]
    public var factSentences: [String: String] = [:]
    /// The words of the essay's paragraphs, counted once: the listing of every briefing
    /// and its own page both show a reading time.
    public let wordCount: Int

    init(essay: Essay, outline: EssayOutline, bodyHTML: String, model: ValidatedModel?, mentions: [EntityMention],
         warnings: [Diagnostic]) {
        self.essay = essay
        self.outline = outline
        self.bodyHTML = bodyHTML
        self.model = model
        self.mentions = mentions
        self.warnings = warnings
        wordCount = outline.countWords()
    }

    public var slug: String { essay.slug }
    /// The model's date wins over the seed's: an editor sets it where the scrape had none.
    public var date: String? { model?.model.info.date?.description ?? essay.metadata.date }
}
