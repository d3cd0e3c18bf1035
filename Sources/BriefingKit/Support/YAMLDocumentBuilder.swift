// Builds nodes from libyaml's events.
import CYAML

/// Turns the events of a YAML stream into the nodes of its first document; records the
/// first problem it meets and ignores the events after it.
struct YAMLDocumentBuilder {
    private(set) var root: YAMLNode?
    private(set) var problem: YAMLProblem?
    private var documents = 0
    /// Nodes by anchor; a later anchor of the same name replaces an earlier one.
    private var anchors: [String: YAMLNode] = [:]
    /// The collections being read, innermost last.
    private var open: [Collection] = []

    private struct Collection {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        var line: Int
        var column: Int
        /// For a mapping, keys and values taking turns.
        var children: [YAMLNode] = []
    }

    /// How many collections may be open at once. libyaml 0.2.5 sets no limit, but the
    /// nodes are compared and released recursively, so a text of a million `[` would
    /// overflow the stack; no model or front matter nests more than a few levels.
    static let nestingLimit = 1_000

    static let stringTag = "tag:yaml.org,2002:str"
    static let sequenceTag = "tag:yaml.org,2002:seq"
    static let mappingTag = "tag:yaml.org,2002:map"

    mutating func add(_ event: yaml_event_t) {
        guard problem == nil else { return }
        let start = YAMLEvent.start(of: event)
        let opens = event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT
        if opens, open.count >= Self.nestingLimit {
            problem = .syntax(problem: "found more than \(Self.nestingLimit) lists and mappings inside one another",
                              context: nil, line: start.line, column: start.column)
            return
        }
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                problem = .syntax(problem: "but found another document", context: "expected a single document in the stream",
                                  line: start.line, column: start.column)
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            // A quoted scalar without a tag is text, as a plain one is to a reader that
            // resolves no types.
            let tag = data.quoted_implicit == 1 ? nil : YAMLEvent.name(data.tag)
            let scalar = YAMLNode.Scalar(string: string, style: YAMLNode.Style(rawValue: data.style.rawValue) ?? .any)
            finish(YAMLNode(content: .scalar(scalar), tag: Self.explicit(tag, default: Self.stringTag),
                            line: start.line, column: start.column), anchor: YAMLEvent.name(data.anchor))
        case YAML_ALIAS_EVENT:
            guard let name = YAMLEvent.name(event.data.alias.anchor), let node = anchors[name] else {
                problem = .syntax(problem: "found undefined alias", context: nil, line: start.line, column: start.column)
                return
            }
            attach(node)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            open.append(Collection(isMapping: false, tag: data.implicit == 0 ? YAMLEvent.name(data.tag) : nil,
                                   anchor: YAMLEvent.name(data.anchor), line: start.line, column: start.column))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            open.append(Collection(isMapping: true, tag: data.implicit == 0 ? YAMLEvent.name(data.tag) : nil,
                                   anchor: YAMLEvent.name(data.anchor), line: start.line, column: start.column))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            if let collection = open.popLast() { close(collection) }
        default:
            break
        }
    }

    private mutating func close(_ collection: Collection) {
        let content: YAMLNode.Content
        let defaultTag: String
        if collection.isMapping {
            let children = collection.children
            let pairs = stride(from: 0, to: children.count - 1, by: 2).map { YAMLNode.Pair(key: children[$0], value: children[$0 + 1]) }
            let duplicates = YAMLDuplicateKeys.find(in: pairs)
            if let first = duplicates.first {
                problem = .duplicateKeys(duplicates.map(YAMLDuplicateKeys.text), line: first.line, column: first.column)
                return
            }
            content = .mapping(pairs)
            defaultTag = Self.mappingTag
        } else {
            content = .sequence(collection.children)
            defaultTag = Self.sequenceTag
        }
        finish(YAMLNode(content: content, tag: Self.explicit(collection.tag, default: defaultTag),
                        line: collection.line, column: collection.column), anchor: collection.anchor)
    }

    private mutating func finish(_ node: YAMLNode, anchor: String?) {
        if let anchor { anchors[anchor] = node }
        attach(node)
    }

    private mutating func attach(_ node: YAMLNode) {
        if open.isEmpty {
            root = node
        } else {
            open[open.count - 1].children.append(node)
        }
    }

    /// A written tag, or nil where it leaves the node its kind's default: `!!str a`, `! a`
    /// and `a` are the same key.
    private static func explicit(_ tag: String?, default: String) -> String? {
        guard let tag, !tag.isEmpty, tag != "!", tag != `default` else { return nil }
        return tag
    }
}
