import Foundation
import Testing
@testable import BriefingKit

@Suite("Draft parts")
struct DraftPartsTests {
    static let dated: [(String, String?, String?)] = [
        ("The pipeline became fully operational on January 1st, 2021.", "on January 1st, 2021", "2021-01-01"),
        ("Talks collapsed on March 3, 2024 after a long night.", "on March 3, 2024", "2024-03-03"),
        ("The treaty was signed on 3 March 2021 in Paris.", "on 3 March 2021", "2021-03-03"),
        ("Sales fell in May 2019, the firm said.", "in May 2019", "2019-05"),
        ("Belgrade sold the company in 2008.", "in 2008", "2008"),
        ("Exercises have stopped since 2021.", "since 2021", "2021"),
        ("The firm cut its budget for 2025 and laid off staff.", "for 2025", "2025"),
        ("Its 2008 declaration of independence is disputed.", "2008", "2008"),
        ("Controls announced in October 2024 cap sales.", "in October 2024", "2024-10"),
        ("Twice as much sediment arrived in the 1990s.", nil, nil),
        ("The council met on Monday.", nil, nil),
        ("Resolution 1244 still applies.", nil, nil),
        ("It costs 2,008 euros.", nil, nil),
        ("She was born on March 3.", nil, nil),
        ("May they succeed.", nil, nil),
    ]

    @Test("dates in a sentence, with the word that introduces them")
    func dates() {
        for (sentence, phrase, date) in Self.dated {
            let found = DateMentions.dates(in: sentence).first
            let written = found.map { mention in
                String(decoding: Array(sentence.utf8)[mention.range], as: UTF8.self)
            }
            #expect(written == phrase, "\(sentence)")
            #expect(found?.date.description == date, "\(sentence)")
        }
    }

    @Test("phrases that point back or ahead")
    func cues() {
        let cases: [(String, String?, ReferenceCues.Direction?)] = [
            ("As previously pointed out, the deal fell through.", "As previously pointed out", .back),
            ("The aforementioned constraints still apply.", "The aforementioned", .back),
            ("As discussed below, export rules add a risk.", "discussed below", .ahead),
            ("See below for the figures.", "See below", .ahead),
            ("As noted earlier, wages fell.", "As noted earlier", .back),
            ("This is examined later in this essay.", "examined later", .ahead),
            ("The council noted the rise.", nil, nil),
        ]
        for (text, phrase, direction) in cases {
            let cue = ReferenceCues.cues(in: text).first
            #expect(cue.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) } == phrase, "\(text)")
            #expect(cue?.direction == direction, "\(text)")
        }
    }

    @Test("drafted text reads back from YAML exactly as written")
    func quotedTextRoundTrips() throws {
        let awkward = ["He said \"no\" twice", #"a\b"#, "Russia’s “special” operation", "tab\tand\u{7}bell", "ends with colon:", "- dash", "# hash", "yes"]
        let position = SourcePosition(line: 0, column: 0)
        var model = BriefingModel(file: "seeds/x.yml")
        model.facts = awkward.enumerated().map { index, text in
            Fact(id: "f\(index)", figure: text, label: text, quote: Quote(text, at: position), value: index == 0 ? 0.5 : 4e9,
                 unit: "EUR", review: true, position: position)
        }
        let text = DraftYAML.document(model, seed: "seeds/x.txt")
        let (loaded, diagnostics) = ModelLoader().load(TextFile(path: "seeds/x.yml", text: text))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(loaded.facts.map(\.figure) == awkward)
        #expect(loaded.facts.map(\.quote.text) == awkward)
        #expect(loaded.facts.map(\.value) == awkward.indices.map { $0 == 0 ? 0.5 : 4e9 })
        #expect(loaded.facts.allSatisfy { $0.review })
        #expect(text.contains("    value: 4000000000\n"))
    }

    @Test("review must be true or false")
    func reviewType() {
        let text = "facts:\n  - id: a\n    figure: \"1\"\n    label: A\n    quote: x\n    review: yes\n"
        let (_, diagnostics) = ModelLoader().load(TextFile(path: "seeds/x.yml", text: text))
        #expect(diagnostics.map(\.description) == ["seeds/x.yml:6:13: 'review' must be true or false, found 'yes'"])
    }

    @Test("a user's file is written whole or not at all, and never replaced by create")
    func atomicFile() throws {
        let folder = try TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("m.yml")
        try AtomicFile.write(Data("one\n".utf8), to: url, mode: .create, shownAs: "m.yml")
        #expect(throws: BuildFailure.self) { try AtomicFile.write(Data("two\n".utf8), to: url, mode: .create, shownAs: "m.yml") }
        #expect(try String(contentsOf: url, encoding: .utf8) == "one\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        try AtomicFile.write(Data("three\n".utf8), to: url, mode: .replace, shownAs: "m.yml")
        #expect(try String(contentsOf: url, encoding: .utf8) == "three\n")
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m.yml"])
    }
}
