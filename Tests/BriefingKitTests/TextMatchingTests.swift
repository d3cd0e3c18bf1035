import Foundation
import Testing
@testable import BriefingKit

/// Folding, alias matching and the digest's tallies are each checked against a plain
/// implementation of the same rule, on the seed and on inputs chosen to trip them up.
@Suite("Text matching")
struct TextMatchingTests {
    static let trickyTexts = [
        "", " ", "  \t\n ", "a", "NIS", "NIS.", "(NIS)", "xNIS", "NISx", "NIS NIS", "NIS-NIS", "the NIS’s sale",
        "Gazprom Neft and Gazprom", "Gazprom  Neft", "Gazprom\nNeft", "gazprom neft", "GAZPROM NEFT",
        "Aleksandar Vučić met Vučić", "Vučićevo Vučić", "Vučić", "“Gazprom” said ‘NIS’", "\"Gazprom\" said 'NIS'",
        "E.U.", "the EU’s EU", "EUR EU", "Serbia\u{00A0}Gazprom", "Serbia\u{2028}Gazprom", "Serbia\u{3000}NIS",
        "Belgrade’s 2008 deal", "e\u{301} NIS Vuc\u{30C}ic\u{301}", "🇷🇸 NIS 🇷🇸", "NIS\u{301}", "Š NIS Š",
        "Gazprom Neft Gazprom Neft Gazprom", "New York City and York", "a b a b a",
    ]

    static let trickyEntities = [
        entity("nis", ["NIS", "Naftna Industrija Srbije"]),
        entity("gazprom-neft", ["Gazprom Neft"]),
        entity("gazprom", ["Gazprom", "“Gazprom”"]),
        entity("vucic", ["Aleksandar Vučić", "Vučić"]),
        entity("eu", ["EU", "E.U.", "European Union"]),
        entity("serbia", ["Serbia", "Serbia’s"]),
        entity("nyc", ["New York City"]),
        entity("york", ["York", "New York"]),
        entity("letters", ["a", "a b", "b a", "Š"]),
        entity("empty", ["", "  "]),
    ]

    static func entity(_ id: String, _ aliases: [String]) -> Entity {
        Entity(id: id, name: aliases.first ?? id, kind: .organisation, aliases: aliases, position: SourcePosition(line: 1, column: 1))
    }

    // MARK: Folding

    /// Folds scalar by scalar with `String` APIs: white space runs become one space,
    /// curly quotes straight; each folded byte keeps its scalar's span.
    static func referenceFold(_ text: String) -> (bytes: [UInt8], starts: [Int], ends: [Int]) {
        var bytes: [UInt8] = [], starts: [Int] = [], ends: [Int] = []
        var offset = 0
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let width = String(scalar).utf8.count
            defer { offset += width }
            if scalar.properties.isWhitespace {
                if lastWasSpace { ends[ends.count - 1] = offset + width } else {
                    bytes.append(0x20); starts.append(offset); ends.append(offset + width)
                }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            let straight: String = switch scalar {
            case "‘", "’", "‚", "‛", "′", "ʼ": "'"
            case "“", "”", "„", "‟", "″": "\""
            default: String(scalar)
            }
            for byte in straight.utf8 { bytes.append(byte); starts.append(offset); ends.append(offset + width) }
        }
        return (bytes, starts, ends)
    }

    @Test("folds text without combining marks as a scalar-by-scalar fold does", arguments: trickyTexts + [
        "\u{85}x\u{2009}\u{200A} y\u{202F}z\u{205F}", "‚‛′ʼ„‟″", "ok\r\n\r\nok", "日本語のテキスト", "𝒳 𝒴\t\t𝒵",
    ])
    func foldsLikeReference(text: String) {
        guard !text.unicodeScalars.contains(where: { $0.properties.canonicalCombiningClass != .notReordered || $0.properties.isGraphemeExtend })
        else { return }
        let folded = FoldedText(text)
        let expected = Self.referenceFold(text)
        #expect(folded.bytes == expected.bytes)
        for index in expected.bytes.indices {
            #expect(folded.originalRange(of: index..<index + 1) == expected.starts[index]..<expected.ends[index], "\(text.debugDescription) at \(index)")
        }
    }

