import Foundation
import Testing
@testable import BriefingKit

/// The figure scanner on sentences in news, finance and long-form styles: each with the
/// exact spans it must find (or none), and the value and unit of a sample.
@Suite("Figure scanner")
struct FigureScannerTests {
    struct Spans: Sendable, CustomTestStringConvertible {
        var sentence: String
        var figures: [String]
        var testDescription: String { sentence }
    }

    static let spans: [Spans] = [
        // News
        Spans(sentence: "Officials said 4.2m residents lost power overnight.", figures: ["4.2m residents"]),
        Spans(sentence: "The utility posted a loss of 2.4bn on Tuesday.", figures: ["2.4bn"]),
        Spans(sentence: "The club paid $350m for the stadium.", figures: ["$350m"]),
        Spans(sentence: "Norway exported 45bn cubic metres of gas last year.", figures: ["45bn cubic metres"]),
        Spans(sentence: "Gas flowed through Nord Stream 2 until the blasts.", figures: []),
        Spans(sentence: "The fund raised €400 million from pension schemes.", figures: ["€400 million"]),
        Spans(sentence: "Revenue reached $4.24 billion, up from a year earlier.", figures: ["$4.24 billion"]),
        Spans(sentence: "The bank set aside €7.5bn ($8bn) for bad loans.", figures: ["€7.5bn", "$8bn"]),
        Spans(sentence: "Ministers pledged £3bn for flood defences.", figures: ["£3bn"]),
        Spans(sentence: "The contract is worth USD 5 million over three years.", figures: ["USD 5 million", "three years"]),
        Spans(sentence: "She was fined 5 million euros by the regulator.", figures: ["5 million euros"]),
        Spans(sentence: "The campaign has raised 10k so far.", figures: ["10k"]),
        Spans(sentence: "Public debt now exceeds 2 trillion.", figures: ["2 trillion"]),
        Spans(sentence: "Inflation eased to 12.5% in May.", figures: ["12.5%"]),
        Spans(sentence: "Turnout was 90 percent in the capital.", figures: ["90 percent"]),
        Spans(sentence: "Nearly 90 per cent of respondents agreed.", figures: ["90 per cent"]),
        Spans(sentence: "The pipeline carries 31.5 billion cubic meters a year.", figures: ["31.5 billion cubic meters"]),
        Spans(sentence: "The field could yield 65 bcm annually.", figures: ["65 bcm"]),
        Spans(sentence: "The 850km border runs along the river.", figures: ["850km"]),
        Spans(sentence: "Engineers laid a 530-mile cable under the sea.", figures: ["530-mile"]),
        Spans(sentence: "Waves reached 12ft on the coast.", figures: ["12ft"]),
        Spans(sentence: "The convoy stopped two kilometres from the town.", figures: ["two kilometres"]),
        Spans(sentence: "He signed a three-year contract.", figures: ["three-year"]),
        Spans(sentence: "Russia massed 250,000 troops on the border.", figures: ["250,000 troops"]),
        Spans(sentence: "At least 14 people died in the fire.", figures: ["14 people"]),
        Spans(sentence: "Seven of the 27 member states objected.", figures: ["Seven", "27 member states"]),
        Spans(sentence: "The army held 13 exercises last spring.", figures: ["13 exercises"]),
        Spans(sentence: "Police estimated the crowd at between 10,000 and 15,000.", figures: ["between 10,000 and 15,000"]),
        Spans(sentence: "The rally drew 3,000 to 4,000 supporters.", figures: ["3,000 to 4,000 supporters"]),
        Spans(sentence: "The 2020-21 season was cancelled.", figures: []),
        Spans(sentence: "Output fell in 2019–2020 as plants closed.", figures: []),
        Spans(sentence: "The Airbus A320 and the MiG-29 were on display.", figures: []),
        Spans(sentence: "Under Resolution 1244, the province stayed under UN administration.", figures: []),
        Spans(sentence: "The G7 met after the COVID-19 crisis.", figures: []),
        Spans(sentence: "Windows 11 shipped to millions of users.", figures: []),
        Spans(sentence: "The Boeing 737 fleet is grounded.", figures: []),
        Spans(sentence: "A 16th-century chapel sits on the 3rd floor, the second on the left.", figures: []),
        Spans(sentence: "The meeting starts at 9am, not 10:30, and ends at 5 p.m. sharp.", figures: []),
        Spans(sentence: "In 2008 the firm moved; the 1990s were kinder.", figures: []),
        Spans(sentence: "The deal closed on March 3, 2021, and talks resumed on 3 March.", figures: []),
        Spans(sentence: "The law lists (1) fees and (2) fines.", figures: []),
        Spans(sentence: "See page 12 and section 4 for details.", figures: []),
        Spans(sentence: "One of the officials said no one expected it.", figures: []),
        Spans(sentence: "They met one another in a café.", figures: []),
        Spans(sentence: "It was a long night for a town of farmers.", figures: []),
        Spans(sentence: "Group of Seven leaders met in Italy.", figures: []),
        Spans(sentence: "Some 40 people gathered outside.", figures: ["40 people"]),
        Spans(sentence: "About 40 came. Roughly 12 stayed.", figures: ["40", "12"]),
        Spans(sentence: "On May 5 she flew 5,000 miles.", figures: ["5,000 miles"]),
        // Finance
        Spans(sentence: "Pre-tax profit rose to £1.2bn, while the cost ratio fell 3 percentage points.",
              figures: ["£1.2bn", "3 percentage points"]),
        Spans(sentence: "Shares of the chipmaker jumped 7.5% to $112.40.", figures: ["7.5%", "$112.40"]),
        Spans(sentence: "The yen slid past ¥150 against the dollar.", figures: ["¥150"]),
        Spans(sentence: "The group will pay a dividend of CHF 2.50 a share.", figures: ["CHF 2.50"]),
        Spans(sentence: "Brent traded near $85 a barrel, with output at 1.2m barrels a day.", figures: ["$85", "1.2m barrels a day"]),
        Spans(sentence: "Yields rose 25 basis points.", figures: ["25 basis points"]),
        Spans(sentence: "The bond paid 500 million rubles in coupons.", figures: ["500 million rubles"]),
        Spans(sentence: "The firm posted revenue of US$3.1bn.", figures: ["US$3.1bn"]),
        Spans(sentence: "The bank expects a tenfold rise in fees.", figures: ["tenfold"]),
        Spans(sentence: "Margins grew from 3% to 5% over the decade.", figures: ["3%", "5%"]),
        Spans(sentence: "Analysts expect margins of 18-22% next quarter.", figures: ["18-22%"]),
        Spans(sentence: "Sales could reach 3m to 4m this year.", figures: ["3m to 4m"]),
        Spans(sentence: "The index fell 1.5 points to 7,430.", figures: ["1.5 points", "7,430"]),
        Spans(sentence: "One in five households is behind on rent.", figures: ["One in five"]),
        Spans(sentence: "The company employs some 1,200 engineers and 300 contractors.",
              figures: ["1,200 engineers", "300 contractors"]),
        Spans(sentence: "The stake is worth half a billion dollars.", figures: ["half a billion dollars"]),
        Spans(sentence: "A dozen banks bid for the bonds.", figures: ["A dozen banks"]),
        Spans(sentence: "Two hundred workers were laid off.", figures: ["Two hundred workers"]),
        Spans(sentence: "Prices are four times higher than in 2019.", figures: ["four times"]),
        Spans(sentence: "Imports rose twice as much as exports.", figures: ["twice"]),
        Spans(sentence: "The ECB raised rates by 25bp; earnings per share were 45p.", figures: ["25bp", "45p"]),
        Spans(sentence: "The 737 Max was grounded for 20 months.", figures: ["20 months"]),
        Spans(sentence: "The treaty has 5 articles; see article 5 and § 12.", figures: ["5 articles"]),
        Spans(sentence: "Roughly two in three adults and 1 in 4 children took part.", figures: ["two in three", "1 in 4"]),
        Spans(sentence: "Temperatures hit 40°C in Seville and 104°F in Phoenix.", figures: ["40°C", "104°F"]),
        Spans(sentence: "The dam holds 39 cubic kilometres and produces 22,500 MW.", figures: ["39 cubic kilometres", "22,500 MW"]),
        // Long-form
        Spans(sentence: "A fifth of the land is forest; a tenth is urban.", figures: ["A fifth", "a tenth"]),
        Spans(sentence: "A third of the staff left.", figures: ["A third"]),
        Spans(sentence: "Half the budget went on salaries.", figures: ["Half"]),
        Spans(sentence: "Two-thirds of voters backed the plan.", figures: ["Two-thirds"]),
        Spans(sentence: "Growth slowed in the first half of 2020.", figures: []),
        Spans(sentence: "For three decades the village had relied on a single well.", figures: ["three decades"]),
        Spans(sentence: "My grandmother raised six children on a quarter of the wage.", figures: ["six children", "a quarter"]),
        Spans(sentence: "The remaining four were never found.", figures: ["four"]),
        Spans(sentence: "She ranked among the top ten novelists of her generation.", figures: ["ten novelists"]),
        Spans(sentence: "It took twenty-five years and three quarters of his savings.", figures: ["twenty-five years", "three quarters"]),
        Spans(sentence: "The two sisters spoke twice a week.", figures: ["twice"]),
        Spans(sentence: "Their two sisters met the three Baltic envoys in the three-year talks.", figures: ["two sisters", "three-year"]),
        Spans(sentence: "Relations between the two cooled; those three stayed.", figures: []),
        Spans(sentence: "They walked 12 miles to the next town, through the third gate.", figures: ["12 miles"]),
        Spans(sentence: "The temperature rose by 1.5C above pre-industrial levels.", figures: ["1.5C"]),
        Spans(sentence: "A 30-year-old farmer lost 40 hectares to the flood.", figures: ["30-year", "40 hectares"]),
        Spans(sentence: "Only one country voted against, and one of its envoys left.", figures: []),
        Spans(sentence: "Prices doubled, then rose a third time.", figures: []),
        Spans(sentence: "The war cost between two and five times more than planned.", figures: ["between two and five times"]),
        Spans(sentence: "Six MiG-29 fighter jets flew over the parade.", figures: ["Six MiG-29 fighter jets"]),
        Spans(sentence: "The province holds 63 of the country’s 67 known oil fields.", figures: ["63", "67 known oil fields"]),
    ]

