// libyaml reports its errors in the parser structure.
import CYAML

/// Why a text could not be composed into a YAML document. Lines and columns are 1-based,
/// as libyaml counts them.
enum YAMLProblem: Error, Equatable {
    /// Not YAML: what libyaml's scanner or parser found, or what the composer found
    /// (an alias to no anchor, a second document), with what it was reading at the time.
    case syntax(problem: String, context: String?, line: Int, column: Int)
    /// Keys that occur more than once in one mapping, and where the first of them is.
    case duplicateKeys([String], line: Int, column: Int)
    /// The alias that takes the document over `YAMLAliasBudget.limit`.
    case aliasesOverBudget(line: Int, column: Int)
    /// Characters YAML does not allow anywhere, such as control characters.
    case unreadable(problem: String)
    case outOfMemory

    /// The error libyaml's parser stopped at.
    init(_ parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        switch parser.error {
        case YAML_READER_ERROR:
            self = .unreadable(problem: problem)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            self = .syntax(problem: problem, context: parser.context.map { String(cString: $0) },
                           line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        default:
            // The parser has no other errors; a memory error is the only one left.
            self = .outOfMemory
        }
    }
}