    @Test("folds every paragraph of the seed as a scalar-by-scalar fold does")
    func foldsSeedLikeReference() throws {
        for paragraph in try QuoteSearchTests.seedCorpus().paragraphs {
            let expected = Self.referenceFold(paragraph.text)
            #expect(paragraph.folded.bytes == expected.bytes)
            let whole = 0..<expected.bytes.count
            if !whole.isEmpty {
                #expect(paragraph.folded.originalRange(of: whole) == expected.starts[0]..<expected.ends[whole.upperBound - 1])
            }
        }
    }

    // MARK: Aliases

    /// Tries every alias at every place of the folded text, longest first.
    static func referenceFind(_ entities: [Entity], in text: String) -> [AliasMatcher.Found] {
        let folded = FoldedText(text)
        let candidates = entities.flatMap { entity in entity.aliases.map { (entity.id, $0, FoldedText.phrase($0)) } }
            .filter { !$0.2.isEmpty }.enumerated().sorted { ($0.element.2.count, -$0.offset) > ($1.element.2.count, -$1.offset) }
            .map(\.element)
        var claimed = Set<Int>()
        var found: [(Int, AliasMatcher.Found)] = []
        for (id, alias, needle) in candidates {
            for start in folded.bytes.indices where start + needle.count <= folded.bytes.count {
                let range = start..<start + needle.count
                guard Array(folded.bytes[range]) == needle, folded.isWholeWord(range), claimed.isDisjoint(with: range) else { continue }
                claimed.formUnion(range)
                found.append((start, AliasMatcher.Found(entityID: id, alias: alias, range: folded.originalRange(of: range))))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    @Test("finds the names a search per alias finds, in tricky text", arguments: trickyTexts)
    func findsTrickyNames(text: String) {
        let matcher = AliasMatcher(entities: Self.trickyEntities)
        #expect(matcher.find(in: text) == Self.referenceFind(Self.trickyEntities, in: text), "\(text.debugDescription)")
    }

    @Test("finds overlapping names, names at the ends and curly quotes as folding defines them")
    func findsNamedCases() {
        let matcher = AliasMatcher(entities: Self.trickyEntities)
        let names = { (text: String) in matcher.find(in: text).map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) } }
        #expect(names("Gazprom Neft and Gazprom") == ["Gazprom Neft", "Gazprom"])
        #expect(names("New York City and York") == ["New York City", "York"])
        #expect(names("NIS") == ["NIS"])
        #expect(names("xNIS NISx gazprom") == [])
        #expect(names("Aleksandar Vučić met Vučić") == ["Aleksandar Vučić", "Vučić"])
        #expect(names("the “Gazprom” deal") == ["“Gazprom”"])
        #expect(names("Gazprom  Neft") == ["Gazprom  Neft"])
        #expect(names("Š") == ["Š"])
    }

    @Test("finds the seed's names as a search per alias does")
    func findsSeedNames() throws {
        let model = try TestSupport.resolvedModel(at: TestSupport.packageRoot, seed: "seeds/\(TestSupport.seedName).txt").0
        let matcher = AliasMatcher(entities: model.entities)
        var total = 0
        for paragraph in try QuoteSearchTests.seedCorpus().paragraphs {
            let found = matcher.find(in: paragraph.folded)
            #expect(found == Self.referenceFind(model.entities, in: paragraph.text), "\(paragraph.id)")
            total += found.count
        }
        #expect(total > 100)
    }

    // MARK: Digest tallies

    static func mention(_ entity: String, _ paragraph: String, _ sentence: String) -> EntityMention {
        EntityMention(entityID: entity, paragraphID: paragraph, sectionID: "s", sentence: sentence, alias: entity, isLinked: false)
    }

    /// Groups by paragraph and counts each pair of distinct entities once per paragraph.
    static func referenceCompanions(_ mentions: [EntityMention]) -> [String: [String: Int]] {
        var together: [String: [String: Int]] = [:]
        for group in Dictionary(grouping: mentions, by: \.paragraphID).values {
            let ids = Set(group.map(\.entityID))
            for id in ids { for other in ids where other != id { together[id, default: [:]][other, default: 0] += 1 } }
        }
        return together
    }

    static func seedMentions() throws -> [EntityMention] {
        let model = try TestSupport.resolvedModel(at: TestSupport.packageRoot, seed: "seeds/\(TestSupport.seedName).txt").0
        return try Annotator().annotate(TestSupport.seedEssay(), model: model).mentions
    }

    @Test("counts companions per paragraph, wherever a paragraph's mentions stand")
    func companions() throws {
        let scattered = [
            Self.mention("a", "p-1", "x"), Self.mention("b", "p-1", "x"), Self.mention("a", "p-2", "y"),
            Self.mention("c", "p-2", "y"), Self.mention("b", "p-1", "z"), Self.mention("c", "p-1", "z"),
            Self.mention("a", "p-1", "x"), Self.mention("d", "p-3", "w"),
        ]
        #expect(SiteRenderer.companions(scattered).dictionary == Self.referenceCompanions(scattered))
        #expect(SiteRenderer.companions(scattered).dictionary["a"] == ["b": 1, "c": 2])
        #expect(SiteRenderer.companions([]) == .none)
        #expect(SiteRenderer.companions(scattered).ids == ["a", "b", "c"])
        let seed = try Self.seedMentions()
        #expect(seed.count > 100)
        #expect(SiteRenderer.companions(seed).dictionary == Self.referenceCompanions(seed))
    }

    @Test("keeps each entity's first sentences once per paragraph and counts every mention")
    func mentionUsages() throws {
        var mentions = [
            Self.mention("a", "p-1", "One."), Self.mention("a", "p-1", "One."), Self.mention("a", "p-2", "One."),
            Self.mention("b", "p-1", "One."), Self.mention("a", "p-1", "Two."),
        ]
        mentions += (0..<40).map { Self.mention("c", "p-\($0 % 30)", "S\($0 % 30).") }
        let usages = SiteRenderer.mentionUsages(mentions, in: .briefing(slug: "x"), links: .fromEntityPages)
        #expect(usages["a"]?.mentionCount == 4)
        #expect(usages["a"]?.mentions.map(\.sentence) == ["One.", "One.", "Two."])
        let links = PageLinks.fromEntityPages
        #expect(usages["a"]?.mentions.map(\.url) == [1, 2, 1].map { links.to(.briefing(slug: "x"), at: .paragraph($0)) })
        #expect(usages["a"]?.mentions.first?.paragraph == "¶1")
        #expect(usages["b"]?.mentions.count == 1)
        #expect(usages["c"]?.mentionCount == 40)
        #expect(usages["c"]?.mentions.count == EntityUsage.sentenceLimit)
        #expect(usages["c"]?.mentions.map(\.sentence) == (0..<EntityUsage.sentenceLimit).map { "S\($0)." })
    }

    // MARK: Scraped lines

    @Test("finds a caption's credit only where the separator stands as whole characters")
    func captionSeparator() {
        let reader = ScrapedEssayReader(file: "x.txt")
        #expect(reader.caption(from: "A lake. / Source: Jane Doe") == Caption(text: "A lake.", credit: "Jane Doe"))
        #expect(reader.caption(from: "Vučić / Source: Tanjug / Source: AP") == Caption(text: "Vučić", credit: "Tanjug / Source: AP"))
        #expect(reader.caption(from: "A lake. / Source: \u{301}Jane") == nil)
        #expect(reader.caption(from: "A lake. / Source: \u{301}Jane / Source: AP") == Caption(text: "A lake. / Source: \u{301}Jane", credit: "AP"))
        #expect(reader.caption(from: "A lake. / Source:") == nil)
        #expect(reader.caption(from: "A lake / source: x") == nil)
    }

    @Test("counts characters, not bytes, when a line may be a heading")
    func headingLength() {
        let reader = ScrapedEssayReader(file: "x.txt")
        #expect(reader.looksLikeHeading("Š" + String(repeating: "ž", count: 80)))
        #expect(!reader.looksLikeHeading("S" + String(repeating: "z", count: 90)))
        #expect(reader.looksLikeHeading("S" + String(repeating: "z", count: 89)))
        #expect(reader.looksLikeHeading("S" + String(repeating: "z", count: 80) + String(repeating: "\u{301}", count: 20)))
        #expect(!reader.looksLikeHeading("S" + String(repeating: "z", count: 80) + String(repeating: "ž", count: 10)))
    }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    /// The rule, one character at a time.
    static func plainEscape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    @Test("text is escaped as the five-character rule says, at its ends, in runs and around non-ASCII")
    func matchesTheRule() throws {
        let samples = ["", "plain", "&", "<b>", "Serbia's \"partner\"", "a&&b", "'quoted'", "Beograd – “Ćuprija” & <Niš>", "é'", "&amp;"]
        for sample in samples {
            #expect(HTMLText.escape(sample) == Self.plainEscape(sample), "\(sample)")
        }
        for paragraph in try TestSupport.seedText().split(separator: "\n") {
            #expect(HTMLText.escape(String(paragraph)) == Self.plainEscape(String(paragraph)))
        }
    }
}
