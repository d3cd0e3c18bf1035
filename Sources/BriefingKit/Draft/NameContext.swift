/// What the whole text says about its capitalised words, which the rules for one
/// sentence need: whether a word is capitalised where no sentence starts, whether it
/// stands without a possessive, whether it is used as an adjective.
struct NameContext: Sendable {
    /// Capitalised words seen where no sentence starts: their capital is the writer's.
    var midSentence: Set<String> = []
    /// Capitalised words seen mid-sentence with no capitalised word beside them: a name of
    /// their own, not only a word of a longer one ("Employers" in "Port Employers
    /// Association" is not).
    var aloneMidSentence: Set<String> = []
    /// Capitalised words seen mid-sentence at the end of a longer name: the surname that
    /// "Chen said…" opens a sentence with, after "Laura Chen".
    var endsOfNames: Set<String> = []
    /// Capitalised words seen without a possessive `’s`.
    var standalone: Set<String> = []
    /// Capitalised words seen directly before a lower-case word ("Serbian exports").
    var adjectives: Set<String> = []
    /// Paragraphs written in title case, whose capitals say nothing about names.
    var headlines: Set<Int> = []
    /// Acronyms the writer spells out in lower case, "liquefied natural gas (LNG)":
    /// abbreviations of common nouns.
    var commonAcronyms: Set<String> = []
    /// Pairs of words "and" joins into one name, "Bosnia" and "Herzegovina": the second
    /// never occurs but after the first and "and", and the pair occurs more than once.
    /// "Germany and Austria", written once, stays two names.
    var joinedByAnd: Set<[String]> = []

    init(paragraphs: [[NameToken]], texts: [String]) {
        var pairs: [[String]: Int] = [:]
        var occurrences: [String: Int] = [:]
        for (index, tokens) in paragraphs.enumerated() {
            for (position, token) in tokens.enumerated() where token.shape == .capitalised {
                occurrences[String(token.text), default: 0] += 1
                if position >= 2, tokens[position - 1].text == "and", tokens[position - 2].shape == .capitalised,
                   token.gapBefore == " ", tokens[position - 1].gapBefore == " " {
                    pairs[[String(tokens[position - 2].text), String(token.text)], default: 0] += 1
                }
                if token.gapBefore.hasSuffix("("), position > 0, tokens[position - 1].text.first?.isLowercase == true,
                   EntityKindGuess.isAcronym(String(token.text)) {
                    commonAcronyms.insert(String(token.text))
                }
            }
            if Self.isHeadline(tokens, text: texts[index]) {
                headlines.insert(index)
                continue
            }
            for (position, token) in tokens.enumerated() where token.shape == .capitalised {
                let word = String(token.text)
                if !token.startsSentence { midSentence.insert(word) }
                let previousCapitalised = position > 0 && tokens[position - 1].shape == .capitalised && token.gapBefore == " "
                let nextCapitalised = position + 1 < tokens.count && tokens[position + 1].shape == .capitalised
                    && tokens[position + 1].gapBefore == " "
                if !token.startsSentence, !previousCapitalised, !nextCapitalised { aloneMidSentence.insert(word) }
                if !token.startsSentence, previousCapitalised, !nextCapitalised { endsOfNames.insert(word) }
                if !token.isPossessive { standalone.insert(word) }
                if position + 1 < tokens.count {
                    let next = tokens[position + 1]
                    if next.gapBefore == " ", !token.isPossessive, next.text.first?.isLowercase == true,
                       !NameWords.nonAdjectivalFollowers.contains(String(next.text)),
                       !NameWords.speechVerbs.contains(String(next.text)) {
                        adjectives.insert(word)
                    }
                }
            }
        }
        for (pair, count) in pairs where count > 1 && occurrences[pair[1]] == count {
            joinedByAnd.insert(pair)
        }
    }

    /// A short line most of whose longer words are capitalised, not closed like a
    /// sentence: "The Media and Soft Power".
    static func isHeadline(_ tokens: [NameToken], text: String) -> Bool {
        if let last = text.last(where: { !$0.isWhitespace }), ".!?…:;\"”’)".contains(last) { return false }
        let words = tokens.filter { $0.text.count >= 4 }
        guard tokens.count <= 25, words.count >= 2 else { return false }
        let capitalised = words.filter { $0.shape == .capitalised }.count
        return capitalised * 10 >= words.count * 7
    }
}
