import Foundation
import Testing
@testable import BriefingKit

/// The date a drafted fact takes from its sentence, on sentences in other writers' styles:
/// a wrong date in a fact box misleads, where a missing one only asks to be written.
@Suite("Drafted facts' dates")
struct DraftFactDateTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var sentence: String
        var figure: String
        /// The drafted `when`, as written in the model; nil for none.
        var when: String?
        var testDescription: String { "\(figure) in \"\(sentence.prefix(50))…\"" }
    }

    static let cases: [Case] = [
        Case(sentence: "Trade grew from $2.8 billion in 2021 to $4.24 billion in 2022.", figure: "$2.8 billion", when: "2021"),
        Case(sentence: "Trade grew from $2.8 billion in 2021 to $4.24 billion in 2022.", figure: "$4.24 billion", when: "2022"),
        Case(sentence: "In 2022, food exports were valued at $200 million, rising only slightly to $210 million in 2023.", figure: "$200 million", when: "2022"),
        Case(sentence: "In 2022, food exports were valued at $200 million, rising only slightly to $210 million in 2023.", figure: "$210 million", when: "2023"),
        Case(sentence: "The reliance dates back to 2008, when Belgrade sold the company for a modest €400 million.", figure: "€400 million", when: "2008"),
        Case(sentence: "Halvorsen will spend $2.4bn on a plant in Tampere, its largest investment since it listed in Oslo in 2011.", figure: "$2.4bn", when: nil),
        Case(sentence: "Demand from carmakers has grown 18-22% a year since 2023.", figure: "18-22%", when: nil),
        Case(sentence: "Prior to 2022, Russia supplied nearly 100 percent of the country's gas.", figure: "100 percent", when: nil),
        Case(sentence: "The plant is due to open in March 2029 and will employ about 1,100 people.", figure: "1,100 people", when: "2029-03"),
        Case(sentence: "The dock strike, which began on 3 May 2024, halted 2.4m containers.", figure: "2.4m containers", when: "2024-05-03"),
    ]

    @Test("a fact takes the date of its clause, or one before it, never a span's bound or a later clause's", arguments: cases)
    func factDate(_ testCase: Case) throws {
        let text = "---\ntitle: Dates\n---\n\n\(testCase.sentence)\n"
        let essay = try EssayReader.read(Data(text.utf8), file: "seeds/dates.md", format: .markdown)
        let draft = try ModelDrafter().draft(essay, file: "seeds/dates.yml")
        let fact = try #require(draft.model.facts.first { $0.figure == testCase.figure }, "\(draft.model.facts.map(\.figure))")
        #expect(fact.when?.description == testCase.when)
    }
}
