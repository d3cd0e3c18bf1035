import Foundation
import Testing
@testable import BriefingKit

/// A quote the author's edits broke, and what it most likely became, on short essays in
/// other writers' styles. The threshold (`QuoteReanchor.threshold`, one word in four) is
/// where copy-edits pass and rewrites do not: the cases below sit on both sides of it.
@Suite("Re-anchoring broken quotes")
struct QuoteReanchorTests {
    static func corpus(_ paragraphs: [String]) -> QuoteCorpus {
        QuoteCorpus(paragraphs: paragraphs.enumerated().map { QuoteCorpus.Paragraph(id: Anchor.paragraph($0.offset + 1).id, sectionID: "s", text: $0.element) },
                    sectionIDs: ["s"])
    }

    static let news = corpus([
        "Dock workers at the Port of Halden returned on Monday after a nine-day strike that halted 2.4m containers.",
        "The union said its members won a pay rise of 6.5% over two years, against the 4% employers first offered.",
        "Shipping lines had diverted 14 vessels to Gdansk, and analysts put the cost at $2.4bn in lost trade.",
    ])

    struct Case: CustomTestStringConvertible, Sendable {
        var what: String
        var quote: String
        var isFact: Bool
        var expected: QuoteAdvice?
        var testDescription: String { what }
    }

    static let cases: [Case] = [
        Case(what: "one word changed", quote: "won a pay increase of 6.5% over two years", isFact: true,
             expected: QuoteAdvice(kind: .moved, passage: "won a pay rise of 6.5% over two years", paragraphID: "p-2")),
        Case(what: "a word inserted", quote: "returned on Monday after a strike that halted", isFact: false,
             expected: QuoteAdvice(kind: .moved, passage: "returned on Monday after a nine-day strike that halted", paragraphID: "p-1")),
        Case(what: "curly quotes and punctuation around the words", quote: "analysts put the cost at $2.4bn in trade", isFact: true,
             expected: QuoteAdvice(kind: .moved, passage: "analysts put the cost at $2.4bn in lost trade", paragraphID: "p-3")),
        Case(what: "the figure changed", quote: "a pay rise of 5.5% over two years", isFact: true,
             expected: QuoteAdvice(kind: .figureChanged(old: "5.5%", new: "6.5%"), passage: "a pay rise of 6.5% over two years", paragraphID: "p-2")),
        Case(what: "the figure written another way is the same figure", quote: "analysts put the cost at $2.4 billion in lost trade", isFact: true,
             expected: QuoteAdvice(kind: .moved, passage: "analysts put the cost at $2.4bn in lost trade", paragraphID: "p-3")),
        Case(what: "the figure's unit changed", quote: "that halted 2.4m tonnes", isFact: true,
             expected: QuoteAdvice(kind: .figureChanged(old: "2.4m tonnes", new: "2.4m containers"), passage: "that halted 2.4m containers", paragraphID: "p-1")),
        Case(what: "the figure changed, in an event's quote, is only a copy-edit", quote: "a pay rise of 5.5% over two years", isFact: false,
             expected: QuoteAdvice(kind: .moved, passage: "a pay rise of 6.5% over two years", paragraphID: "p-2")),
        Case(what: "a word beside the passage does not stand in for words the quote lost", quote: "its members have now won a pay rise", isFact: false,
             expected: QuoteAdvice(kind: .moved, passage: "its members won a pay rise", paragraphID: "p-2")),
        Case(what: "a word replaced at the quote's edge stays in the passage", quote: "Cargo lines had diverted 14 vessels to Gdansk", isFact: false,
             expected: QuoteAdvice(kind: .moved, passage: "Shipping lines had diverted 14 vessels to Gdansk", paragraphID: "p-3")),
        Case(what: "the sentence rewritten", quote: "the walkout cost the economy dearly over nine days", isFact: false, expected: nil),
        Case(what: "the sentence deleted", quote: "the harbour master resigned in protest on Friday", isFact: false, expected: nil),
        Case(what: "two words of three changed", quote: "Dock staff left", isFact: false, expected: nil),
    ]

    @Test("a copy-edited quote is placed, a changed figure is reported, a rewrite is not guessed", arguments: cases)
    func advice(_ testCase: Case) {
        #expect(QuoteReanchor().advice(for: testCase.quote, isFact: testCase.isFact, in: Self.news) == testCase.expected)
    }

    @Test("figures are the same when only their notation differs", arguments: [
        ("costs of $2.4 billion", "costs of $2.4bn", true),
        ("ranked in the top ten ports", "ranked in the top-ten ports", true),
        ("a rise of 18-22% in fares", "a rise of 18–22% in fares", true),
        ("a rise of 5.5% in fares", "a rise of 6.5% in fares", false),
        ("costs of $2.4 billion", "costs of €2.4 billion", false),
        ("ranked in the top ten ports", "ranked in the top five ports", false),
    ])
    func sameFigure(_ before: String, _ after: String, _ same: Bool) throws {
        let old = try #require(FigureScanner.figures(in: before).first), new = try #require(FigureScanner.figures(in: after).first)
        #expect(old.states(sameAs: new) == same, "\(old) against \(new)")
    }

