/// The text of a model or of the register, edited in one of its lists (`entities` unless
/// said otherwise): a definition replaced by its id, definitions appended, replaced or
/// removed, aliases and a review mark added to an entry or the mark dropped. Edits are planned against the text as read and made together at the end, so
/// that every byte outside them stays where and as it was.
struct EntityListText {
    typealias Item = YAMLListLayout.Item

    let file: String
    /// The top-level key of the list edited.
    let key: String
    private let original: String
    /// The lines of the text, without their line breaks.
    private let lines: [Substring]
    private let layout: YAMLListLayout
    private var edits: [Edit] = []

    /// A change to the lines of the text as read. Made from the last to the first, so that
    /// each applies to the lines it was planned on; of insertions after one line, the
    /// higher `order` goes later in the text.
    private enum Edit {
        case replaceLines(first: Int, last: Int, with: [String])
        case insertAfter(line: Int, order: Int, lines: [String])
        case replaceInLine(line: Int, columns: Range<Int>, with: String)

        var sortKey: (Int, Int, Int) {
            switch self {
            case let .replaceLines(_, last, _): (last, Int.max, 0)
            case let .insertAfter(line, order, _): (line, Int.max, order)
            case let .replaceInLine(line, columns, _): (line, columns.lowerBound, 0)
            }
        }
    }

    /// The order of insertions after one line: an entry's aliases, then its review mark,
    /// then new entries after the last one.
    private enum Order {
        static let aliases = 1
        static let review = 2
        static let entries = 3
    }

