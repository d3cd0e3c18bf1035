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
        var reader = Reader()
        guard YAMLEvent.read(text, { reader.add($0) }) == nil, !reader.isNoModel else { return nil }
        sections = reader.sections
    }

    func section(_ key: String) -> Section? { sections.first { $0.key == key } }

    /// Follows the events, noting each top-level key and where its value's text ends.
    private struct Reader {
        var sections: [Section] = []
        /// The text is no mapping of keys to values, as a model is.
        var isNoModel = false
        private var depth = 0
        private var expectingKey = true
        private var current: Section?

        /// Takes one event; false once the text shows it is no model.
        mutating func add(_ event: yaml_event_t) -> Bool {
            let type = event.type
            let startLine = Int(event.start_mark.line)
            // The last line holding the event's text: an end at column 0 is the line before.
            let endLine = Int(event.end_mark.line) - (event.end_mark.column == 0 && event.end_mark.line > event.start_mark.line ? 1 : 0)
            switch type {
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                if depth == 0, type == YAML_SEQUENCE_START_EVENT { return noModel() }
                if depth == 1 {
                    // A list or mapping as a key: no model is written so.
                    guard !expectingKey, var section = current else { return noModel() }
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
                if depth >= 2, hasText { extend(to: endLine) }
                if depth == 1, let section = current { close(section) }
            case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT:
                if depth == 1 {
                    let text = type == YAML_SCALAR_EVENT
                        ? String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self) : ""
                    if expectingKey {
                        current = Section(key: text, keyLine: startLine, keyColumn: Int(event.start_mark.column), value: .other)
                        expectingKey = false
                    } else if var section = current {
                        let isEmpty = type == YAML_SCALAR_EVENT && event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
                            && YAMLReader.readsAsNull(plain: text)
                        section.value = isEmpty ? .empty : .other
                        close(section)
                    }
                } else if depth >= 2 {
                    extend(to: endLine)
                }
            default:
                break
            }
            return true
        }

        private mutating func noModel() -> Bool {
            isNoModel = true
            return false
        }

        private mutating func close(_ section: Section) {
            sections.append(section)
            current = nil
            expectingKey = true
        }

        private mutating func extend(to line: Int) {
            guard case let .blockList(indent, lastLine)? = current?.value else { return }
            current?.value = .blockList(indent: indent, lastLine: max(lastLine, line))
        }
    }
}
