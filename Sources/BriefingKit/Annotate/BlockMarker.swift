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

    /// Replaces every marker by `render(marker)`, on UTF-8 bytes: Foundation's
    /// `range(of:)` on a page-sized string costs far more.
    public static func replace(in html: String, _ render: (BlockMarker) throws(BuildFailure) -> String) throws(BuildFailure) -> String {
        let bytes = Array(html.utf8)
        let open = Array(prefix.utf8)
        let close = Array(suffix.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var copied = 0
        while let start = ByteSearch.firstIndex(of: open, in: bytes, from: copied),
              let end = ByteSearch.firstIndex(of: close, in: bytes, from: start + open.count) {
            output += bytes[copied..<start]
            if let marker = BlockMarker(String(decoding: bytes[(start + open.count)..<end], as: UTF8.self)) {
                output += Array(try render(marker).utf8)
            }
            copied = end + close.count
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }
}