    @Test("finds each figure's whole span, and nothing that is not a figure", arguments: spans)
    func findsSpans(_ example: Spans) {
        #expect(FigureScanner.figures(in: example.sentence).map(\.text) == example.figures)
    }

    struct Reading: Sendable, CustomTestStringConvertible {
        var sentence: String
        var figure: String
        var value: Double?
        var unit: String
        var testDescription: String { figure }
    }

    static let readings: [Reading] = [
        Reading(sentence: "The fund raised €400 million.", figure: "€400 million", value: 400_000_000, unit: "EUR"),
        Reading(sentence: "Revenue reached $4.24 billion.", figure: "$4.24 billion", value: 4_240_000_000, unit: "USD"),
        Reading(sentence: "The bank set aside €7.5bn.", figure: "€7.5bn", value: 7_500_000_000, unit: "EUR"),
        Reading(sentence: "Ministers pledged £3bn.", figure: "£3bn", value: 3_000_000_000, unit: "GBP"),
        Reading(sentence: "It costs USD 5 million.", figure: "USD 5 million", value: 5_000_000, unit: "USD"),
        Reading(sentence: "She was fined 5 million euros.", figure: "5 million euros", value: 5_000_000, unit: "EUR"),
        Reading(sentence: "The firm made US$3.1bn.", figure: "US$3.1bn", value: 3_100_000_000, unit: "USD"),
        Reading(sentence: "It paid 500 million rubles.", figure: "500 million rubles", value: 500_000_000, unit: "RUB"),
        Reading(sentence: "Shares fell 4m kroner in early trading.", figure: "4m kroner", value: 4_000_000, unit: "kroner"),
        Reading(sentence: "Equinor paid 2bn Norwegian kroner.", figure: "2bn Norwegian kroner", value: 2_000_000_000, unit: "NOK"),
        Reading(sentence: "It is worth half a billion dollars.", figure: "half a billion dollars", value: 500_000_000, unit: "USD"),
        Reading(sentence: "Officials said 4.2m residents left.", figure: "4.2m residents", value: 4_200_000, unit: "residents"),
        Reading(sentence: "Norway sold 45bn cubic metres.", figure: "45bn cubic metres", value: 45_000_000_000, unit: "cubic metres"),
        Reading(sentence: "It carries 31.5 billion cubic meters.", figure: "31.5 billion cubic meters", value: 31_500_000_000,
                unit: "cubic meters"),
        Reading(sentence: "It could yield 65 bcm.", figure: "65 bcm", value: 65, unit: "bcm"),
        Reading(sentence: "The 850km border.", figure: "850km", value: 850, unit: "km"),
        Reading(sentence: "A 530-mile cable.", figure: "530-mile", value: 530, unit: "miles"),
        Reading(sentence: "A three-year contract.", figure: "three-year", value: 3, unit: "years"),
        Reading(sentence: "Output hit 1.2m barrels a day.", figure: "1.2m barrels a day", value: 1_200_000, unit: "barrels per day"),
        Reading(sentence: "It warmed by 1.5C.", figure: "1.5C", value: 1.5, unit: "°C"),
        Reading(sentence: "Inflation eased to 12.5%.", figure: "12.5%", value: 12.5, unit: "percent"),
        Reading(sentence: "Turnout was 90 per cent.", figure: "90 per cent", value: 90, unit: "percent"),
        Reading(sentence: "Rates rose 4.5 percentage points.", figure: "4.5 percentage points", value: 4.5, unit: "percentage points"),
        Reading(sentence: "Yields rose 25 basis points.", figure: "25 basis points", value: 25, unit: "basis points"),
        Reading(sentence: "Russia massed 250,000 troops.", figure: "250,000 troops", value: 250_000, unit: "troops"),
        Reading(sentence: "A dozen banks bid.", figure: "A dozen banks", value: 12, unit: "banks"),
        Reading(sentence: "Two hundred workers left.", figure: "Two hundred workers", value: 200, unit: "workers"),
        Reading(sentence: "Seven of the 27 member states objected.", figure: "Seven", value: 7, unit: "count"),
        Reading(sentence: "Debt exceeds 2 trillion.", figure: "2 trillion", value: 2_000_000_000_000, unit: "count"),
        Reading(sentence: "It raised 10k so far.", figure: "10k", value: 10_000, unit: "count"),
        Reading(sentence: "Prices are four times higher.", figure: "four times", value: 4, unit: "multiple"),
        Reading(sentence: "Imports rose twice as much.", figure: "twice", value: 2, unit: "multiple"),
        Reading(sentence: "Fees rose tenfold.", figure: "tenfold", value: 10, unit: "multiple"),
        Reading(sentence: "Half the budget went.", figure: "Half", value: 0.5, unit: "fraction"),
        Reading(sentence: "One in five households.", figure: "One in five", value: 0.2, unit: "fraction"),
        Reading(sentence: "A quarter of the staff.", figure: "A quarter", value: 0.25, unit: "fraction"),
        Reading(sentence: "Margins of 18-22% next year.", figure: "18-22%", value: nil, unit: "percent"),
        Reading(sentence: "Sales of 3m to 4m a year.", figure: "3m to 4m", value: nil, unit: "count"),
        Reading(sentence: "Crowds of between 10,000 and 15,000.", figure: "between 10,000 and 15,000", value: nil, unit: "count"),
        Reading(sentence: "It cost between €3bn and €4bn.", figure: "between €3bn and €4bn", value: nil, unit: "EUR"),
        Reading(sentence: "It cost between two and five times more.", figure: "between two and five times", value: nil, unit: "multiple"),
    ]

