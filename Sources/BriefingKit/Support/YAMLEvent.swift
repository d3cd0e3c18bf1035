// libyaml's event structure, read where the composer and the alias budget need it.
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
}
