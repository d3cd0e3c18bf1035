import Foundation
import Testing
@testable import BriefingKit

/// All quotes are looked up in the essay in one pass. Each must be found exactly where
/// searching each paragraph for it on its own finds it: the same paragraphs, ranges and
/// count, non-overlapping, left to right.
@Suite("Quote search")
struct QuoteSearchTests {
    /// The seed essay's paragraphs, as validation sees them.
    static func seedCorpus() throws -> QuoteCorpus {
        let document = MarkdownDocument(markdown: EssayMarkdown.body(of: try TestSupport.seedEssay()))
        document.consolidateTextNodes()
        return QuoteCorpus(EssayAnchoring().outline(of: document))
    }

    /// Each paragraph searched on its own for the phrase.
    static func expected(_ phrase: String, in corpus: QuoteCorpus) -> [QuoteCorpus.Match] {
        let needle = FoldedText.phrase(phrase)
        guard !needle.isEmpty else { return [] }
        return corpus.paragraphs.flatMap { paragraph in
            paragraph.folded.ranges(of: needle).map {
                QuoteCorpus.Match(paragraphID: paragraph.id, sectionID: paragraph.sectionID,
                                  range: paragraph.folded.originalRange(of: $0), foldedRange: $0)
            }
        }
    }

    static func check(_ phrases: [String], in corpus: QuoteCorpus) {
        let found = corpus.matches(of: phrases)
        #expect(found.count == phrases.count)
        for (phrase, matches) in zip(phrases, found) {
            #expect(matches == expected(phrase, in: corpus), "\(phrase.debugDescription)")
        }
    }

    @Test("finds the seed model's quotes where a search per paragraph finds them")
    func seedQuotes() throws {
        let corpus = try Self.seedCorpus()
        let model = ModelLoader().load(TextFile(path: "seeds/x.yml", text: try String(
            contentsOf: TestSupport.packageRoot.appendingPathComponent("seeds/\(TestSupport.seedName).yml"), encoding: .utf8))).0
        let quotes = model.facts.map(\.quote.text) + model.events.map(\.quote.text) + model.crossReferences.map(\.quote.text)
        #expect(quotes.count > 50)
        Self.check(quotes, in: corpus)
        #expect(corpus.matches(of: quotes).allSatisfy { $0.count == 1 })
    }

    @Test("finds every length of phrase cut from the essay, common words and repeats included")
    func phrasesCutFromTheEssay() throws {
        let corpus = try Self.seedCorpus()
        var phrases: [String] = ["", " ", "the", "the ", " of the ", "e", "ss", "Serbia", "Serbia’s", "Serbia's", "\"", "’s",
                                 "Gazprom Neft", "Gazprom Neft", "in the", ". ", "2008", "not in this essay at all"]
        // Pieces of every length from paragraph starts, middles and ends.
        for (number, paragraph) in corpus.paragraphs.enumerated() where number % 7 == 0 {
            let characters = Array(paragraph.text)
            for length in [1, 2, 7, 8, 9, 15, 16, 17, 40] where length <= characters.count {
                phrases.append(String(characters.prefix(length)))
                phrases.append(String(characters.suffix(length)))
                let middle = characters.count / 2
                phrases.append(String(characters[middle..<min(middle + length, characters.count)]))
            }
        }
        Self.check(phrases, in: corpus)
    }

    @Test("counts repeats without overlaps and never across two paragraphs")
    func overlapsAndParagraphBoundaries() {
        let corpus = QuoteCorpus(paragraphs: [
            .init(id: "p-1", sectionID: "s", text: "aaaaaaaaaaaaaaaaaaaaa ends here"),
            .init(id: "p-2", sectionID: "s", text: "Starts here aaaaaaaaaaaaaaaaaaaa"),
            .init(id: "p-3", sectionID: "s", text: "abcabcabcabcabcabcabc  and\u{2028}“quoted”  text"),
            .init(id: "p-4", sectionID: "s", text: ""),
            .init(id: "p-5", sectionID: "s", text: "short"),
        ], sectionIDs: ["s"])
        Self.check(["aaaaaaaaa", "aaaaaaaaaa", "aa", "a", "ends here Starts", "here Starts here", "abcabcabc", "abcabcab",
                    "cabcabcabc", "and \"quoted\" text", "and “quoted” text", "short", "shorts", "aaaaaaaaaaaaaaaaaaaaaaa",
                    "here aaaaaaaaaaaaaaaaaaaa", "here aaaaaaaaaaaaaaaaaaaaa"], in: corpus)
        #expect(corpus.matches(of: "aaaaaaaaa").map(\.paragraphID) == ["p-1", "p-1", "p-2", "p-2"])
        #expect(corpus.matches(of: "ends here Starts").isEmpty)
    }

    @Test("finds nothing in an essay without paragraphs")
    func emptyCorpus() {
        let corpus = QuoteCorpus(paragraphs: [], sectionIDs: [])
        #expect(corpus.matches(of: ["anything at all", "a", ""]) == [[], [], []])
    }

    /// Every offset where `phrase` starts in `text`, overlapping, by comparing at each.
    static func naiveOffsets(of phrase: [UInt8], in text: [UInt8]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= text.count else { return [] }
        return (0...(text.count - phrase.count)).filter { text[$0..<$0 + phrase.count].elementsEqual(phrase) }
    }

    @Test("phrases sharing their first bytes, or their first eight, are all found, at every offset")
    func sharedPrefixes() {
        let text = Array("abcdefghij abcdefgXYZ abcdefghij. ab abab ababababab zz abcdefgh".utf8)
        let phrases = ["abcdefghij", "abcdefgh", "abcdefgX", "abcdefgXYZ abc", "ababababab", "abababab", "abzzzzzz",
                       "ab", "zz abcdefgh", "bcdefghij", "abcdefgh!", "a"].map { Array($0.utf8) }
        let found = PhraseSearch.occurrences(of: phrases, in: text)
        for (phrase, offsets) in zip(phrases, found) {
            #expect(offsets == Self.naiveOffsets(of: phrase, in: text), "\(String(decoding: phrase, as: UTF8.self))")
        }
        #expect(found[0] == [0, 22])
        #expect(found[4] == [42])
        #expect(found[5] == [42, 44])
    }
}
