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
    /// Entity names by id, and the sentence stating each fact by fact id: looked up on
    /// every page that lists a fact, so worked out once.
    public var entityNames: [String: String] = [:]
    public var factSentences: [String: String] = [:]

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

    /// Replaces every marker by `render(factID)`. Works on UTF-8 bytes: Foundation's
    /// `range(of:)` on a page-sized string was a tenth of the build.
    public static func replace(in html: String, _ render: (String) throws(BuildFailure) -> String) throws(BuildFailure) -> String {
        let bytes = Array(html.utf8)
        let open = Array(prefix.utf8)
        let close = Array(suffix.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var index = 0
        var copied = 0
        while let start = firstIndex(of: open, in: bytes, from: index),
              let end = firstIndex(of: close, in: bytes, from: start + open.count) {
            output += bytes[copied..<start]
            let id = String(decoding: bytes[(start + open.count)..<end], as: UTF8.self)
            output += Array(try render(id).utf8)
            index = end + close.count
            copied = index
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
