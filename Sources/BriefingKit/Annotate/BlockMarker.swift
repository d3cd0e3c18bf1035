/// Where a block that the render stage makes (a fact box, a chart) goes in the body: an
/// HTML comment no seed can produce, because raw HTML from seeds is never rendered.
public enum BlockMarker: Sendable, Equatable {
    case factBox(String)
    case chart(String)

    static let prefix = "<!--briefing:"
    static let suffix = "-->"

    public var html: String {
        switch self {
        case let .factBox(id): Self.prefix + "fact-box:" + id + Self.suffix
        case let .chart(group): Self.prefix + "chart:" + group + Self.suffix
        }
    }

    init?(_ body: String) {
        let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "fact-box": self = .factBox(parts[1])
        case "chart": self = .chart(parts[1])
        default: return nil
        }
    }

    /// Replaces every marker by `render(marker)`, on UTF-8 bytes: Foundation's
    /// `range(of:)` on a page-sized string was a tenth of the build.
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
