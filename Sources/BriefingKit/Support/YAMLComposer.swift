// Briefing reads libyaml's events directly, through the CYAML module over the system libyaml.
import CYAML

/// Composes the single YAML document of a text into `YAMLNode`s in one pass of libyaml's
/// events, counting the alias budget in the same pass.
///
/// Problems are reported as a composer that stops at the first one would, except that an
/// alias going over the budget wins over any problem before it that libyaml itself does
/// not see (a duplicate key, a second document): those are only known once the values
/// are composed, and composing is where an alias bomb does its harm.
enum YAMLComposer {
    /// The document's root, or nil for a text without a document.
    static func compose(_ text: String) throws(YAMLProblem) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, YAMLProblem> in
            // libyaml asserts that it is given memory; an empty text holds no document.
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return .success(nil) }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.outOfMemory) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, start, bytes.count)
            return compose(with: &parser)
        }
        return try result.get()
    }

    private static func compose(with parser: inout yaml_parser_t) -> Result<YAMLNode?, YAMLProblem> {
        var budget = YAMLAliasBudget()
        var builder = YAMLDocumentBuilder()
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(builder.problem ?? YAMLProblem(parser))
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            budget.count(event)
            if budget.isExceeded {
                let start = YAMLEvent.start(of: event)
                return .failure(.aliasesOverBudget(line: start.line, column: start.column))
            }
            builder.add(event)
        }
        if let problem = builder.problem { return .failure(problem) }
        return .success(builder.root)
    }
}
