// Reads where each item of one top-level list sits, from libyaml's event marks.
import CYAML

/// Where the list under one top-level key of a YAML mapping sits in its text, item by
/// item, and where the keys of each item that is a mapping sit: enough to cut an item
/// out, copy it, or add to it without touching a byte around it. Lines and columns are
/// 0-based; columns count Unicode scalars, as libyaml does.
struct YAMLListLayout {
    struct Mark: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    enum List: Equatable, Sendable {
        /// The key is not in the mapping.
        case missing
        /// `key:` followed by nothing.
        case empty(keyLine: Int, keyColumn: Int)
        /// `- ` items, each dash at `indent` columns, the last ending on `lastLine`.
        case block(indent: Int, lastLine: Int)
        /// `[a, b]`, a mapping or text, which cannot be edited item by item.
        case other(keyLine: Int, keyColumn: Int)
    }

    struct Item: Sendable {
        /// Where the item's content starts, just after its dash.
        var start: Mark
        var lastLine: Int
        /// The text of an item that is one scalar (`- russia`).
        var scalar: String?
        /// The column of a mapping item's keys.
        var keyColumn: Int?
        /// Written `{id: a, name: A}`: nothing can be added to it line by line.
        var isFlow = false
        /// A mapping item's keys, in order, with their values.
        var fields: [Field] = []

        func field(_ key: String) -> Field? { fields.first { $0.key == key } }
    }

    struct Field: Sendable {
        var key: String
        var value: Value
    }

    enum Value: Sendable {
        case scalar(String, start: Mark, end: Mark)
        /// `[a, b]`: where it opens and closes (after the bracket), and where its last
        /// item ends, if it has one.
        case flowList(start: Mark, end: Mark, lastItemEnd: Mark?)
        case blockList(indent: Int, lastLine: Int)
        case mapping
    }

    private(set) var list: List = .missing
    private(set) var items: [Item] = []

    /// The layout of the list under `key` in `text`; nil when the text is not YAML, or its
    /// document is something other than a mapping.
    init?(_ text: String, key: String) {
        var reader = Reader(key: key)
        guard YAMLEvent.read(text, { reader.add($0) }) == nil, !reader.isNoMapping else { return nil }
        list = reader.list
        items = reader.items
    }

    /// Follows the events: depth 1 is the top mapping, 2 the list, 3 an item's keys.
    private struct Reader {
        let key: String
        var list: List = .missing
        var items: [Item] = []
        var isNoMapping = false
        private var depth = 0
        private var expectingKey = true
        private var currentKey: (text: String, mark: Mark)?
        private var inList = false
        private var item: Item?
        private var itemExpectingKey = true
        private var fieldKey: String?
        private var fieldValue: Value?

        init(key: String) { self.key = key }

        static func start(_ event: yaml_event_t) -> Mark {
            Mark(line: Int(event.start_mark.line), column: Int(event.start_mark.column))
        }

        static func end(_ event: yaml_event_t) -> Mark {
            Mark(line: Int(event.end_mark.line), column: Int(event.end_mark.column))
        }

        /// The last line holding the event's text: an end at column 0 is the line before.
        static func endLine(_ event: yaml_event_t) -> Int {
            Int(event.end_mark.line) - (event.end_mark.column == 0 && event.end_mark.line > event.start_mark.line ? 1 : 0)
        }

        static func text(_ event: yaml_event_t) -> String {
            String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
        }

