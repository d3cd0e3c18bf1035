/// An essay after annotation: everything the pages of one briefing are made from.
public struct AnnotatedBriefing: Sendable {
    public var essay: Essay
    public var outline: EssayOutline
    /// The essay's body as HTML, with ids, permalinks and annotations in place.
    public var bodyHTML: String

    public var slug: String { essay.slug }
}
