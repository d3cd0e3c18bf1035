// libyaml is the C parser inside Yams; its events are the only way to see aliases before
// Yams composes a document, and composing is where the harm is done.
import CYaml

/// Stops a document that grows through aliases before Yams composes it.
///
/// Each alias stands for the whole node it names, so a few lines of anchors can name
/// billions of nodes. Yams composes them cheaply, by sharing, but compares mapping keys
/// in full: an alias to a large node used as a key takes time exponential in the text.
/// No model needs more than a few thousand nodes from aliases.
enum YAMLAliasBudget {
    /// How many nodes all aliases of a document may add up to.
    static let limit = 100_000

    /// The 1-based line and column of the alias that takes the document over `limit`,
    /// or nil when it stays within it. Syntax errors are left to the composer to report.
    static func aliasOverBudget(in text: String) -> (line: Int, column: Int)? {
        // An alias is written with an asterisk.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = NodeCounter()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                counter.count(event)
                if counter.aliasedNodes > limit {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
            }
            return nil
        }
    }

    /// Sizes of anchored nodes, and what aliases to them have added so far.
    private struct NodeCounter {
        var aliasedNodes = 0
        private var sizes: [String: Int] = [:]
        /// The collections being read, innermost last: their anchors and sizes so far.
        private var open: [(anchor: String?, size: Int)] = []

        mutating func count(_ event: yaml_event_t) {
            switch event.type {
            case YAML_SCALAR_EVENT:
                close(anchor: Self.name(event.data.scalar.anchor), size: 1)
            case YAML_SEQUENCE_START_EVENT:
                open.append((Self.name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((Self.name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let collection = open.popLast() { close(anchor: collection.anchor, size: collection.size) }
            case YAML_ALIAS_EVENT:
                let size = Self.name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                aliasedNodes += size
                close(anchor: nil, size: size)
            default:
                break
            }
        }

        /// Adds a finished node to the collection that holds it.
        private mutating func close(anchor: String?, size: Int) {
            if let anchor { sizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }

        private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
    }
}
