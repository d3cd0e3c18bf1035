/// Guesses what kind of thing a name is from its own words and the words around it. Each
/// rule is evidence any writer leaves: a head noun ("… Bank"), a title ("Dr …"), a
/// preposition of place ("in …").
enum EntityKindGuess {
    /// What the words around a name's mentions said about it.
    struct Evidence: Sendable, Equatable {
        /// Mentions after a title ("President …") or a noun for a person ("analyst …"),
        /// or a surname standing alone for the name.
        var person = 0
        /// Mentions next to a verb of speech ("… said"): people speak, but so do firms and
        /// banks, so this says less than any other evidence.
        var speech = 0
        /// Mentions after a preposition of place ("in …", "from the …").
        var place = 0
        /// Mentions after a noun for a media outlet ("the newspaper …").
        var outlet = 0
        /// Mentions after a job at it ("an analyst at …") or before a noun only a firm has
        /// ("… shares", "… refinery").
        var organisation = 0

        mutating func add(_ other: Evidence) {
            person += other.person
            speech += other.speech
            place += other.place
            outlet += other.outlet
            organisation += other.organisation
        }
    }

    /// The kind the name's words or the words around it say. The head noun decides first:
    /// a name says what it is by the word it ends on ("Bank of England" ends its head at
    /// "Bank"), and the writer's context cannot overrule it. Then people, whom titles and
    /// surnames mark; outlets, which a noun before them marks; organisations, which a job
    /// at them or shares in them mark ("analysts at Nordbank … Nordbank said" is a bank);
    /// then speech, which marks a person when nothing else does; places, which
    /// prepositions of place mark, though not for an acronym ("the role of NATO").
    static func evidentKind(of aliases: [String], evidence: Evidence) -> EntityKind? {
        let longest = aliases.max { $0.count < $1.count } ?? ""
        if let kind = keywordKind(longest) { return kind }
        // "NATO said": an acronym speaks for an organisation, never a person.
        let isAcronymOnly = aliases.allSatisfy(isAcronym)
        if evidence.person > 0, !isAcronymOnly { return .person }
        if evidence.outlet > 0 { return .outlet }
        if evidence.organisation > 0 { return .organisation }
        if evidence.speech > 0, !isAcronymOnly { return .person }
        if evidence.place > 0, !isAcronymOnly { return .place }
        return nil
    }

    /// The kind of a name nothing marks: its list's kind, since writers list like with
    /// like ("Germany and Austria"), though an acronym listed with places is still no
    /// place ("the EU and NATO"); an acronym is nearly always an organisation; two or
    /// three plain capitalised words, none a name of its own elsewhere in the text ("Air
    /// Serbia"), are most often a person's; a single word, a place; anything else is taken
    /// for an organisation.
    static func guessedKind(of aliases: [String], listedWith neighbours: [EntityKind], otherNames: Set<String>) -> EntityKind {
        let isAcronymOnly = aliases.allSatisfy(isAcronym)
        if let listed = listKind(neighbours), !(isAcronymOnly && listed == .place) { return listed }
        if isAcronymOnly { return .organisation }
        let personal = aliases.contains { alias in
            looksLikePersonalName(alias) && !alias.split(separator: " ").contains { otherNames.contains(String($0)) }
        }
        if personal { return .person }
        // A single word nothing marks is most often a place ("Rotterdam", "the
        // Netherlands"): countries and cities are what writers name without a head noun.
        return aliases.allSatisfy { !$0.contains(" ") } ? .place : .organisation
    }

    /// The kind most of a name's list neighbours have; on a tie, the first listed.
    static func listKind(_ neighbours: [EntityKind]) -> EntityKind? {
        let counts = Dictionary(neighbours.map { ($0, 1) }, uniquingKeysWith: +)
        return neighbours.reduce(nil as EntityKind?) { best, kind in
            guard let best else { return kind }
            return (counts[kind] ?? 0) > (counts[best] ?? 0) ? kind : best
        }
    }

