import Foundation
import Testing
@testable import BriefingKit

/// Re-anchoring with the memory of where each quote resolved (`QuoteAnchor`): an essay
/// is annotated as a build does, the author edits a paragraph holding a quote, and the
/// advisor says what the quote became, with and without what the build remembered. The
/// essays are short ones of news, finance and long-form writing.
@Suite("Re-anchoring broken quotes with remembered anchors")
struct QuoteReanchorMemoryTests {
    enum Outcome: Equatable, CustomStringConvertible {
        /// The quote is still in the essay as it was.
        case resolves
        case placed(passage: String, paragraphID: String)
        case figureChanged(old: String, new: String, passage: String)
        case lost

        var description: String {
            switch self {
            case .resolves: "resolves"
            case let .placed(passage, id): "placed at \(id): \(passage)"
            case let .figureChanged(old, new, passage): "figure \(old) → \(new): \(passage)"
            case .lost: "lost"
            }
        }
    }

    /// An essay in Markdown; a block that starts `## ` is a heading.
    static func essay(_ blocks: [String]) throws -> Essay {
        let text = "---\ntitle: Revisions\n---\n\n" + blocks.joined(separator: "\n\n") + "\n"
        return try EssayReader.read(Data(text.utf8), file: "seeds/revisions.md", format: .markdown)
    }

    static func corpus(of essay: Essay) -> QuoteCorpus {
        QuoteCorpus(EssayAnchoring().outline(of: MarkdownDocument(markdown: EssayMarkdown.body(of: essay))))
    }

    /// What a build of `essay` with `quote` as a fact's (or an event's) remembers.
    static func remembered(_ quote: String, isFact: Bool, in essay: Essay) throws -> [QuoteAnchor] {
        let scalar = "'" + quote.replacingOccurrences(of: "'", with: "''") + "'"
        let model = isFact
            ? "facts:\n  - id: the-figure\n    figure: \"\(FigureScanner.figures(in: quote).first?.text ?? "1")\"\n    label: \"The figure\"\n    quote: \(scalar)\n"
            : "events:\n  - id: the-event\n    when: \"2024\"\n    title: \"The event\"\n    quote: \(scalar)\n"
        let (loaded, problems) = ModelLoader().load(TextFile(path: "seeds/revisions.yml", text: model))
        return try Annotator().annotate(essay, model: loaded, modelDiagnostics: problems).quoteAnchors
    }