    @Test("reads each figure's value and unit", arguments: readings)
    func readsValues(_ example: Reading) throws {
        let figure = try #require(FigureScanner.figures(in: example.sentence).first { $0.text == example.figure })
        #expect(figure.unit == example.unit)
        if let value = example.value {
            let found = try #require(figure.value)
            #expect(abs(found - value) <= abs(value) * 1e-12)
        } else {
            #expect(figure.value == nil)
        }
    }

    @Test("one paragraph mixing figures with years, markers, names and dates")
    func mixedParagraph() {
        let text = "In 2008 (1) it paid €400 million, some 90 percent, for 31.5 billion cubic meters and 65 bcm; "
            + "13 of 17 exercises, 250,000 people, three times the price, twice tabled; T-72MS, MiG-29, resolution 1244, the 1920s, January 1st."
        #expect(FigureScanner.figures(in: text).map(\.text) == [
            "€400 million", "90 percent", "31.5 billion cubic meters", "65 bcm", "13", "17 exercises", "250,000 people",
            "three times", "twice",
        ])
    }

    @Test("thirds are read as exact ratios")
    func thirds() {
        let figures = FigureScanner.figures(in: "A third of the staff left and two-thirds stayed.")
        #expect(figures.map(\.value) == [1.0 / 3.0, 2.0 / 3.0])
        #expect(figures.map(\.unit) == ["fraction", "fraction"])
    }

    @Test("ranges are UTF-8 offsets of the span as written, after non-ASCII text")
    func utf8Ranges() {
        let text = "Vučić’s “deal” cost €400 million—twice the estimate."
        let figures = FigureScanner.figures(in: text)
        let bytes = Array(text.utf8)
        #expect(figures.map(\.text) == ["€400 million", "twice"])
        for figure in figures {
            #expect(String(decoding: bytes[figure.range], as: UTF8.self) == figure.text)
        }
        let starts = ["Vučić’s “deal” cost ", "Vučić’s “deal” cost €400 million—"].map(\.utf8.count)
        #expect(figures.map(\.range.lowerBound) == starts)
    }

    @Test("figures come sorted and never overlap, on any text")
    func sortedAndDisjoint() throws {
        let essay = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("seeds/000_5c98944540f2f0af.txt"), encoding: .utf8)
        let edges = [
            "", "$", "-5", "1-", "between", "a", "half a", "US$", "12,34,567.8.9", "between 1 and", "3 to", "€", "one in",
            "twenty-", "5°", "(1", "1)", "\n2.", "😀4m😀", "é5bn", "1,000,", "a third", "two-", "7–", "US$5bn–",
        ]
        let texts = Self.spans.map(\.sentence) + [essay] + edges
        for text in texts {
            let ranges = FigureScanner.figures(in: text).map(\.range)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
            #expect(ranges.allSatisfy { !$0.isEmpty && $0.upperBound <= text.utf8.count })
        }
    }
}
