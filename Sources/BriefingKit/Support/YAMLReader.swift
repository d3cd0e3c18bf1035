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
    func compose(_ text: String) -> YAMLNode? {
        positions = YAMLPositions(text)
        do {
            return try YAMLComposer.compose(text)
        } catch {
            diagnostics.append(diagnostic(for: error))
        }
        return nil
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func error(_ message: String, at node: YAMLNode?) {
        diagnostics.append(Diagnostic(file: file, line: line(of: node), column: column(of: node), message))
    }

    func warning(_ message: String, at node: YAMLNode?) {
        diagnostics.append(Diagnostic(file: file, line: line(of: node), column: column(of: node), message, severity: .warning))
    }

    func line(of node: YAMLNode?) -> Int { position(of: node).line }
    func column(of node: YAMLNode?) -> Int { position(of: node).column }

    /// Where a node is in the file, as an editor shows it; the top of the document
    /// without one.
    private func position(of node: YAMLNode?) -> (line: Int, column: Int) {
        guard let node else { return (1 + lineOffset, 1) }
        return position(line: node.line, column: node.column)
    }

    /// Where libyaml's 1-based `line` and `column` are in the file, as an editor shows them.
    private func position(line: Int, column: Int) -> (line: Int, column: Int) {
        let place = positions.editorPosition(line: line, column: column)
        return (place.line + lineOffset, place.column)
    }

    /// The keys of a mapping, in order; with `allowed`, unknown keys are reported and dropped.
    func mapping(_ node: YAMLNode, what: String, keys allowed: [String]?) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping of keys to values, found \(describe(node))", at: node)
            return nil
        }
        var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for pair in mapping {
            guard let key = pair.key.scalar?.string else {
                error("\(what) has a key that is not text", at: pair.key)
                continue
            }
            if let allowed, !allowed.contains(key) {
                let expected = allowed.map { "'\($0)'" }.joined(separator: ", ")
                error("unknown key '\(key)' in \(what); expected one of \(expected)", at: pair.key)
                continue
            }
            entries.append((key, pair.key, pair.value))
        }
        return entries
    }

    func string(_ node: YAMLNode, key: String) -> String? {
        guard let scalar = node.scalar, !Self.isNull(node) else {
            error("'\(key)' must be text, found \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    func strings(_ node: YAMLNode, key: String) -> [String]? {
        if node.scalar != nil, let single = string(node, key: key) { return [single] }
        guard let sequence = node.sequence else {
            error("'\(key)' must be a list of text, found \(describe(node))", at: node)
            return nil
        }
        return sequence.compactMap { string($0, key: key) }
    }

    func number(_ node: YAMLNode, key: String) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain, let value = Self.number(scalar.string), value.isFinite else {
            error("'\(key)' must be a number, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    /// `true` or `false`, plain; YAML 1.1's `yes`/`on` are refused rather than guessed.
    func bool(_ node: YAMLNode, key: String) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain, scalar.string == "true" || scalar.string == "false" else {
            error("'\(key)' must be true or false, found \(describe(node))", at: node)
            return nil
        }
        return scalar.string == "true"
    }

    func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case let .scalar(scalar):
            Self.isNull(node) ? "nothing" : "'\(scalar.string)'"
        }
    }

    private func diagnostic(for problem: YAMLProblem) -> Diagnostic {
        switch problem {
        case let .syntax(problem, context, line, column):
            let detail = context.map { "\(problem) (\($0))" } ?? problem
            let place = position(line: line, column: column)
            return Diagnostic(file: file, line: place.line, column: place.column, "not valid YAML: \(detail)")
        case let .duplicateKeys(duplicates, line, column):
            let place = position(line: line, column: column)
            return Diagnostic(file: file, line: place.line, column: place.column,
                              "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        case let .aliasesOverBudget(line, column):
            let place = position(line: line, column: column)
            return Diagnostic(file: file, line: place.line, column: place.column,
                              "the aliases up to here repeat more than \(YAMLAliasBudget.limit) values; write the values out instead")
        case let .unreadable(problem):
            return Diagnostic(file: file, line: 1 + lineOffset, column: 1, "not readable as YAML: \(problem)")
        case .outOfMemory:
            return Diagnostic(file: file, line: 1 + lineOffset, column: 1, "not valid YAML: Memory error")
        }
    }

    /// YAML's plain null: nothing, `~` or `null`.
    static func isNull(_ node: YAMLNode) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return readsAsNull(plain: scalar.string)
    }

    /// Whether `text`, written as a plain scalar, is YAML's null.
    static func readsAsNull(plain text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text)
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
