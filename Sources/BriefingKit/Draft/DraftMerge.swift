/// Adds drafted items to a model file as text: each list gains its new items after its
/// last one, a missing list is added at the end, and every byte already in the file stays
/// where and as it was.
enum DraftMerge {
    static func merged(_ text: String, adding model: BriefingModel, file: String) throws(BuildFailure) -> String {
        try merged(text, file: file) { section, indent in DraftYAML.items(section, of: model, indent: indent) }
    }

    /// Adds the lines `items` gives for each list, made with the indent of that list's
    /// items, as above.
    static func merged(_ text: String, file: String, items: (DraftYAML.Section, String) -> [String]) throws(BuildFailure) -> String {
        guard let layout = YAMLSectionLayout(text) else {
            throw BuildFailure([Diagnostic(file: file, "cannot be read as a YAML mapping; fix it (`briefing check` says where) before merging")])
        }
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        let lineStarts = Self.lineStarts(of: text)
        var insertions: [(offset: Int, lines: [String])] = []
        var appended: [String] = []
        var problems: [Diagnostic] = []
        for section in DraftYAML.Section.allCases {
            guard let placed = layout.section(section.rawValue) else {
                let lines = items(section, "  ")
                if !lines.isEmpty { appended += ["", section.heading, section.rawValue + ":"] + lines }
                continue
            }
            switch placed.value {
            case .empty:
                let lines = items(section, String(repeating: " ", count: placed.keyColumn + 2))
                if !lines.isEmpty { insertions.append((offset(after: placed.keyLine, lineStarts, text), lines)) }
            case let .blockList(indent, lastLine):
                let lines = items(section, String(repeating: " ", count: indent))
                if !lines.isEmpty { insertions.append((offset(after: lastLine, lineStarts, text), lines)) }
            case .other:
                guard !items(section, "").isEmpty else { continue }
                problems.append(Diagnostic(file: file, line: placed.keyLine + 1, column: placed.keyColumn + 1,
                                           "'\(section.rawValue)' is not a list of '- ' items, one per line, so nothing can be added to it; write it so and try again"))
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        var bytes = Array(text.utf8)
        if !appended.isEmpty { insertions.append((bytes.count, appended)) }
        for insertion in insertions.sorted(by: { $0.offset > $1.offset }) {
            var block = insertion.lines.joined(separator: newline) + newline
            // A file not ending in a line break gets one before the new lines, and only then.
            if insertion.offset == bytes.count, let last = bytes.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") {
                block = newline + block
            }
            bytes.insert(contentsOf: Array(block.utf8), at: insertion.offset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte offset where each line starts; lines end at \n, \r\n or \r, as in YAML.
    private static func lineStarts(of text: String) -> [Int] {
        var starts = [0]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                index += index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                starts.append(index)
            } else if bytes[index] == UInt8(ascii: "\n") {
                index += 1
                starts.append(index)
            } else {
                index += 1
            }
        }
        return starts
    }

    /// Where the line after `line` starts, or the end of the text.
    private static func offset(after line: Int, _ lineStarts: [Int], _ text: String) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] : text.utf8.count
    }
}
