// libyaml's parser and event structure, read where the composer, the alias budget and
// the section layout need them.
import CYAML

/// What Briefing reads from one libyaml event.
enum YAMLEvent {
    /// An anchor's or a tag's text; libyaml keeps them as C strings.
    static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Where the event starts, 1-based as YAML's messages count.
    static func start(of event: yaml_event_t) -> (line: Int, column: Int) {
        (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
    }

    /// Hands each event of `text` to `handle`, in order, until the stream ends or `handle`
    /// returns false; returns libyaml's problem if the parser stops first. An empty text
    /// has no events: libyaml asserts that it is given memory.
    static func read(_ text: String, _ handle: (yaml_event_t) -> Bool) -> YAMLProblem? {
        var text = text
        return text.withUTF8 { bytes -> YAMLProblem? in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .outOfMemory }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, start, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return YAMLProblem(parser) }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT || !handle(event) { return nil }
            }
        }
    }
}
