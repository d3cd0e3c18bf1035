/// Guesses what kind of thing a name is from its own words and the words around it. Each
/// rule is evidence any writer leaves: a head noun ("… Bank"), a title ("Dr …"), a
/// preposition of place ("in …").
enum EntityKindGuess {
    /// What the words around a name's mentions said about it.
    struct Evidence: Sendable, Equatable {
        /// Mentions after a title ("President …") or a noun for a person ("analyst …"),
        /// next to a verb of speech ("… said"), or a surname standing alone for the name.
        var person = 0
        /// Mentions after a preposition of place ("in …", "from the …").
        var place = 0
        /// Mentions after a noun for a media outlet ("the newspaper …").
        var outlet = 0

        mutating func add(_ other: Evidence) {
            person += other.person
            place += other.place
            outlet += other.outlet
        }
    }

    /// The head noun decides first: a name says what it is by the word it ends on ("Bank of
    /// England" ends its head at "Bank"), and the writer's context cannot overrule it.
    /// Then people, whom titles, speech and surnames mark; outlets, which a noun before
    /// them marks; acronyms, which are nearly always organisations; places, which
    /// prepositions of place mark. A name of two or three plain capitalised words is most
    /// often a person's; anything else is taken for an organisation.
    static func kind(of aliases: [String], evidence: Evidence) -> EntityKind {
        let longest = aliases.max { $0.count < $1.count } ?? ""
        if let kind = keywordKind(longest) { return kind }
        if evidence.person > 0 { return .person }
        if evidence.outlet > 0 { return .outlet }
        if aliases.allSatisfy(isAcronym) { return .organisation }
        if evidence.place > 0 { return .place }
        if aliases.contains(where: looksLikePersonalName) { return .person }
        return .organisation
    }

    /// The kind a name's own words give it: its head noun first (the last word before
    /// "of", "for" or "&"), then any keyword, read from the end.
    static func keywordKind(_ name: String) -> EntityKind? {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "/" }).map { String($0) }
        let headEnd = words.firstIndex { ["of", "for", "&", "on"].contains($0) } ?? words.count
        if headEnd > 0, let kind = keywords[words[headEnd - 1]] { return kind }
        for word in words.reversed() {
            if let kind = keywords[word] { return kind }
        }
        return nil
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
    ]
    static let placeWords = [
        "Republic", "Kingdom", "City", "River", "Sea", "Ocean", "Mountains", "Mount", "Lake", "Island", "Islands",
        "Region", "Province", "County", "State", "States", "Valley", "Bay", "Gulf", "Strait", "Peninsula",
        "Coast", "Desert", "Street", "Square", "Federation", "Emirates", "Territory", "Territories", "District",
        "Oblast", "Canal", "Basin", "Heights", "Park", "Avenue",
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