    /// The kind a name's own words give it: its head noun first (the last word before
    /// "of", "for" or "&"), then any keyword, read from the end.
    static func keywordKind(_ name: String) -> EntityKind? {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "/" }).map { String($0) }
        let headEnd = words.firstIndex { ["of", "for", "&", "on"].contains($0) } ?? words.count
        // "Russian Federation" is a country, "Federation of Dutch Trade Unions" a body.
        if headEnd > 0, headEnd < words.count, words[headEnd - 1] == "Federation" { return .organisation }
        if headEnd > 0, let kind = headNounKind(words[headEnd - 1]) { return kind }
        return words.reversed().lazy.compactMap(headNounKind).first
    }

    /// A keyword's kind, also at the end of a compound written as one word: "TurkStream".
    private static func headNounKind(_ word: String) -> EntityKind? {
        if let kind = keywords[word] { return kind }
        guard let capital = word.dropFirst().lastIndex(where: \.isUppercase),
              word[word.index(before: capital)].isLowercase else { return nil }
        return keywords[String(word[capital...])]
    }

    /// "NATO", "U.S.": capital letters, perhaps with dots or digits, no lower case.
    static func isAcronym(_ word: String) -> Bool {
        word.count >= 2 && !word.contains(" ") && word.contains(where: \.isUppercase) && !word.contains(where: \.isLowercase)
    }

    /// Two or three words, each a capital followed by lower case (a hyphen or a particle
    /// allowed): the shape of "Jean-Luc Mélenchon" and "Bashar al-Assad".
    static func looksLikePersonalName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (2...3).contains(words.count) else { return false }
        return words.allSatisfy { word in
            word.split(separator: "-").allSatisfy { part in
                NameWords.surnameParticles.contains(String(part))
                    || (part.first?.isUppercase == true && part.dropFirst().allSatisfy { $0.isLowercase || $0 == "’" || $0 == "'" })
            }
        }
    }

    /// Head nouns and what they make a name.
    static let keywords: [String: EntityKind] = {
        var table: [String: EntityKind] = [:]
        for word in organisationWords { table[word] = .organisation }
        for word in placeWords { table[word] = .place }
        for word in projectWords { table[word] = .project }
        for word in documentWords { table[word] = .document }
        for word in eventWords { table[word] = .event }
        for word in outletWords { table[word] = .outlet }
        return table
    }()

    static let organisationWords = [
        "Ministry", "Council", "Bank", "Union", "Party", "Company", "Corporation", "Corp", "Agency", "Fund",
        "Commission", "Organization", "Organisation", "Group", "Inc", "Ltd", "Forces", "Parliament", "Assembly",
        "Government", "University", "Institute", "Center", "Centre", "Department", "Office", "Church", "Police",
        "Administration", "Court", "Tribunal", "Committee", "Association", "Foundation", "Authority", "Army",
        "Navy", "Service", "Bureau", "Board", "Alliance", "League", "Society", "Academy", "College", "School",
        "Endowment", "AG", "GmbH", "SA", "PLC", "plc", "LLC", "Co", "Motors", "Airlines", "Airways", "Holdings",
        "Industries", "Partners", "Capital", "Securities", "Investments", "Reserve", "Exchange", "Senate",
        "Congress", "Cabinet", "Embassy", "Secretariat", "Trust", "Bundestag", "Duma", "Guard", "Movement",
        "Unions", "Treasury", "Services", "Systems", "Technologies", "Semiconductor", "Semiconductors", "Labs", "Laboratories",
        "Pharmaceuticals", "Energy", "Networks", "Communications", "Enterprises", "Bancorp", "Insurance", "Railways",
        "Ports", "Terminals", "Logistics", "Shipping", "Lines", "Mining", "Resources", "Petroleum", "Steel", "Electric",
        "Media", "Solutions", "Ventures", "Management", "Markets", "Brands", "Foods", "Telecom", "Aerospace",
        "Confederation", "Syndicate",
    ]
    static let placeWords = [
        "Republic", "Kingdom", "City", "River", "Sea", "Ocean", "Mountains", "Mount", "Lake", "Island", "Islands",
        "Region", "Province", "County", "State", "States", "Valley", "Bay", "Gulf", "Strait", "Peninsula",
        "Coast", "Desert", "Street", "Square", "Federation", "Emirates", "Territory", "Territories", "District",
        "Oblast", "Canal", "Basin", "Heights", "Park", "Avenue", "Delta", "Harbour", "Harbor", "Hills", "Falls",
        "Plateau", "Plain", "Sound", "Highlands",
    ]
    static let projectWords = [
        "Stream", "Pipeline", "Project", "Programme", "Program", "Initiative", "Plan", "Corridor", "Railway",
        "Instrument", "Mission", "Scheme",
    ]
    static let documentWords = [
        "Agreement", "Treaty", "Resolution", "Act", "Declaration", "Accord", "Accords", "Report", "Charter",
        "Convention", "Constitution", "Protocol", "Pact", "Memorandum", "Bill", "Directive", "Doctrine",
    ]
    static let eventWords = [
        "War", "Summit", "Conference", "Crisis", "Olympics", "Games", "Forum", "Revolution", "Election",
        "Elections", "Cup", "Championship", "Festival", "Spring", "Uprising", "Massacre", "Genocide",
        "Invasion", "Offensive", "Battle", "Siege", "Referendum",
    ]
    static let outletWords = [
        "Times", "News", "Post", "Journal", "Gazette", "Television", "TV", "Radio", "Herald", "Daily", "Review",
        "Telegraph", "Tribune", "Guardian", "Observer", "Chronicle", "Economist", "Magazine", "Press",
        "Broadcasting", "Channel", "Wire", "Monitor", "Standard", "Mirror", "Express",
    ]
}