    @Test("the best window, from one table per start, is the one window-by-window similarity finds", arguments: [
        "Revenue rose 12% in the first quarter, the company said, and revenue rose 12% in the third quarter as well.",
        "The the the union union said said its members won a pay rise, the union said.",
        "Dock workers at the Port of Halden returned on Monday after a nine-day strike that halted 2.4m containers.",
        "a b",
    ])
    func bestWindow(_ text: String) {
        // The slow way: every window scored and ranked on its own.
        let words = QuoteReanchor.words(in: text)
        for quote in ["revenue rose 12% in the second quarter", "the union said its members won", "returned on monday after a strike", "a b c d e f"] {
            let quoteWords = QuoteReanchor.words(in: quote).map(\.folded)
            var expected: (rank: QuoteReanchor.WindowRank, window: Range<Int>)?
            for start in words.indices {
                for length in max(1, quoteWords.count - QuoteReanchor.slack)...(quoteWords.count + QuoteReanchor.slack) where start + length <= words.count {
                    let score = QuoteReanchor.similarity(quoteWords, words[start..<start + length].map(\.folded))
                    guard score > 0 else { continue }
                    let window = words[start..<start + length].map(\.folded)
                    let rank = QuoteReanchor.WindowRank(score: score, edges: (window.first == quoteWords.first ? 1 : 0) + (window.last == quoteWords.last ? 1 : 0),
                                                        lengthDifference: abs(length - quoteWords.count))
                    if let current = expected, !(rank > current.rank) { continue }
                    expected = (rank, start..<start + length)
                }
            }
            let found = QuoteReanchor.bestWindow(for: quoteWords, in: words)
            #expect(found?.score == expected?.rank.score && found?.window == expected?.window, "\(quote) in \(text)")
        }
    }

    @Test("a quote that two passages are equally like is not placed")
    func ambiguous() {
        let corpus = Self.corpus([
            "Revenue rose 12% in the first quarter, the company said.",
            "Revenue rose 12% in the third quarter, the company said.",
        ])
        #expect(QuoteReanchor().advice(for: "Revenue rose 12% in the second quarter", isFact: true, in: corpus) == nil)
    }

    @Test("check --fix rewrites only the broken quotes' strings, and lists what it leaves")
    func fix() throws {
        let essay = """
            ---
            title: Harbour Strike Ends
            ---

            Dock workers at the Port of Halden returned on Monday after a nine-day strike that halted 2.4m containers.

            The union said its members won a pay rise of 6.5% over two years, against the 4% employers first offered.

            """
        let model = """
            # The strike, by hand.
            facts:
              - id: containers   # the backlog
                figure: "2.4m"
                label: "Containers held up"
                quote: "after a nine-day strike that halted 2.4m containers"
              - id: pay-rise
                figure: "6.5%"
                label: "Pay rise won"
                quote: 'members won a pay rise of 6.5%'
              - id: first-offer
                figure: "4%"
                label: "What employers first offered"
                quote: "against the 4% employers first offered"

            """
        let source = try TestSupport.sourceFolder(seeds: ["strike.md": Data(essay.utf8), "strike.yml": Data(model.utf8)])
        defer { try? FileManager.default.removeItem(at: source) }
        let seedURL = source.appendingPathComponent("seeds/strike.md")
        let edited = essay.replacingOccurrences(of: "a nine-day strike", with: "a nine-day walkout")
            .replacingOccurrences(of: "members won a pay rise", with: "members secured a pay rise")
            .replacingOccurrences(of: "against the 4% employers", with: "against the 3% employers")
        try Data(edited.utf8).write(to: seedURL)

        let check = try TestSupport.runBriefing(["check", "--source", source.path])
        #expect(check.status == 1)
        #expect(check.standardError.contains("seeds/strike.yml:6:12: quote of fact 'containers' not found in the essay; the passage now reads \"after a nine-day walkout that halted 2.4m containers\" (p-1): run briefing check --fix"), "\(check.standardError)")

        let fixed = try TestSupport.runBriefing(["check", "--source", source.path, "--fix"])
        #expect(fixed.status == 1, "the changed figure is left")
        #expect(fixed.standardOutput.contains("fixed seeds/strike.yml:6:12: fact 'containers'"))
        #expect(fixed.standardError.contains("seeds/strike.yml:14:12: quote of fact 'first-offer' now reads \"against the 3% employers first offered\" (p-2), whose figure changed: 4% became 3%; left for you to check"), "\(fixed.standardError)")
        let after = try String(contentsOf: source.appendingPathComponent("seeds/strike.yml"), encoding: .utf8)
        #expect(after == model.replacingOccurrences(of: "\"after a nine-day strike that halted 2.4m containers\"", with: "\"after a nine-day walkout that halted 2.4m containers\"")
            .replacingOccurrences(of: "'members won a pay rise of 6.5%'", with: "\"members secured a pay rise of 6.5%\""))
    }
}
