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
        var budget = YAMLAliasBudget()
        var builder = YAMLDocumentBuilder()
        var overBudget: YAMLProblem?
        let parserProblem = YAMLEvent.read(text) { event in
            budget.count(event)
            if budget.isExceeded {
                let start = YAMLEvent.start(of: event)
                overBudget = .aliasesOverBudget(line: start.line, column: start.column)
                return false
            }
            builder.add(event)
            return true
        }
        if let overBudget { throw overBudget }
        // The builder's problem came first in the text when the parser also stopped.
        if let problem = builder.problem ?? parserProblem { throw problem }
        return builder.root
    }
}
