import Testing
@testable import BriefingKit

/// Problems in a model point at the line and column an editor shows, even where libyaml
/// counts lines differently.
@Suite("YAML positions")
struct YAMLPositionTests {
    static func messages(_ yaml: String) -> [String] {
        ModelLoader().load(TextFile(path: "seeds/x.yml", text: yaml)).1.map(\.description)
    }

    @Test("an error at the end of a file without a final line break is on its last line")
    func errorAtEndOfFile() {
        #expect(Self.messages("{\nbriefing:") == ["seeds/x.yml:2:10: not valid YAML: did not find expected node content (while parsing a flow node)"])
    }

    @Test("NEL, LS and PS inside a value do not move later positions down")
    func unicodeLineSeparators() {
        let yaml = "briefing:\n  summary: \"one\u{85}two\u{2028}three\u{2029}four\"\nentitys: []\n"
        #expect(Self.messages(yaml) == ["seeds/x.yml:3:1: unknown key 'entitys' in the model; expected one of 'briefing', 'entities', 'facts', 'events', 'crossrefs'"])
    }

    @Test("after such a separator, columns count characters from the line feed")
    func columnAfterSeparator() {
        let yaml = "{briefing: {summary: \"a\u{2028}b\"}, entitys: []}\n"
        #expect(Self.messages(yaml) == ["seeds/x.yml:1:30: unknown key 'entitys' in the model; expected one of 'briefing', 'entities', 'facts', 'events', 'crossrefs'"])
    }

    @Test("the alias that takes a document over the budget is named")
    func aliasBudget() {
        let yaml = BadInputTests.aliasBomb
        #expect(Self.messages(yaml) == ["seeds/x.yml:6:10: the aliases up to here repeat more than 100000 values; write the values out instead"])
    }

    static let texts = [
        "", "a", "a\n", "a\nbc", "a\r\nbc", "a\r\nb\r\n", "a\rb\rc", "\n\n\n", "\r\n",
        "x\n\u{301}y", "a\nb\u{1F600}c\u{1F1F7}\u{1F1F8}", "\u{FEFF}a\nb", "e\u{301}\ne\u{301}e\u{301}",
        "a\u{85}b\nc", "a\u{2028}b", "\u{2029}", "a\u{2028}\r\nb\u{85}\n\u{2029}cd", "\u{85}\u{85}\n",
        "caf\u{E9} \u{80}\u{A8}\u{2027}\u{2030}\nend",
    ]

    @Test("editor positions are what counting characters and scalars gives", arguments: texts)
    func positionsMatchCharacterCount(_ text: String) {
        let positions = YAMLPositions(text)
        let reference = ReferencePositions(text)
        for line in 1...8 {
            for column in 1...6 {
                let found = positions.editorPosition(line: line, column: column)
                let expected = reference.editorPosition(line: line, column: column)
                #expect(found == expected, "\(text.debugDescription) at \(line):\(column)")
            }
        }
    }

    /// Editor positions worked out the slow, plain way: by characters and scalars.
    struct ReferencePositions {
        let text: String

        init(_ text: String) { self.text = text }

        func editorPosition(line: Int, column: Int) -> (Int, Int) {
            let breaks: Set<Unicode.Scalar> = ["\u{85}", "\u{2028}", "\u{2029}"]
            let scalars = Array(text.unicodeScalars)
            guard scalars.contains(where: breaks.contains) else {
                let lineCount = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
                guard line > lineCount else { return (line, column) }
                // A CRLF pair is one character, not a line feed.
                let lastLine = text.lastIndex(of: "\n").map { text[text.index(after: $0)...] } ?? text[...]
                return (lineCount, lastLine.count + 1)
            }
            var yamlLineStarts = [0]
            for (offset, scalar) in scalars.enumerated() where scalar == "\n" || breaks.contains(scalar) {
                yamlLineStarts.append(offset + 1)
            }
            let start = yamlLineStarts[min(max(line, 1), yamlLineStarts.count) - 1]
            let offset = min(start + max(column, 1) - 1, scalars.count)
            let before = scalars[..<offset]
            let editorLine = before.filter { $0 == "\n" }.count + 1
            let lineStart = before.lastIndex(of: "\n").map { $0 + 1 } ?? 0
            return (editorLine, String(String.UnicodeScalarView(scalars[lineStart..<offset])).count + 1)
        }
    }
}
