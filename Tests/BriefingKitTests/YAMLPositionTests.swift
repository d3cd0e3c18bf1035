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
}
