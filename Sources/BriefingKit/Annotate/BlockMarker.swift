/// Where a block that the render stage makes (a paragraph's fact boxes, a chart) goes in
/// the body: an HTML comment no seed can produce, because raw HTML from seeds is never
/// rendered.
public enum BlockMarker: Sendable, Equatable {
    /// The boxes of one paragraph's facts, in the order the text states them. Together,
    /// so that they hang in the margin as one note, however many there are.
    case factBoxes([String])
    case chart(String)

    static let prefix = "<!--briefing:"
    static let suffix = "-->"

    public var html: String {
        switch self {
        case let .factBoxes(ids): Self.prefix + "fact-boxes:" + ids.joined(separator: ",") + Self.suffix
        case let .chart(group): Self.prefix + "chart:" + group + Self.suffix
        }
    }

    init?(_ body: String) {
        let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "fact-boxes": self = .factBoxes(parts[1].split(separator: ",").map(String.init))
        case "chart": self = .chart(parts[1])
        default: return nil
        }
    }

    /// Replaces every marker by `render(marker)`. Markers are found on UTF-8 bytes:
    /// Foundation's `range(of:)` on a page-sized string costs far more. The page is put
    /// together from slices of the body and the rendered blocks, both already text: made
    /// from bytes, the whole page would be checked for valid UTF-8 once more.
    public static func replace(in html: String, _ render: (BlockMarker) throws(BuildFailure) -> String) throws(BuildFailure) -> String {
        let bytes = Array(html.utf8)
        let open = Array(prefix.utf8)
        let close = Array(suffix.utf8)
        // Offsets here are at ASCII bytes, so on character boundaries.
        func index(_ offset: Int) -> String.Index { html.utf8.index(html.utf8.startIndex, offsetBy: offset) }
        var output = ""
        output.reserveCapacity(bytes.count * 2)
        var copied = 0
        while let start = ByteSearch.firstIndex(of: open, in: bytes, from: copied),
              let end = ByteSearch.firstIndex(of: close, in: bytes, from: start + open.count) {
            output += html[index(copied)..<index(start)]
            if let marker = BlockMarker(String(html[index(start + open.count)..<index(end)])) {
                output += try render(marker)
            }
            copied = end + close.count
        }
        output += html[index(copied)...]
        return output
    }
}