    init(_ text: String, file: String, key: String = "entities") throws(BuildFailure) {
        // libyaml counts these as line breaks where editors do not, so lines would not agree.
        if text.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw BuildFailure([Diagnostic(file: file, "holds a Unicode line or paragraph separator (U+0085, U+2028 or U+2029), so its entities cannot be edited line by line; remove it and try again")])
        }
        guard let layout = YAMLListLayout(text, key: key) else {
            throw BuildFailure([Diagnostic(file: file, "cannot be read as a YAML mapping; fix it (`briefing check` says where) and try again")])
        }
        self.file = file
        self.key = key
        original = text
        let body = text.hasSuffix("\n") ? text.dropLast() : Substring(text)
        lines = text.isEmpty ? [] : body.split(separator: "\n", omittingEmptySubsequences: false)
        self.layout = layout
    }

    /// The items of the `entities` list, definitions and ids, in order.
    var items: [Item] { layout.items }

    /// A definition's id, as written.
    static func id(of item: Item) -> String? {
        if case let .scalar(id, _, _)? = item.field("id")?.value { return id.trimmingWhitespace() }
        return nil
    }

    /// The item whose definition has `id`.
    func definition(_ id: String) -> Item? {
        items.first { $0.keyColumn != nil && Self.id(of: $0) == id }
    }

    /// The item whose definition has `id`, which the loaded file is known to hold: only a
    /// list that is not written one item per line hides it.
    func editableDefinition(_ id: String) throws(BuildFailure) -> Item {
        _ = try listIndent()
        guard let item = definition(id) else {
            throw BuildFailure([Diagnostic(file: file, "the definition of entity '\(id)' cannot be found in the text; nothing was written")])
        }
        return item
    }

    /// The line of an item's dash: usually the line its content starts on.
    private func dashLine(of item: Item, indent: Int) -> Int {
        var line = min(item.start.line, lines.count - 1)
        while line > 0 {
            let scalars = Array(lines[line].unicodeScalars)
            if scalars.count > indent, scalars[indent] == "-", scalars[..<indent].allSatisfy({ $0 == " " }) { break }
            line -= 1
        }
        return max(line, 0)
    }

    private func listIndent() throws(BuildFailure) -> Int {
        switch layout.list {
        case let .block(indent, _): return indent
        case let .empty(_, keyColumn): return keyColumn + 2
        case .missing: return 2
        case let .other(keyLine, keyColumn):
            throw BuildFailure([Diagnostic(file: file, line: keyLine + 1, column: keyColumn + 1,
                                           "'\(key)' is not a list of '- ' items, one per line, so its \(key == "entities" ? "entities" : "items") cannot be edited; write it so and try again")])
        }
    }

    /// The lines of a definition as written, its dash moved to column 0.
    func block(of item: Item) throws(BuildFailure) -> [String] {
        let indent = try listIndent()
        let first = dashLine(of: item, indent: indent)
        return lines[first...min(item.lastLine, lines.count - 1)].map { Self.shift(String($0), by: -indent) }
    }

    /// `line` moved right (or left, as far as it has spaces) by `shift` columns.
    static func shift(_ line: String, by shift: Int) -> String {
        if line.isEmpty || shift == 0 { return line }
        if shift > 0 { return String(repeating: " ", count: shift) + line }
        let spaces = line.prefix { $0 == " " }.count
        return String(line.dropFirst(min(spaces, -shift)))
    }

    /// Puts `- ID` where the definition `item` was.
    mutating func replaceWithReference(_ item: Item, id: String) throws(BuildFailure) {
        let indent = try listIndent()
        let first = dashLine(of: item, indent: indent)
        edits.append(.replaceLines(first: first, last: min(item.lastLine, lines.count - 1),
                                   with: [String(repeating: " ", count: indent) + "- " + id]))
    }

    /// Adds items after the list's last one; each block's dash is at column 0.
    mutating func append(_ blocks: [[String]]) throws(BuildFailure) {
        guard !blocks.isEmpty else { return }
        let indent = try listIndent()
        let shifted = blocks.joined().map { Self.shift($0, by: indent) }
        switch layout.list {
        case let .block(_, lastLine):
            edits.append(.insertAfter(line: lastLine, order: Order.entries, lines: shifted))
        case let .empty(keyLine, _):
            edits.append(.insertAfter(line: keyLine, order: Order.entries, lines: shifted))
        case .missing:
            let gap = original.isEmpty ? [] : [""]
            edits.append(.insertAfter(line: lines.count - 1, order: Order.entries, lines: gap + ["entities:"] + shifted))
        case .other:
            break
        }
    }

    /// Takes an item out, from its dash to its last line.
    mutating func remove(_ item: Item) throws(BuildFailure) {
        let indent = try listIndent()
        edits.append(.replaceLines(first: dashLine(of: item, indent: indent), last: min(item.lastLine, lines.count - 1), with: []))
    }

    /// Puts `block` (its dash at column 0) where the item was.
    mutating func replace(_ item: Item, with block: [String]) throws(BuildFailure) {
        let indent = try listIndent()
        edits.append(.replaceLines(first: dashLine(of: item, indent: indent), last: min(item.lastLine, lines.count - 1),
                                   with: block.map { Self.shift($0, by: indent) }))
    }

    /// Takes out an item's `review: true` line.
    mutating func dropReview(_ item: Item) throws(BuildFailure) {
        _ = try editableKeyColumn(of: item)
        guard case let .scalar(_, start, end)? = item.field("review")?.value, start.line == end.line else { return }
        let line = lines[start.line].trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("review:") else { throw unEditable(item, "its 'review' shares a line with another key") }
        edits.append(.replaceLines(first: start.line, last: start.line, with: []))
    }

    /// Adds spellings to an entry's aliases: to its list as written, or as a new list
    /// that keeps its name (an entry without `aliases` is known by its name alone).
    mutating func addAliases(_ aliases: [String], to item: Item, name: String) throws(BuildFailure) {
        guard !aliases.isEmpty else { return }
        let keyIndent = try editableKeyColumn(of: item)
        let quoted = aliases.map(YAMLText.quoted)
        switch item.field("aliases")?.value {
        case nil:
            edits.append(.insertAfter(line: item.lastLine, order: Order.aliases,
                                      lines: [String(repeating: " ", count: keyIndent) + "aliases: [" + ([YAMLText.quoted(name)] + quoted).joined(separator: ", ") + "]"]))
        case let .flowList(start, _, lastItemEnd)?:
            if let lastItemEnd {
                edits.append(.replaceInLine(line: lastItemEnd.line, columns: lastItemEnd.column..<lastItemEnd.column,
                                            with: ", " + quoted.joined(separator: ", ")))
            } else {
                edits.append(.replaceInLine(line: start.line, columns: start.column + 1..<start.column + 1, with: quoted.joined(separator: ", ")))
            }
        case let .blockList(indent, lastLine)?:
            edits.append(.insertAfter(line: lastLine, order: Order.aliases,
                                      lines: quoted.map { String(repeating: " ", count: indent) + "- " + $0 }))
        case let .scalar(_, start, end)? where start.line == end.line:
            let written = String(String.UnicodeScalarView(Array(lines[start.line].unicodeScalars)[start.column..<end.column]))
            edits.append(.replaceInLine(line: start.line, columns: start.column..<end.column,
                                        with: "[" + ([written] + quoted).joined(separator: ", ") + "]"))
        default:
            throw unEditable(item, "its 'aliases' are not a list on its lines")
        }
    }

    /// Sets `review: true` on an entry.
    mutating func markForReview(_ item: Item) throws(BuildFailure) {
        let keyIndent = try editableKeyColumn(of: item)
        switch item.field("review")?.value {
        case nil:
            edits.append(.insertAfter(line: item.lastLine, order: Order.review, lines: [String(repeating: " ", count: keyIndent) + "review: true"]))
        case let .scalar(text, _, _)? where text == "true":
            break
        case let .scalar(_, start, end)? where start.line == end.line:
            edits.append(.replaceInLine(line: start.line, columns: start.column..<end.column, with: "true"))
        default:
            throw unEditable(item, "its 'review' is not true or false")
        }
    }

    private func editableKeyColumn(of item: Item) throws(BuildFailure) -> Int {
        guard let column = item.keyColumn, !item.isFlow else {
            throw unEditable(item, "it is not written as keys on lines of their own")
        }
        return column
    }

    private func unEditable(_ item: Item, _ reason: String) -> BuildFailure {
        BuildFailure([Diagnostic(file: file, line: item.start.line + 1, column: item.start.column + 1,
                                 "cannot add to this entity: \(reason); write it as a model's entities are written and try again")])
    }

    /// The text with every planned edit made.
    var text: String {
        var lines = self.lines.map(String.init)
        var endsWithBreak = original.hasSuffix("\n")
        for edit in edits.sorted(by: { $0.sortKey > $1.sortKey }) {
            switch edit {
            case let .replaceLines(first, last, replacement):
                lines.replaceSubrange(first...last, with: replacement)
            case let .insertAfter(line, _, inserted):
                lines.insert(contentsOf: inserted, at: line + 1)
                // New lines at the end end with a line break, as every line of theirs does.
                if line + 1 + inserted.count == lines.count { endsWithBreak = true }
            case let .replaceInLine(line, columns, replacement):
                var scalars = Array(lines[line].unicodeScalars)
                scalars.replaceSubrange(columns, with: replacement.unicodeScalars)
                lines[line] = String(String.UnicodeScalarView(scalars))
            }
        }
        return lines.joined(separator: "\n") + (endsWithBreak && !lines.isEmpty ? "\n" : "")
    }
}
