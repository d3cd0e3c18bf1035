import Foundation
import Testing
@testable import BriefingKit

/// Each bad input fails with one clear line naming the file, exit status 1, and an
/// output folder exactly as it was before.
@Suite("Bad input")
struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var seed: Data?
        var removeFolder: String?
        var model: String?
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty seed", seed: Data(), expected: "seeds/essay.txt:1:1: the seed is empty"),
        Case(name: "white space only", seed: Data(" \n\t\n  \n".utf8), expected: "seeds/essay.txt:1:1: the seed holds only white space"),
        Case(name: "not UTF-8", seed: Data("- Home\n- Title\nCaf".utf8) + Data([0xE9, 0x20]) + Data(" au lait.\n".utf8),
             expected: "seeds/essay.txt:3:4: the file is not UTF-8 text (invalid byte here); save it as UTF-8"),
        Case(name: "no title", seed: Data("Just a paragraph of text.\nAnd another one.\n".utf8),
             expected: "seeds/essay.txt:1:1: no title: a scraped essay starts with breadcrumb lines"),
        Case(name: "title without paragraphs", seed: Data("- Home\n- The Title - Sub\n".utf8),
             expected: "seeds/essay.txt:2:1: the essay has a title but no paragraphs"),
        Case(name: "misspelt quote in the model",
             model: "facts:\n  - id: nis-sale\n    figure: \"€400 million\"\n    label: Price\n    quote: \"for a modest €40 million\"\n",
             expected: "seeds/essay.yml:5:12: quote of fact 'nis-sale' not found in the essay; the closest sentence is in p-11:"),
        Case(name: "malformed model", model: "facts: [\n", expected: "seeds/essay.yml:2:1: not valid YAML:"),
        Case(name: "missing seeds folder", removeFolder: "seeds", expected: "seeds/: folder not found in"),
        Case(name: "missing templates folder", removeFolder: "Templates", expected: "Templates/: folder not found in"),
    ]

    @Test("bad input fails clearly and leaves the last good site untouched", arguments: cases)
    func badInput(_ testCase: Case) throws {
        let source = try TestSupport.sourceFolder(seeds: ["essay.txt": Data(contentsOf: TestSupport.seedURL)])
        let output = source.appendingPathComponent("Public")
        let good = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
        try #require(good.status == 0)
        let before = try TestSupport.snapshot(of: output)

        if let seed = testCase.seed { try seed.write(to: source.appendingPathComponent("seeds/essay.txt")) }
        if let model = testCase.model { try Data(model.utf8).write(to: source.appendingPathComponent("seeds/essay.yml")) }
        if let folder = testCase.removeFolder { try FileManager.default.removeItem(at: source.appendingPathComponent(folder)) }

        let result = try TestSupport.runBriefing(["build", "--source", source.path])
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix(testCase.expected), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(try TestSupport.snapshot(of: output) == before)
    }

    @Test("an output path that is a file is refused without touching it")
    func outputIsAFile() throws {
        let source = try TestSupport.sourceFolder(seeds: ["essay.txt": Data(contentsOf: TestSupport.seedURL)])
        let file = source.appendingPathComponent("occupied")
        try Data("keep me".utf8).write(to: file)
        let result = try TestSupport.runBriefing(["build", "--source", source.path, "--output", file.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("the output path is a file"))
        #expect(try Data(contentsOf: file) == Data("keep me".utf8))
    }
}
