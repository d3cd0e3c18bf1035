/// Keys that occur more than once in one mapping.
///
/// Two keys are the same when they have the same tag and the same content: text as Swift
/// compares strings (canonically equivalent text is equal), lists and mappings item by
/// item. How and where a key is written does not count, so `a` and `"a"` are the same key.
enum YAMLDuplicateKeys {
    /// Below this many keys, comparing every pair is cheaper than hashing them.
    private static let pairwiseLimit = 16

    /// The first of each key that occurs more than once, sorted as messages list them:
    /// text by text, lists and mappings item by item; keys of different kinds keep the
    /// order they are written in.
    static func find(in pairs: [YAMLNode.Pair]) -> [YAMLNode] {
        guard pairs.count > 1, hasDuplicate(pairs) else { return [] }
        var counts: [Key: Int] = [:]
        var firsts: [Key] = []
        for pair in pairs {
            let key = Key(node: pair.key)
            if let count = counts[key] {
                counts[key] = count + 1
            } else {
                counts[key] = 1
                firsts.append(key)
            }
        }
        return firsts.filter { counts[$0, default: 0] > 1 }.map(\.node).sorted(by: precedes)
    }

    /// A key as messages show it: its text, or for a mapping the text of its `!!value`
    /// entry; keys without text are shown with the placeholder Briefing's messages have
    /// always shown, its misspelling kept so that the messages stay as they were.
    static func text(_ key: YAMLNode) -> String {
        string(of: key) ?? "<uncovertable>"
    }

    private static let valueTag = "tag:yaml.org,2002:value"

    private static func string(of node: YAMLNode) -> String? {
        switch node.content {
        case let .scalar(scalar): scalar.string
        case let .mapping(pairs): pairs.first { $0.key.tag == valueTag }.flatMap { string(of: $0.value) }
        case .sequence: nil
        }
    }

    private static func hasDuplicate(_ pairs: [YAMLNode.Pair]) -> Bool {
        if pairs.count <= pairwiseLimit {
            for later in pairs.indices.dropFirst() {
                for earlier in pairs.indices[..<later] where same(pairs[earlier].key, pairs[later].key) { return true }
            }
            return false
        }
        var seen = Set<Key>(minimumCapacity: pairs.count)
        return pairs.contains { !seen.insert(Key(node: $0.key)).inserted }
    }

    static func same(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        guard lhs.tag == rhs.tag else { return false }
        switch (lhs.content, rhs.content) {
        case let (.scalar(left), .scalar(right)):
            return left.string == right.string
        case let (.sequence(left), .sequence(right)):
            return left.count == right.count && zip(left, right).allSatisfy(same)
        case let (.mapping(left), .mapping(right)):
            return left.count == right.count && zip(left, right).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }

    /// Text before text by its characters, lists and mappings by their items (mappings by
    /// their keys alone), shorter first where one begins the other; different kinds are
    /// not ordered.
    static func precedes(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        switch (lhs.content, rhs.content) {
        case let (.scalar(left), .scalar(right)):
            left.string < right.string
        case let (.sequence(left), .sequence(right)):
            left.lexicographicallyPrecedes(right, by: precedes)
        case let (.mapping(left), .mapping(right)):
            left.lazy.map(\.key).lexicographicallyPrecedes(right.lazy.map(\.key), by: precedes)
        default:
            false
        }
    }

    /// A node hashed and compared as a key.
    private struct Key: Hashable {
        var node: YAMLNode

        static func == (lhs: Key, rhs: Key) -> Bool { same(lhs.node, rhs.node) }

        func hash(into hasher: inout Hasher) { Self.hash(node, into: &hasher) }

        private static func hash(_ node: YAMLNode, into hasher: inout Hasher) {
            hasher.combine(node.tag)
            switch node.content {
            case let .scalar(scalar):
                hasher.combine(0)
                hasher.combine(scalar.string)
            case let .sequence(nodes):
                hasher.combine(1)
                hasher.combine(nodes.count)
                for item in nodes { hash(item, into: &hasher) }
            case let .mapping(pairs):
                hasher.combine(2)
                hasher.combine(pairs.count)
                for pair in pairs {
                    hash(pair.key, into: &hasher)
                    hash(pair.value, into: &hasher)
                }
            }
        }
    }
}
