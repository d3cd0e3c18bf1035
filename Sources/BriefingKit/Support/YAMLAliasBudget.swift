// Reads libyaml's events: the composer hands each one over as it reads it.
import CYAML

/// Stops a document that grows through aliases before it is composed.
///
/// Each alias stands for the whole node it names, so a few lines of anchors can name
/// billions of nodes. Composing them is cheap, by sharing, but mapping keys are compared
/// in full: an alias to a large node used as a key takes time exponential in the text.
/// No model needs more than a few thousand nodes from aliases.
///
/// It counts every event of the stream, including documents after the first and events
/// after a problem that only the composer sees, so that the budget is enforced whatever
/// else is wrong with the text.
struct YAMLAliasBudget {
    /// How many nodes all aliases of a document may add up to.
    static let limit = 100_000

    private(set) var aliasedNodes = 0
    private var sizes: [String: Int] = [:]
    /// The collections being read, innermost last: their anchors and sizes so far.
    private var open: [(anchor: String?, size: Int)] = []

    var isExceeded: Bool { aliasedNodes > Self.limit }

    mutating func count(_ event: yaml_event_t) {
        switch event.type {
        case YAML_SCALAR_EVENT:
            close(anchor: YAMLEvent.name(event.data.scalar.anchor), size: 1)
        case YAML_SEQUENCE_START_EVENT:
            open.append((YAMLEvent.name(event.data.sequence_start.anchor), 1))
        case YAML_MAPPING_START_EVENT:
            open.append((YAMLEvent.name(event.data.mapping_start.anchor), 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            if let collection = open.popLast() { close(anchor: collection.anchor, size: collection.size) }
        case YAML_ALIAS_EVENT:
            let size = YAMLEvent.name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
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
}
