import Foundation
import Testing
@testable import BriefingKit

/// The name scanner on sentences written in several styles, each case exercising one of
/// its rules, and on the seed essay.
@Suite("Name scanner")
struct NameScannerTests {
    struct Expected: CustomStringConvertible {
        var aliases: [String]
        var kind: EntityKind
        var description: String { "\(aliases) \(kind.rawValue)" }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var rule: String
        var paragraphs: [String]
        var expected: [(aliases: [String], kind: EntityKind)]
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "titles are evidence of a person and no part of the name; a surname alone is an alias",
             paragraphs: ["On Monday, President Emmanuel Macron met Mr Smith in Paris. Macron said the talks had gone well."],
             expected: [(["Emmanuel Macron", "Macron"], .person), (["Smith"], .person), (["Paris"], .place)]),
        Case(rule: "multi-word titles and royal or religious titles",
             paragraphs: ["Prime Minister Keir Starmer met Chancellor Olaf Scholz and Pope Francis in Rome. "
                          + "Senator Jane Roe and General Mark Milley later joined King Charles."],
             expected: [(["Keir Starmer"], .person), (["Olaf Scholz"], .person), (["Francis"], .person), (["Rome"], .place),
                        (["Jane Roe"], .person), (["Mark Milley"], .person), (["Charles"], .person)]),
        Case(rule: "an acronym in parentheses is an alias, and so is its later bare use",
             paragraphs: ["However, the North Atlantic Treaty Organization (NATO) met in Brussels on Tuesday.",
                          "Officials said NATO would send troops to Estonia in April."],
             expected: [(["North Atlantic Treaty Organization", "NATO"], .organisation), (["Brussels"], .place), (["Estonia"], .place)]),
        Case(rule: "an acronym spelled out in lower case abbreviates a common noun",
             paragraphs: ["Imports of liquefied natural gas (LNG) from Qatar doubled, and LNG prices fell."],
             expected: [(["Qatar"], .place)]),
        Case(rule: "an ampersand sits inside a name; 'of' before a name of several words is no place",
             paragraphs: ["Shares of Procter & Gamble rose 3% after the Bank of England held rates. "
                          + "Jane Doe, an analyst at Barclays, said the Federal Reserve would follow."],
             expected: [(["Procter & Gamble"], .organisation), (["Bank of England"], .organisation), (["Jane Doe"], .person),
                        (["Barclays"], .organisation), (["Federal Reserve"], .organisation)]),
        Case(rule: "a name with an ampersand after 'in' is a place; months are no names",
             paragraphs: ["Trinidad & Tobago sold bonds worth $2 billion in March.", "Investors in Trinidad & Tobago cheered."],
             expected: [(["Trinidad & Tobago"], .place)]),
        Case(rule: "apostrophes, hyphens and diacritics sit inside names; a possessive before a capital stays in a name",
             paragraphs: ["Every summer we drove to Martha’s Vineyard, where Søren Aabye Kierkegaard’s essays waited on the shelf.",
                          "Kierkegaard wrote of dread; Jean-Luc Mélenchon, whom Dr O’Neill admired, wrote of France."],
             expected: [(["Martha’s Vineyard"], .place), (["Søren Aabye Kierkegaard", "Kierkegaard"], .person),
                        (["Jean-Luc Mélenchon"], .person), (["O’Neill"], .person), (["France"], .place)]),
        Case(rule: "a possessive ’s or 's is stripped",
             paragraphs: ["Russia’s economy shrank while wages in Russia rose, and Germany's exports slowed."],
             expected: [(["Russia"], .place), (["Germany"], .place)]),
        Case(rule: "demonyms, faiths and directions are no entities, but a name may contain one",
             paragraphs: ["Russian, Serbian and Chinese officials met European Union envoys; Catholic and Western observers "
                          + "watched, along with Ukrainian diplomats and the Russian Orthodox Church."],
             expected: [(["European Union"], .organisation), (["Russian Orthodox Church"], .organisation)]),
        Case(rule: "a sentence's first word counts only when it is capitalised mid-sentence elsewhere",
             paragraphs: ["Gazprom shares fell. Analysts expect Gazprom to recover. Unsurprisingly, prices rose. The market agreed."],
             expected: [(["Gazprom"], .organisation)]),
        Case(rule: "a particle after a title opens the surname; a sentence's lone first word needs a lone use elsewhere",
             paragraphs: ["Employers, represented by the Rotterdam Port Employers Association, met Mr de Vries on the quay.",
                          "Laura Chen runs Silica Semiconductor. Chen said Silica would hire."],
             expected: [(["Rotterdam Port Employers Association"], .organisation), (["de Vries"], .person),
                        (["Laura Chen", "Chen"], .person), (["Silica Semiconductor", "Silica"], .organisation)]),
        Case(rule: "a number written after a name is part of it; a job at a firm marks an organisation",
             paragraphs: ["The plan, set out in Resolution 120, was welcomed by an economist at Rabobank."],
             expected: [(["Resolution 120"], .document), (["Rabobank"], .organisation)]),
        Case(rule: "an acronym spelling a name written with commas joins it; an apposition says what a name is",
             paragraphs: ["Figures from the Ministry of Housing, Communities and Local Government (MHCLG) were cited by "
                          + "Barratt Redrow, the largest builder, and by Angela Rayner, the housing secretary."],
             expected: [(["Ministry of Housing, Communities and Local Government", "MHCLG"], .organisation),
                        (["Barratt Redrow"], .organisation), (["Angela Rayner"], .person)]),
        Case(rule: "model designations and figures are no names",
             paragraphs: ["The MiG-29 and two T-72MS tanks arrived in Belgrade in 2024 with 1,200 troops."],
             expected: [(["Belgrade"], .place)]),
        Case(rule: "quarters, halves and financial years are dates, not names; G7 is a name",
             paragraphs: ["Shares in Nordbank rose in Q3 2025, after H1 results that beat FY2024 guidance and FY25 forecasts made for the G7."],
             expected: [(["Nordbank"], .organisation), (["G7"], .organisation)]),
        Case(rule: "connectors never start or end a name; a weekday or month does not begin one",
             paragraphs: ["Leaders gathered in Paris for the summit, and I arrived on Friday; by May the Council of Europe had agreed."],
             expected: [(["Paris"], .place), (["Council of Europe"], .organisation)]),
        Case(rule: "a possessive before a title, or of a name used alone, ends the name",
             paragraphs: ["In a letter, Ukraine’s President Volodymyr Zelensky thanked Poland, and Poland’s Orlen refinery paid."],
             expected: [(["Ukraine"], .place), (["Volodymyr Zelensky"], .person), (["Poland"], .place),
                        (["Orlen"], .organisation)]),
        Case(rule: "a name that 'and' joins recurs whole; a pair named once is two names",
             paragraphs: ["Bosnia and Herzegovina borders Croatia. Trade between Germany and Austria grew.",
                          "Elections in Bosnia and Herzegovina follow in October."],
             expected: [(["Bosnia and Herzegovina"], .place), (["Croatia"], .place), (["Germany"], .place),
                        (["Austria"], .place)]),
        Case(rule: "head nouns give the kind: places, projects, documents, events, outlets",
             paragraphs: ["Flights from Mexico City to the Czech Republic crossed the Caspian Sea.",
                          "After the Paris Agreement and the Munich Security Conference, the Nord Stream pipeline came up.",
                          "The story ran in the Financial Times and the Washington Post, and on Radio Free Europe."],
             expected: [(["Mexico City"], .place), (["Czech Republic"], .place), (["Caspian Sea"], .place),
                        (["Paris Agreement"], .document), (["Munich Security Conference"], .event), (["Nord Stream"], .project),
                        (["Financial Times"], .outlet), (["Washington Post"], .outlet), (["Radio Free Europe"], .outlet)]),
        Case(rule: "a noun for a person or an outlet before a name, and names listed together, share a kind",
             paragraphs: ["As economist Mariana Mazzucato argued, the newspapers Danas, Blic and Politika agreed."],
             expected: [(["Mariana Mazzucato"], .person), (["Danas"], .outlet), (["Blic"], .outlet), (["Politika"], .outlet)]),
        Case(rule: "a sentence's first word capitalised within (a hyphenated name, an acronym) is a name",
             paragraphs: ["Antwerp-Bruges handled the diverted cargo. FNV members voted on Tuesday. Cargo moved again."],
             expected: [(["Antwerp-Bruges"], .place), (["FNV"], .organisation)]),
        Case(rule: "measures and job titles written in capitals are no names",
             paragraphs: ["Dutch GDP grew 0.3% as the CPI eased; the CEO of Heineken and the CFO of Philips expect VAT to rise.",
                          "Grants of up to PLN 35,000 were paid, and CHF bonds sold."],
             expected: [(["Heineken"], .organisation), (["Philips"], .organisation)]),
        Case(rule: "'X, the company said' is no apposition but who said it; a firm's head noun gives its kind",
             paragraphs: ["Investors bought Halvorsen shares. It will build a plant in Tampere, the company said, and Hutchison Ports will run it."],
             expected: [(["Halvorsen"], .organisation), (["Tampere"], .place), (["Hutchison Ports"], .organisation)]),
        Case(rule: "what is held in a name makes it a firm, not a place",
             paragraphs: ["Pension funds sold shares in Halvorsen and bought a stake in Nordbank, both based in Oslo."],
             expected: [(["Halvorsen"], .organisation), (["Nordbank"], .organisation), (["Oslo"], .place)]),
        Case(rule: "a firm that speaks stays a firm; speech alone still marks a person",
             paragraphs: ["Analysts at Nordbank raised their forecast. Nordbank said exports rose. Shares in Vestfold rose after Vestfold said it "
                          + "would pay a dividend. The payout was a one-off, Moen said."],
             expected: [(["Nordbank"], .organisation), (["Vestfold"], .organisation), (["Moen"], .person)]),
        Case(rule: "an acronym takes the full name whose initials it is",
             paragraphs: ["The European Union and the United States disagreed. Later the EU and the U.S. settled."],
             expected: [(["European Union", "EU"], .organisation), (["United States", "U.S."], .place)]),
    ]

    @Test("names, aliases and kinds", arguments: cases)
    func scansCase(_ testCase: Case) {
        let names = NameScanner.names(in: testCase.paragraphs)
        #expect(names.map { Expected(aliases: $0.aliases, kind: $0.kind).description }
            == testCase.expected.map { Expected(aliases: $0.aliases, kind: $0.kind).description })
        Self.expectMatchable(names, in: testCase.paragraphs)
    }

    @Test("the name is the fullest form, mentions are every occurrence in text order")
    func mentionsAndFullestForm() throws {
        let paragraphs = ["The NATO summit opened.", "The North Atlantic Treaty Organization (NATO) then closed it, said NATO."]
        let names = NameScanner.names(in: paragraphs)
        let nato = try #require(names.first)
        #expect(nato.name == "North Atlantic Treaty Organization")
        #expect(nato.aliases == ["North Atlantic Treaty Organization", "NATO"])
        #expect(nato.mentions.map(\.paragraph) == [0, 1, 1, 1])
        #expect(nato.mentions.map { String(paragraphs[$0.paragraph].utf8Slice($0.range)) }
            == ["NATO", "North Atlantic Treaty Organization", "NATO", "NATO"])
    }

    @Test("every alias found in the seed essay is found by AliasMatcher, and no two names share one")
    func seedAliasesMatch() throws {
        let document = MarkdownDocument(markdown: EssayMarkdown.body(of: try TestSupport.seedEssay()))
        document.consolidateTextNodes()
        let paragraphs = EssayAnchoring().outline(of: document).paragraphs.map(\.text)
        let names = NameScanner.names(in: paragraphs)
        #expect(names.count > 50)
        Self.expectMatchable(names, in: paragraphs)
        #expect(names == NameScanner.names(in: paragraphs))
        let vucic = try #require(names.first { $0.name == "Aleksandar Vučić" })
        #expect(vucic.aliases == ["Aleksandar Vučić", "Vučić"] && vucic.kind == .person)
        for junk in ["On Monday", "However", "The", "Russian", "Western", "European", "MiG-29", "Serbian"] {
            #expect(!names.contains { $0.aliases.contains(junk) }, "\(junk) offered as a name")
        }
    }

    /// Each alias is found by the model's matcher, where the scanner says; no folded
    /// spelling belongs to two names.
    static func expectMatchable(_ names: [NameScanner.Name], in paragraphs: [String]) {
        let entities = names.enumerated().map { index, name in
            Entity(id: "e\(index)", name: name.name, kind: name.kind, aliases: name.aliases, position: SourcePosition(line: 1, column: 1))
        }
        let matcher = AliasMatcher(entities: entities)
        let found = paragraphs.enumerated().flatMap { paragraph, text in
            matcher.find(in: text).map { (paragraph: paragraph, found: $0) }
        }
        for (index, name) in names.enumerated() {
            let own = found.filter { $0.found.entityID == "e\(index)" }
            #expect(Set(own.map(\.found.alias)) == Set(name.aliases), "\(name.name): aliases the matcher never finds")
            #expect(own.map { NameScanner.Mention(paragraph: $0.paragraph, range: $0.found.range, alias: $0.found.alias) } == name.mentions)
        }
        let folded = names.flatMap(\.aliases).map { FoldedText.phrase($0) }
        #expect(Set(folded).count == folded.count, "two names share an alias")
    }
}