        mutating func add(_ event: yaml_event_t) -> Bool {
            let type = event.type
            switch type {
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                if depth == 0, type == YAML_SEQUENCE_START_EVENT { return noMapping() }
                if depth == 1 {
                    guard !expectingKey, let currentKey else { return noMapping() }
                    if currentKey.text == key {
                        let isBlock = type == YAML_SEQUENCE_START_EVENT && event.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE
                        list = isBlock ? .block(indent: Int(event.start_mark.column), lastLine: Self.endLine(event))
                            : .other(keyLine: currentKey.mark.line, keyColumn: currentKey.mark.column)
                        inList = isBlock
                    }
                } else if inList, depth == 2 {
                    item = Item(start: Self.start(event), lastLine: Int(event.start_mark.line),
                                keyColumn: type == YAML_MAPPING_START_EVENT ? Int(event.start_mark.column) : nil,
                                isFlow: type == YAML_MAPPING_START_EVENT && event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
                    itemExpectingKey = true
                } else if inList, depth == 3, item?.keyColumn != nil, !itemExpectingKey {
                    let isFlow = type == YAML_SEQUENCE_START_EVENT && event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                    if type == YAML_MAPPING_START_EVENT {
                        fieldValue = .mapping
                    } else if isFlow {
                        fieldValue = .flowList(start: Self.start(event), end: Self.start(event), lastItemEnd: nil)
                    } else {
                        fieldValue = .blockList(indent: Int(event.start_mark.column), lastLine: Int(event.start_mark.line))
                    }
                }
                depth += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                depth -= 1
                // A block collection ends where the next thing starts, with no text of its
                // own; a flow one ends at its closing bracket.
                let hasText = event.end_mark.index > event.start_mark.index
                if inList, depth >= 2, hasText { extend(to: Self.endLine(event)) }
                if inList, depth == 4, hasText { noteFlowItemEnd(Self.end(event)) }
                if inList, depth == 3 {
                    if case let .flowList(start, _, last)? = fieldValue { fieldValue = .flowList(start: start, end: Self.end(event), lastItemEnd: last) }
                    closeField()
                }
                if inList, depth == 2, let item {
                    items.append(item)
                    self.item = nil
                }
                if depth == 1 {
                    inList = false
                    closeRootEntry()
                }
            case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                let text = type == YAML_SCALAR_EVENT ? Self.text(event) : ""
                if depth == 0 {
                    // A document of nothing is an empty mapping; of any other text, none.
                    let isNull = type == YAML_SCALAR_EVENT && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && YAMLReader.readsAsNull(plain: text)
                    if !isNull { return noMapping() }
                } else if depth == 1 {
                    if expectingKey {
                        currentKey = (text, Self.start(event))
                        expectingKey = false
                    } else {
                        if let currentKey, currentKey.text == key {
                            let isEmpty = type == YAML_SCALAR_EVENT && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                                && YAMLReader.readsAsNull(plain: text)
                            list = isEmpty ? .empty(keyLine: currentKey.mark.line, keyColumn: currentKey.mark.column)
                                : .other(keyLine: currentKey.mark.line, keyColumn: currentKey.mark.column)
                        }
                        closeRootEntry()
                    }
                } else if inList, depth == 2 {
                    var scalarItem = Item(start: Self.start(event), lastLine: Self.endLine(event))
                    scalarItem.scalar = text
                    items.append(scalarItem)
                    extend(to: Self.endLine(event))
                } else if inList, depth >= 3 {
                    extend(to: Self.endLine(event))
                    if depth == 3, item?.keyColumn != nil {
                        if itemExpectingKey {
                            fieldKey = text
                            itemExpectingKey = false
                        } else {
                            fieldValue = .scalar(text, start: Self.start(event), end: Self.end(event))
                            closeField()
                        }
                    } else if depth == 4 {
                        noteFlowItemEnd(Self.end(event))
                    }
                }
            default:
                break
            }
            return true
        }

        private mutating func noMapping() -> Bool {
            isNoMapping = true
            return false
        }

        private mutating func closeRootEntry() {
            currentKey = nil
            expectingKey = true
        }

        private mutating func closeField() {
            if let fieldKey, let fieldValue { item?.fields.append(Field(key: fieldKey, value: fieldValue)) }
            fieldKey = nil
            fieldValue = nil
            itemExpectingKey = true
        }

        private mutating func noteFlowItemEnd(_ mark: Mark) {
            if case let .flowList(start, end, _)? = fieldValue { fieldValue = .flowList(start: start, end: end, lastItemEnd: mark) }
        }

        private mutating func extend(to line: Int) {
            if case let .block(indent, lastLine) = list { list = .block(indent: indent, lastLine: max(lastLine, line)) }
            if let current = item { item?.lastLine = max(current.lastLine, line) }
            if case let .blockList(indent, lastLine)? = fieldValue { fieldValue = .blockList(indent: indent, lastLine: max(lastLine, line)) }
        }
    }
}
