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

    /// Replaces every marker by `render(marker)`. Works on UTF-8 bytes: Foundation's
    /// `range(of:)` on a page-sized string was a tenth of the build.
    public static func replace(in html: String, _ render: (BlockMarker) throws(BuildFailure) -> String) throws(BuildFailure) -> String {
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
            if let marker = BlockMarker(String(decoding: bytes[(start + open.count)..<end], as: UTF8.self)) {
                output += Array(try render(marker).utf8)
            }
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
