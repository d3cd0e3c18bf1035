/// Words for peoples and faiths and the adjectives made from them ("Russian",
/// "Catholic"): capitalised, but naming no one entity. Directions ("Western") are no
/// names alone either (see `NameWords.nonNames`) but begin some ("Northern Ireland").
enum Demonyms {
    /// Demonyms the suffix rules below miss.
    static let listed: Set<String> = [
        "German", "Germans", "Cuban", "Cubans", "Moroccan", "Moroccans", "Kenyan", "Kenyans", "Venezuelan",
        "Venezuelans", "Mexican", "Mexicans", "American", "Americans", "Dominican", "Puerto", "Thai", "Swiss",
        "French", "Dutch", "Greek", "Greeks", "Czech", "Czechs", "Slovak", "Slovaks", "Serb", "Serbs", "Croat",
        "Croats", "Bosniak", "Bosniaks", "Turk", "Turks", "Pole", "Poles", "Dane", "Danes", "Finn", "Finns",
        "Swede", "Swedes", "Scot", "Scots", "Brit", "Brits", "Kurd", "Kurds", "Jew", "Jews", "Arab", "Arabs",
        "Kosovar", "Kosovars", "Qatari", "Qataris", "Iraqi", "Iraqis", "Israeli", "Israelis", "Pakistani",
        "Pakistanis", "Saudi", "Saudis", "Emirati", "Emiratis", "Somali", "Somalis", "Yemeni", "Yemenis",
        "Kuwaiti", "Bahraini", "Omani", "Bangladeshi", "Nepali", "Afghan", "Afghans", "Uzbek", "Uzbeks",
        "Kazakh", "Kazakhs", "Tajik", "Tajiks", "Catholic", "Catholics", "Orthodox", "Muslim", "Muslims",
        "Islamic", "Islamist", "Islamists", "Christian", "Christians", "Protestant", "Protestants", "Jewish",
        "Hindu", "Hindus", "Sikh", "Sikhs", "Buddhist", "Buddhists", "Sunni", "Shia", "Shiite", "Slavic", "Slav",
        "Slavs", "Nordic", "Baltic", "Celtic", "Hispanic", "Latino", "Latina", "Arabic", "Soviet", "Soviets",
        "Communist", "Communists", "Democrat", "Democrats", "Republican", "Republicans", "Westerners",
        "Easterners", "Maori", "Inuit", "Filipino", "Filipinos",
    ]

    /// Endings that make a capitalised word a demonym whatever its stem: "Chinese",
    /// "British", and plurals of peoples, "Ukrainians", "Koreans".
    static let certainSuffixes = ["ese", "ish", "ians", "eans", "icans"]

    /// Endings of demonyms that also end given names ("Serbian" and "Adrian"); a word
    /// with one counts as a demonym when it stands alone, for a given name comes with a
    /// surname, or when the writer also uses it as an adjective.
    static let likelySuffixes = ["ian", "ean", "ican"]

    /// True when `word` (or, for "Russian-Serbian", each part of it) is a demonym.
    /// `adjectives` are the capitalised words the text puts directly before a lower-case
    /// noun; `alone` says the word is a whole name by itself.
    static func isDemonym(_ word: String, adjectives: Set<String>, alone: Bool) -> Bool {
        let parts = word.split(separator: "-").map(String.init)
        guard !parts.isEmpty else { return false }
        return parts.allSatisfy { part in
            if listed.contains(part) { return true }
            guard part.count > 3, part.dropFirst().allSatisfy(\.isLowercase) else { return false }
            let lower = part.lowercased()
            if certainSuffixes.contains(where: lower.hasSuffix) { return true }
            return likelySuffixes.contains(where: lower.hasSuffix) && (alone || adjectives.contains(part))
        }
    }
}
