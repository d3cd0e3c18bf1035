/// Word tables the name rules consult. They hold words of the language, never names from
/// any one essay: what titles people carry, which small words sit inside names, which
/// capitalised words are not names.
enum NameWords {
    /// Honorifics and offices written before a person's name. They are not part of the
    /// name, but they say the name after them is a person's.
    static let titles: Set<String> = [
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady",
        "President", "Premier", "Chancellor", "Senator", "Sen", "Rep", "Representative",
        "Congressman", "Congresswoman", "Governor", "Gov", "Mayor", "General", "Gen", "Colonel", "Col",
        "Captain", "Capt", "Lieutenant", "Lt", "Admiral", "Sergeant", "Sgt", "Commander",
        "King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Pope", "Cardinal", "Bishop",
        "Archbishop", "Rabbi", "Imam", "Sheikh", "Minister", "Secretary", "Ambassador", "Judge", "Justice",
        "Chairman", "Chairwoman", "Chair", "Director", "Commissioner", "Fellow", "Deputy", "Speaker",
        "Executive", "Patriarch", "Metropolitan", "Father",
    ]

    /// Words that form a title only together with the title word after them ("Prime
    /// Minister", "Foreign Secretary"); alone they may begin a name ("Foreign Ministry").
    static let titleModifiers: Set<String> = [
        "Vice", "Prime", "Deputy", "Foreign", "Defence", "Defense", "Finance", "Interior", "Chief", "Executive",
    ]

    /// Small words that may sit inside a name ("Bank of England", "Procter & Gamble",
    /// "Ludwig van Beethoven") but never start or end one.
    static let connectors: Set<String> = [
        "&", "of", "the", "for", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le",
        "von", "van", "der", "den", "ter", "ten", "y", "bin", "ibn",
    ]

    /// Lower-case particles written before a surname with a hyphen ("al-Assad").
    /// Particles that open a surname in lower case after a title: "Mr de Vries", "Dr van der Berg".
    static let lowerSurnameParticles: Set<String> = ["de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "la", "le", "ter", "ten"]

    static let surnameParticles: Set<String> = ["al", "el", "ad", "an", "as", "at", "bin", "ibn", "abu", "d", "l"]

    /// Jobs held at a firm: "an analyst at …", "economists for …", "the chief executive of …".
    static let jobNouns: Set<String> = [
        "ceo", "ceos", "cfo", "coo", "cto",
        "analyst", "analysts", "economist", "economists", "strategist", "strategists", "executive", "executives",
        "director", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "banker",
        "bankers", "engineer", "engineers", "researcher", "researchers", "employee", "employees", "worker", "workers",
        "manager", "managers", "trader", "traders", "lawyer", "lawyers", "official", "officials",
    ]

    /// What a firm is called in an apposition: "Barratt Redrow, the largest builder".
    static let firmKinds: Set<String> = [
        "company", "firm", "builder", "housebuilder", "bank", "lender", "group", "maker", "producer", "retailer",
        "insurer", "airline", "carrier", "operator", "supplier", "manufacturer", "developer", "chipmaker",
        "utility", "conglomerate", "giant", "startup", "start-up", "broker", "fund", "brewer", "miner", "refiner",
        "publisher", "broadcaster", "newspaper", "party", "union", "charity", "agency", "regulator", "watchdog",
    ]

    /// What is held in a firm: "shares in …", "a stake in …".
    static let holdingNouns: Set<String> = ["shares", "stake", "stakes", "holdings", "shareholding"]

    /// Nouns only a firm has after its name: "… shares", "Orlen refinery".
    static let firmNouns: Set<String> = [
        "shares", "stock", "stake", "subsidiary", "subsidiaries", "shareholders", "refinery", "refineries", "plant",
        "factory", "factories", "chief", "executives", "spokesman", "spokeswoman", "board", "bonds", "brand",
        "headquarters", "earnings", "profits", "revenue", "CEO", "boss",
    ]

    static let weekdays: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static let months = Set(DateLanguage.english.months)

    /// Capitalised words that are not names wherever they stand.
    static let nonNames: Set<String> = [
        "I", "I’m", "I'm", "I’ve", "I'd", "OK", "AM", "PM", "TV", "Internet", "Web", "God",
        "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
        "Northeast", "Northwest", "Southeast", "Southwest",
    ]

    /// What economics and business write in capitals and name nobody by: never a name,
    /// nor part of one ("the CEO of Heineken", "PLN 35,000").
    static let commonCapitals: Set<String> = Set([
        "GDP", "GNP", "CPI", "PPI", "PMI", "VAT", "IPO", "IPOs", "ETF", "ETFs", "EBITDA", "LNG", "AI",
        "CEO", "CEOs", "CFO", "COO", "CTO",
    ]).union(FigureUnits.currencyCodes)

    /// Function words that open sentences and headlines: capitalised at the start of a
    /// sentence, they are never the first word of a name.
    static let sentenceOpeners: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "By", "For", "From", "To", "With",
        "Of", "And", "But", "Or", "As", "If", "When", "While", "Since", "After", "Before", "Although", "Though",
        "It", "Its", "He", "She", "We", "They", "You", "His", "Her", "Their", "Our", "My", "Your", "There",
        "Here", "What", "Which", "Who", "Why", "How", "Where", "Yet", "So", "Not", "No", "All", "Some", "Many",
        "Most", "Each", "Every", "Such", "Both", "One", "Even", "Still", "Also", "Only", "Over", "Under",
        "Despite", "During", "Unlike", "Like", "Among", "Between", "Through", "Without", "Within", "Then",
        "Now", "Later", "Last", "Next", "First", "Meanwhile", "However", "Moreover", "Besides", "Instead",
    ]

