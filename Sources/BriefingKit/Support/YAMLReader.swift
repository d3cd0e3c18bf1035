import Yams

/// Reads a YAML document into plain values while collecting every problem it meets,
/// each located at the node that caused it, so that an editor sees all mistakes at once.
final class YAMLReader {
    let file: String
    /// Added to YAML's line numbers when the document sits inside a larger file
    /// (front matter after its opening `---`).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var positions = YAMLPositions("")

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// The document's root node, or nil with a diagnostic if the text is not YAML.
    ///
    /// Scalars are left untyped (Yams's basic resolver): the reader decides what each key
    /// holds, and resolving every scalar's type by regular expression was most of the
    /// time spent loading a model.
    func compose(_ text: String) -> Node? {
        positions = YAMLPositions(text)
        if let (line, column) = YAMLAliasBudget.aliasOverBudget(in: text) {
            let position = positions.editorPosition(line: line, column: column)
            diagnostics.append(Diagnostic(file: file, line: position.line + lineOffset, column: position.column,
                                          "the aliases up to here repeat more than \(YAMLAliasBudget.limit) values; write the values out instead"))
            return nil
        }
        do {
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
        } catch {
            diagnostics.append(Diagnostic(file: file, line: 1 + lineOffset, column: 1, "not valid YAML: \(error)"))
        }
        return nil
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func error(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(file: file, line: line(of: node), column: column(of: node), message))
    }

    func warning(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(file: file, line: line(of: node), column: column(of: node), message, severity: .warning))
    }

    func line(of node: Node?) -> Int { position(of: node?.mark).line }
    func column(of node: Node?) -> Int { position(of: node?.mark).column }

    /// Where a mark is in the file, as an editor shows it; the top of the document
    /// without one.
    private func position(of mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (1 + lineOffset, 1) }
        let place = positions.editorPosition(line: mark.line, column: mark.column)
        return (place.line + lineOffset, place.column)
    }

    /// The keys of a mapping, in order; with `allowed`, unknown keys are reported and dropped.
    func mapping(_ node: Node, what: String, keys allowed: [String]?) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping of keys to values, found \(describe(node))", at: node)
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("\(what) has a key that is not text", at: keyNode)
                continue
            }
            if let allowed, !allowed.contains(key) {
                let expected = allowed.map { "'\($0)'" }.joined(separator: ", ")
                error("unknown key '\(key)' in \(what); expected one of \(expected)", at: keyNode)
                continue
            }
            entries.append((key, keyNode, value))
        }
        return entries
    }

    func string(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar, !Self.isNull(node) else {
            error("'\(key)' must be text, found \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    func strings(_ node: Node, key: String) -> [String]? {
        if node.scalar != nil, let single = string(node, key: key) { return [single] }
        guard let sequence = node.sequence else {
            error("'\(key)' must be a list of text, found \(describe(node))", at: node)
            return nil
        }
        return sequence.compactMap { string($0, key: key) }
    }

    func number(_ node: Node, key: String) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain, let value = Self.number(scalar.string), value.isFinite else {
            error("'\(key)' must be a number, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case let .scalar(scalar):
            Self.isNull(node) ? "nothing" : "'\(scalar.string)'"
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            let place = position(of: mark)
            return Diagnostic(file: file, line: place.line, column: place.column, "not valid YAML: \(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let place = position(of: context.mark)
            return Diagnostic(file: file, line: place.line, column: place.column,
                              "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        case let .reader(problem, _, _, _):
            return Diagnostic(file: file, line: 1 + lineOffset, column: 1, "not readable as YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: 1 + lineOffset, column: 1, "not valid YAML: \(error)")
        }
    }

    /// YAML's plain null: nothing, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A plain scalar as YAML reads a number: decimal, with optional sign, fraction,
    /// exponent and `_` separators.
    static func number(_ text: String) -> Double? {
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard let first = digits.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        return Double(digits)
    }
}
