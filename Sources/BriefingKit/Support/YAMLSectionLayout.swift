// Reads where each top-level list of a model ends, from libyaml's event marks.
import CYAML

/// Where the top-level keys of a YAML mapping sit in its text, so that items can be added
/// to a list without touching a byte around them. Lines are 0-based.
struct YAMLSectionLayout {
    enum Value: Equatable {
        /// `key:` followed by nothing.
        case empty
        /// `- ` items, the dash at `indent` columns; new items go after line `lastLine`.
        case blockList(indent: Int, lastLine: Int)
        /// `[a, b]`, a mapping or text: nothing can be appended without rewriting it.
        case other
    }

    struct Section: Equatable {
        var key: String
        var keyLine: Int
        var keyColumn: Int
        var value: Value
    }

    private(set) var sections: [Section] = []

    /// The layout of `text`'s top-level mapping; nil when the text is not one YAML mapping.
    init?(_ text: String) {
        var text = text
        let sections = text.withUTF8 { bytes -> [Section]? in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return [] }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, start, bytes.count)
            return Self.read(&parser)
        }
        guard let sections else { return nil }
        self.sections = sections
    }

    func section(_ key: String) -> Section? { sections.first { $0.key == key } }

    private static func read(_ parser: inout yaml_parser_t) -> [Section]? {
        var sections: [Section] = []
        var depth = 0
        var expectingKey = true
        var current: Section?
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let type = event.type
            if type == YAML_STREAM_END_EVENT { break }
            let startLine = Int(event.start_mark.line)
            // The last line holding the event's text: an end at column 0 is the line before.
            let endLine = Int(event.end_mark.line) - (event.end_mark.column == 0 && event.end_mark.line > event.start_mark.line ? 1 : 0)
            switch type {
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                if depth == 0, type == YAML_SEQUENCE_START_EVENT { return nil }
                if depth == 1 {
                    // A list or mapping as a key: no model is written so.
                    guard !expectingKey, var section = current else { return nil }
                    let isBlock = type == YAML_SEQUENCE_START_EVENT && event.data.sequence_start.style == YAML_BLOCK_SEQUENCE_STYLE
                    section.value = isBlock ? .blockList(indent: Int(event.start_mark.column), lastLine: startLine) : .other
                    current = section
                }
                depth += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                depth -= 1
                // A block collection ends where the next thing starts, with no text of its
                // own; a flow one ends at its closing bracket.
                let hasText = event.end_mark.index > event.start_mark.index
                if depth >= 2, hasText { extend(&current, to: endLine) }
                if depth == 1, let section = current {
                    sections.append(section)
                    current = nil
                    expectingKey = true
                }
            case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                if depth == 1 {
                    if expectingKey {
                        let data = event.data.scalar
                        let key = type == YAML_SCALAR_EVENT
                            ? String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self) : ""
                        current = Section(key: key, keyLine: startLine, keyColumn: Int(event.start_mark.column), value: .other)
                        expectingKey = false
                    } else if var section = current {
                        let data = event.data.scalar
                        let isEmpty = type == YAML_SCALAR_EVENT && data.style == YAML_PLAIN_SCALAR_STYLE
                            && YAMLReader.readsAsNull(plain: String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self))
                        section.value = isEmpty ? .empty : .other
                        sections.append(section)
                        current = nil
                        expectingKey = true
                    }
                } else if depth >= 2 {
                    extend(&current, to: endLine)
                }
            default:
                break
            }
        }
        return sections
    }

    private static func extend(_ section: inout Section?, to line: Int) {
        guard case let .blockList(indent, lastLine)? = section?.value else { return }
        section?.value = .blockList(indent: indent, lastLine: max(lastLine, line))
    }
}