    /// Words a writer puts before a person's name to say what the person does.
    static let personNouns: Set<String> = [
        "scientist", "analyst", "economist", "journalist", "spokesperson", "spokesman", "spokeswoman", "writer",
        "author", "historian", "professor", "minister", "president", "leader", "chief", "director", "founder",
        "chairman", "chairwoman", "lawyer", "researcher", "diplomat", "envoy", "ambassador",
        "activist", "candidate", "commentator", "reporter", "editor", "novelist", "poet", "philosopher",
        "politician", "strategist", "investor", "banker", "executive", "manager", "economist", "singer",
        "actor", "actress", "artist", "composer", "player", "coach", "colleague", "rival", "successor",
        "predecessor", "chancellor", "senator", "governor", "mayor", "fellow", "secretary", "partner",
        "cofounder", "co-founder", "ceo", "cfo", "architect", "designer", "physicist", "biologist", "scholar",
    ]

    /// Verbs of speech: a name next to one is, most of the time, a person's.
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "argued", "argues", "wrote", "writes", "added", "stated", "claimed", "insisted",
        "noted", "warned", "explained", "recalled", "asked", "replied", "announced", "admitted", "tweeted",
    ]

    /// Words that put a place after them: "in Serbia", "from Lisbon".
    static let placePrepositions: Set<String> = [
        "in", "to", "from", "of", "across", "into", "near", "toward", "towards", "throughout", "within", "around", "via",
    ]

    /// Prepositions after which "the" may stand before a place: "in the Balkans".
    static let placePrepositionsBeforeThe: Set<String> = ["in", "into", "across", "throughout", "within", "around"]

    /// Nouns that put a media outlet after them: "the newspaper Danas".
    static let outletNouns: Set<String> = [
        "newspaper", "newspapers", "daily", "dailies", "weekly", "broadcaster", "channel", "magazine", "tabloid",
        "website", "portal", "outlet", "outlets", "network", "networks", "station", "paper",
    ]

    /// Words that follow a demonym used as a noun or a name as a subject, not as an
    /// adjective: "Russian said" is no adjective.
    static let nonAdjectivalFollowers: Set<String> = [
        "and", "or", "but", "who", "which", "that", "is", "was", "are", "were", "has", "had", "have", "did",
        "does", "do", "will", "would", "can", "could", "may", "might", "also", "then", "to", "in", "of",
    ]
}
