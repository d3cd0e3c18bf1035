import Foundation
import Testing
@testable import BriefingKit

/// What a drafted fact quotes and how it is labelled, on paragraphs in other writers'
/// styles: the quote is what the page highlights, the label what the fact box says.
@Suite("Drafted facts' quotes and labels")
struct DraftQuoteTests {
    static func draft(_ paragraphs: [String]) throws -> BriefingModel {
        let text = "---\ntitle: Quotes\n---\n\n" + paragraphs.joined(separator: "\n\n") + "\n"
        let essay = try EssayReader.read(Data(text.utf8), file: "seeds/quotes.md", format: .markdown)
        return try ModelDrafter().draft(essay, file: "seeds/quotes.yml").model
    }

    @Test("a figure written twice is quoted with a word that says something, not a preposition or an article")
    func quoteEdges() throws {
        let model = try Self.draft(["Halvorsen will spend $2.4bn on a second plant in Tampere.",
                                    "Lindqvist said the $2.4bn figure included a contingency for delays."])
        let quotes = model.facts.filter { $0.figure == "$2.4bn" }.map(\.quote.text)
        #expect(quotes == ["spend $2.4bn", "$2.4bn figure"])
    }

    @Test("a long clause is labelled from its opening words to the end of the statement its figure is in")
    func longClause() throws {
        let model = try Self.draft(["Albemarle cut its capital budget to $1.6bn for 2025 and laid off 7% of its staff.",
                                    "Barges on the Rhine carried 40% less cargo in August 2025 than a year earlier.",
                                    "Sales fell 38% in 2023 as the programme's payments were delayed and interest rates reached 6.75%."])
        let labels = Dictionary(uniqueKeysWithValues: model.facts.map { ($0.figure, $0.label) })
        #expect(labels["$1.6bn"] == "Albemarle cut its capital budget to $1.6bn for 2025")
        #expect(labels["40%"] == "Barges on the Rhine carried 40% less cargo in August 2025")
        // Further into the clause, the label is the statement the figure is in.
        #expect(labels["7%"] == "Laid off 7% of its staff")
        #expect(labels["6.75%"] == "Interest rates reached 6.75%")
    }

    @Test("a clause that only compares is labelled with the clause before it")
    func comparingClause() throws {
        let model = try Self.draft(["Analysts put the company's net debt at 2.1 times earnings, up from 0.8 times."])
        let earlier = try #require(model.facts.first { $0.figure == "0.8 times" })
        #expect(earlier.label.contains("2.1 times earnings") && earlier.label.hasSuffix("up from 0.8 times"), "\(earlier.label)")
        #expect(earlier.id.split(separator: "-").count > 1, "\(earlier.id)")
        let later = try #require(model.facts.first { $0.figure == "2.1 times" })
        #expect(!later.label.contains("0.8"), "\(later.label)")
    }
}
