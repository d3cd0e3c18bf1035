import Testing
@testable import BriefingKit

/// Edits to the entities list of a model or the register, made as text: every byte
/// outside an edit stays as it was, and the result reads back as intended.
@Suite("Entity list text")
struct EntityListTextTests {
    static func entry(_ text: String, _ id: String) throws -> (EntityListText, YAMLListLayout.Item) {
        let edited = try EntityListText(text, file: "seeds/entities.yml")
        return (edited, try #require(edited.definition(id)))
    }

    static func loaded(_ text: String) -> EntityRegister {
        let (register, problems) = EntityRegisterLoader().load(TextFile(path: "seeds/entities.yml", text: text))
        #expect(problems.isEmpty, "\(problems)")
        return register
    }

    @Test("new spellings join an entry's aliases however they are written, and the entry is marked for review", arguments: [
        ("entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    aliases: [Federal Reserve]  # keep\n",
         "entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    aliases: [Federal Reserve, \"Fed\"]  # keep\n    review: true\n"),
        ("entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    aliases: []\n    review: false\n",
         "entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    aliases: [\"Fed\"]\n    review: true\n"),
        ("entities:\n- id: fed\n  name: Federal Reserve\n  aliases:\n  - Federal Reserve\n  kind: organisation\n",
         "entities:\n- id: fed\n  name: Federal Reserve\n  aliases:\n  - Federal Reserve\n  - \"Fed\"\n  kind: organisation\n  review: true\n"),
        ("entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    review: true\n",
         "entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    review: true\n    aliases: [\"Federal Reserve\", \"Fed\"]\n"),
        ("entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    aliases: 'Federal Reserve'\n",
         "entities:\n  - id: fed\n    name: Federal Reserve\n    kind: organisation\n    aliases: ['Federal Reserve', \"Fed\"]\n    review: true\n"),
    ])
    func addAliases(_ text: String, _ expected: String) throws {
        var (edited, item) = try Self.entry(text, "fed")
        try edited.addAliases(["Fed"], to: item, name: "Federal Reserve")
        try edited.markForReview(item)
        #expect(edited.text == expected)
        let entity = try #require(Self.loaded(edited.text).entity("fed"))
        #expect(entity.aliases.last == "Fed" && entity.review)
    }

    @Test("an entry written as one flow mapping is refused with its place")
    func flowEntry() throws {
        let (edited, item) = try Self.entry("entities:\n  - {id: fed, name: Federal Reserve, kind: organisation}\n", "fed")
        var copy = edited
        #expect {
            try copy.addAliases(["Fed"], to: item, name: "Federal Reserve")
        } throws: { error in
            (error as? BuildFailure)?.description == "seeds/entities.yml:2:5: cannot add to this entity: it is not written as keys on lines of their own; write it as a model's entities are written and try again"
        }
    }

    @Test("new entries go after the last one, into a list, an empty key, or a file without one", arguments: [
        ("", "entities:\n  - id: ecb\n    name: ECB\n    kind: organisation\n"),
        ("# just a comment", "# just a comment\n\nentities:\n  - id: ecb\n    name: ECB\n    kind: organisation\n"),
        ("entities:\n# nothing yet\n", "entities:\n  - id: ecb\n    name: ECB\n    kind: organisation\n# nothing yet\n"),
        ("entities:\n- id: fed\n  name: Fed\n  kind: organisation\n# the end\n",
         "entities:\n- id: fed\n  name: Fed\n  kind: organisation\n- id: ecb\n  name: ECB\n  kind: organisation\n# the end\n"),
    ])
    func append(_ text: String, _ expected: String) throws {
        var edited = try EntityListText(text, file: "seeds/entities.yml")
        try edited.append([["- id: ecb", "  name: ECB", "  kind: organisation"]])
        #expect(edited.text == expected)
        #expect(Self.loaded(edited.text).entity("ecb") != nil)
    }

    @Test("a definition is copied as written and replaced by its id, its neighbours and comments untouched")
    func cutAndCopy() throws {
        let text = """
            entities:
            # the bank
            - id: fed
              name: Federal Reserve   # in full
              kind: organisation
              summary: |
                The central bank
                of the United States.
            - id: powell
              name: Jerome Powell
              kind: person
            facts: []

            """
        var (edited, item) = try Self.entry(text, "fed")
        #expect(try edited.block(of: item) == ["- id: fed", "  name: Federal Reserve   # in full", "  kind: organisation", "  summary: |",
                                               "    The central bank", "    of the United States."])
        try edited.replaceWithReference(item, id: "fed")
        #expect(edited.text == "entities:\n# the bank\n- fed\n- id: powell\n  name: Jerome Powell\n  kind: person\nfacts: []\n")
    }
}