    /// What becomes of `quote`, which resolves in `before`, once the essay reads `after`.
    static func outcome(of quote: String, isFact: Bool, before: [String], after: [String], remembering: Bool) throws -> Outcome {
        let anchors = remembering ? try remembered(quote, isFact: isFact, in: essay(before)) : []
        if remembering { #expect(anchors.count == 1, "the quote resolves before the edit") }
        let corpus = corpus(of: try essay(after))
        if corpus.matches(of: quote).count == 1 { return .resolves }
        let advisor = remembering ? QuoteReanchor(remembered: anchors) : QuoteReanchor()
        guard let advice = advisor.advice(for: quote, isFact: isFact, in: corpus) else { return .lost }
        switch advice.kind {
        case .moved: return .placed(passage: advice.passage, paragraphID: advice.paragraphID)
        case let .figureChanged(old, new): return .figureChanged(old: old, new: new, passage: advice.passage)
        }
    }

    struct Revision: CustomTestStringConvertible, Sendable {
        var what: String
        var quote: String
        var isFact: Bool
        var before: [String]
        var after: [String]
        /// Without memory, and with it.
        var forgotten: Outcome
        var remembered: Outcome
        var testDescription: String { what }
    }

    static let strike = [
        "Dock workers at Teesport walked out on Monday after talks on night-shift pay collapsed.",
        "The union said 1,800 members would stay out until the operator restored the overtime rate of 1.5 times basic pay.",
        "Ferries to Rotterdam sailed half empty, and hauliers queued for six hours at the gates.",
    ]

    static let results = [
        "## Results",
        "Harlow Foods said on Thursday that sales in Europe rose 6% in the second quarter as retailers restocked shelves.",
        "## Outlook",
        "The board kept its forecast for the year and raised the interim dividend to 42 cents a share.",
    ]

    static let river = [
        "## The town",
        "For most of the last century the mill was the reason anyone lived in Brede at all, and the river was the reason for the mill.",
        "My grandmother remembered the week in 1953 when the water rose past the second step of the chapel.",
        "## The river",
        "Nobody fishes there now, though the herons have come back in numbers nobody alive has seen.",
    ]

    static let revisions: [Revision] = [
        Revision(what: "a word changed inside the quote", quote: "walked out on Monday after talks on night-shift pay collapsed", isFact: false,
                 before: strike, after: [strike[0].replacingOccurrences(of: "talks", with: "negotiations"), strike[1], strike[2]],
                 forgotten: .placed(passage: "walked out on Monday after negotiations on night-shift pay collapsed", paragraphID: "p-1"),
                 remembered: .placed(passage: "walked out on Monday after negotiations on night-shift pay collapsed", paragraphID: "p-1")),
        Revision(what: "words added before and after the quote", quote: "1,800 members would stay out", isFact: true,
                 before: strike, after: [strike[0], "In a statement, the union said 1,800 members would stay out indefinitely, until the operator restored the overtime rate of 1.5 times basic pay.", strike[2]],
                 forgotten: .resolves, remembered: .resolves),
        Revision(what: "a word added just before the quote and one inside it", quote: "members would stay out until the operator restored the overtime rate", isFact: false,
                 before: strike, after: [strike[0], "The union said 1,800 striking members would stay out until the operator had restored the overtime rate of 1.5 times basic pay.", strike[2]],
                 forgotten: .placed(passage: "members would stay out until the operator had restored the overtime rate", paragraphID: "p-2"),
                 remembered: .placed(passage: "members would stay out until the operator had restored the overtime rate", paragraphID: "p-2")),
        Revision(what: "the quote's sentence split in two", quote: "Ferries to Rotterdam sailed half empty, and hauliers queued for six hours", isFact: false,
                 before: strike, after: [strike[0], strike[1], "Ferries to Rotterdam sailed half empty. Hauliers queued for six hours at the gates."],
                 forgotten: .placed(passage: "Ferries to Rotterdam sailed half empty. Hauliers queued for six hours", paragraphID: "p-3"),
                 remembered: .placed(passage: "Ferries to Rotterdam sailed half empty. Hauliers queued for six hours", paragraphID: "p-3")),
        Revision(what: "the paragraph moved to another section, a word changed", quote: "the water rose past the second step of the chapel", isFact: false,
                 before: river, after: [river[0], river[1], river[3], river[4], river[2].replacingOccurrences(of: "rose", with: "crept")],
                 forgotten: .placed(passage: "the water crept past the second step of the chapel", paragraphID: "p-3"),
                 remembered: .placed(passage: "the water crept past the second step of the chapel", paragraphID: "p-3")),
        Revision(what: "the quote's sentence deleted", quote: "the herons have come back in numbers", isFact: false,
                 before: river, after: [river[0], river[1], river[2], river[3], "Nobody fishes there now."],
                 forgotten: .lost, remembered: .lost),
        Revision(what: "the figure changed", quote: "raised the interim dividend to 42 cents a share", isFact: true,
                 before: results, after: [results[0], results[1], results[2], results[3].replacingOccurrences(of: "42 cents", with: "45 cents")],
                 forgotten: .figureChanged(old: "42 cents", new: "45 cents", passage: "raised the interim dividend to 45 cents a share"),
                 remembered: .figureChanged(old: "42 cents", new: "45 cents", passage: "raised the interim dividend to 45 cents a share")),
        Revision(what: "two like sentences, told apart by the words around the old one", quote: "sales in Europe rose 6% in the second quarter", isFact: true,
                 before: results,
                 after: [results[0], "Harlow Foods said on Thursday that sales across Europe rose 6% in the second quarter as retailers restocked shelves.",
                         "In Asia, where two plants stood idle, sales in Asia rose 6% in the second quarter from a low base.", results[2], results[3]],
                 forgotten: .lost,
                 remembered: .placed(passage: "sales across Europe rose 6% in the second quarter", paragraphID: "p-1")),
        Revision(what: "two like sentences in like surroundings", quote: "sales in Europe rose 6% in the second quarter", isFact: true,
                 before: results,
                 after: [results[0], "Harlow Foods said on Thursday that sales across Europe rose 6% in the second quarter as retailers restocked shelves.",
                         "Harlow Foods said on Thursday that sales in Asia rose 6% in the second quarter as retailers restocked shelves.", results[2], results[3]],
                 forgotten: .lost, remembered: .lost),
        Revision(what: "a drafted quote of the figure alone, the figure changed", quote: "1,800", isFact: true,
                 before: strike, after: [strike[0], strike[1].replacingOccurrences(of: "1,800", with: "2,100"), strike[2]],
                 forgotten: .lost, remembered: .figureChanged(old: "1,800", new: "2,100", passage: "2,100")),
        Revision(what: "a drafted quote of the figure alone, written another way", quote: "6%", isFact: true,
                 before: results, after: [results[0], results[1].replacingOccurrences(of: "6%", with: "6 per cent"), results[2], results[3]],
                 forgotten: .lost, remembered: .placed(passage: "6 per cent", paragraphID: "p-1")),
        Revision(what: "a drafted quote of the figure alone, in another unit", quote: "42 cents", isFact: true,
                 before: results, after: [results[0], results[1], results[2], results[3].replacingOccurrences(of: "42 cents", with: "$0.42")],
                 forgotten: .lost, remembered: .figureChanged(old: "42 cents", new: "$0.42", passage: "$0.42")),
        Revision(what: "a drafted two-word quote, a word beside the figure changed", quote: "rose 6%", isFact: true,
                 before: results, after: [results[0], results[1].replacingOccurrences(of: "rose 6%", with: "grew 6%"), results[2], results[3]],
                 forgotten: .lost, remembered: .placed(passage: "grew 6%", paragraphID: "p-1")),
        Revision(what: "a drafted quote of the figure alone, its sentence rewritten around another", quote: "1.5 times", isFact: true,
                 before: strike, after: [strike[0], "The union said its members would return once the operator paid double time for night shifts.", strike[2]],
                 forgotten: .lost, remembered: .lost),
        Revision(what: "a drafted quote of the figure alone, the figure deleted", quote: "six hours", isFact: true,
                 before: strike, after: [strike[0], strike[1], "Ferries to Rotterdam sailed half empty, and hauliers queued for hours at the gates."],
                 forgotten: .lost, remembered: .lost),
        Revision(what: "an event's short quote is not placed by its surroundings", quote: "six hours", isFact: false,
                 before: strike, after: [strike[0], strike[1], "Ferries to Rotterdam sailed half empty, and hauliers queued for nine hours at the gates."],
                 forgotten: .lost, remembered: .lost),
    ]

    @Test("an edit to a paragraph holding a quote: fixed, figure change or lost, with and without memory", arguments: revisions)
    func revision(_ revision: Revision) throws {
        let forgotten = try Self.outcome(of: revision.quote, isFact: revision.isFact, before: revision.before, after: revision.after, remembering: false)
        #expect(forgotten == revision.forgotten)
        let remembered = try Self.outcome(of: revision.quote, isFact: revision.isFact, before: revision.before, after: revision.after, remembering: true)
        #expect(remembered == revision.remembered)
    }

    /// The quote of the tie-break cases, and the paragraph it resolved in.
    static let tieQuote = "sales in Europe rose 6% in the second quarter"
    static let quarter = [
        "Harlow Foods said on Thursday that sales in Europe rose 6% in the second quarter as retailers restocked their shelves.",
        "The board kept its forecast for the year.",
    ]

    struct Tie: CustomTestStringConvertible, Sendable {
        var what: String
        /// The essay after the edit: two passages as like the quote, one each in two paragraphs.
        var after: [String]
        var remembered: Outcome
        var testDescription: String { what }
    }

    /// Each constant of the tie-break with a case on either side of it: the passages are
    /// `sales in Europe climbed 6%…` and `sales in Asia rose 6%…`, each a word off the quote.
    static let ties: [Tie] = [
        Tie(what: "context: one remembered word of ten differs around the other passage, which decides nothing",
            after: ["Markets were quiet.",
                    "Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves.",
                    "Harlow Foods said on Friday that sales in Asia rose 6% in the second quarter as retailers restocked their shelves."],
            remembered: .lost),
        Tie(what: "context: two remembered words of ten differ, a fifth, which places it",
            after: ["Markets were quiet.",
                    "Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves.",
                    "Harlow Foods said on Friday that sales in Asia rose 6% in the second quarter as retailers restocked their warehouses."],
            remembered: .placed(passage: "sales in Europe climbed 6% in the second quarter", paragraphID: "p-2")),
        Tie(what: "place: one word of context and the remembered paragraph together place it",
            after: ["Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves.",
                    "Harlow Foods said on Friday that sales in Asia rose 6% in the second quarter as retailers restocked their shelves."],
            remembered: .placed(passage: "sales in Europe climbed 6% in the second quarter", paragraphID: "p-1")),
        Tie(what: "place: the remembered paragraph alone decides nothing",
            after: ["Harlow Foods said on Thursday that sales in Asia rose 6% in the second quarter as retailers restocked their shelves.",
                    "Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves."],
            remembered: .lost),
        Tie(what: "place: the remembered paragraph against one word of context decides nothing",
            after: ["Harlow Foods said on Friday that sales in Asia rose 6% in the second quarter as retailers restocked their shelves.",
                    "Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves."],
            remembered: .lost),
        Tie(what: "words remembered: the fifth word before the quote counts",
            after: ["Markets were quiet.",
                    "Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves.",
                    "Harlow Group said on Thursday that sales in Asia rose 6% in the second quarter as retailers restocked their warehouses."],
            remembered: .placed(passage: "sales in Europe climbed 6% in the second quarter", paragraphID: "p-2")),
        Tie(what: "words remembered: the sixth word before the quote does not",
            after: ["Markets were quiet.",
                    "Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves.",
                    "Lyle Foods said on Thursday that sales in Asia rose 6% in the second quarter as retailers restocked their warehouses."],
            remembered: .lost),
        Tie(what: "the figure changed in the passage the context points at: a figure change, not the other passage",
            after: ["Harlow Foods said on Thursday that sales in Europe rose 7% in the second quarter as retailers restocked their shelves.",
                    "Lyle Foods said on Monday that sales in Asia rose 6% in the second quarter as wholesalers cut their prices."],
            remembered: .figureChanged(old: "6%", new: "7%", passage: "sales in Europe rose 7% in the second quarter")),
    ]

    @Test("two passages equally like the quote: the remembered context places one only when it tells them apart", arguments: ties)
    func tie(_ tie: Tie) throws {
        #expect(try Self.outcome(of: Self.tieQuote, isFact: true, before: Self.quarter, after: tie.after, remembering: false) == .lost,
                "without memory the two passages tie")
        #expect(try Self.outcome(of: Self.tieQuote, isFact: true, before: Self.quarter, after: tie.after, remembering: true) == tie.remembered)
    }

