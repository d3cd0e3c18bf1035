/// An essay after annotation: everything the pages of one briefing are made from.
public struct AnnotatedBriefing: Sendable {
    public var essay: Essay
    public var outline: EssayOutline
    /// The essay's body as HTML, with ids, permalinks and annotations in place, and a
    /// `FactBoxMarker` where each fact box goes.
    public var bodyHTML: String
    /// The validated model, if the essay has one.
    public var model: ValidatedModel?
    public var mentions: [EntityMention]
    /// Problems worth telling the editor that do not stop the build.
    public var warnings: [Diagnostic]

    public var slug: String { essay.slug }
    /// The model's date wins over the seed's: an editor sets it where the scrape had none.
    public var date: String? { model?.model.info.date?.description ?? essay.metadata.date }
}

/// Where a fact box goes in the body: an HTML comment no seed can produce, because raw
/// HTML from seeds is never rendered. The render stage replaces it with the template.
public enum FactBoxMarker {
    static let prefix = "<!--briefing:fact-box:"
    static let suffix = "-->"

    public static func marker(for factID: String) -> String { prefix + factID + suffix }

    /// Replaces every marker by `render(factID)`.
    public static func replace(in html: String, _ render: (String) throws(BuildFailure) -> String) throws(BuildFailure) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count * 2)
        var rest = html[...]
        while let start = rest.range(of: prefix), let end = rest[start.upperBound...].range(of: suffix) {
            output += rest[..<start.lowerBound]
            output += try render(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        output += rest
        return output
    }
}