    @Test("the threshold stays the gate: a passage too unlike the quote is not placed, however well its context matches")
    func gate() throws {
        let quote = "the council voted to close the library on Saturdays from the spring"
        let before = ["After a long evening, the council voted to close the library on Saturdays from the spring, to save money."]
        // The passage in the remembered place keeps the context but lost too many words; the other one is good enough but stands elsewhere.
        let after = ["After a long evening, the council chose to shut the town library on Saturdays after the spring, to save money.",
                     "Residents heard that the council voted to close the pool on Sundays from the summer."]
        #expect(try Self.outcome(of: quote, isFact: false, before: before, after: after, remembering: false) == .lost)
        #expect(try Self.outcome(of: quote, isFact: false, before: before, after: after, remembering: true) == .lost)
    }

    @Test("a memory of other quotes, or of none, changes nothing")
    func unrelatedMemory() throws {
        let after = ["Harlow Foods said on Thursday that sales in Europe climbed 6% in the second quarter as retailers restocked their shelves.",
                     "Harlow Foods said on Friday that sales in Asia rose 6% in the second quarter as retailers restocked their warehouses."]
        let corpus = Self.corpus(of: try Self.essay(after))
        var anchors = try Self.remembered(Self.tieQuote, isFact: true, in: Self.essay(Self.quarter))
        #expect(QuoteReanchor(remembered: anchors).advice(for: Self.tieQuote, isFact: true, in: corpus)?.paragraphID == "p-1")
        anchors[0].quote = "sales in Asia fell 6% in the second quarter"
        #expect(QuoteReanchor(remembered: anchors).advice(for: Self.tieQuote, isFact: true, in: corpus) == nil)
        #expect(QuoteReanchor(remembered: []).advice(for: Self.tieQuote, isFact: true, in: corpus) == nil)
    }
}
