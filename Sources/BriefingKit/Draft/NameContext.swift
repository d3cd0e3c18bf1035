/// What the whole text says about its capitalised words, which the rules for one
/// sentence need: whether a word is capitalised where no sentence starts, whether it
/// stands without a possessive, whether it is used as an adjective.
struct NameContext: Sendable {
    /// Capitalised words seen where no sentence starts: their capital is the writer's.
    var midSentence: Set<String> = []
    /// Capitalised words seen without a possessive `’s`.
    var standalone: Set<String> = []
    /// Capitalised words seen directly before a lower-case word ("Serbian exports").
    var adjectives: Set<String> = []
    /// Paragraphs written in title case, whose capitals say nothing about names.
    var headlines: Set<Int> = []

    init(paragraphs: [[NameToken]]) {
        for (index, tokens) in paragraphs.enumerated() {
            if Self.isHeadline(tokens) {
                headlines.insert(index)
                continue
            }
            for (position, token) in tokens.enumerated() where token.shape == .capitalised {
                let word = String(token.text)
                if !token.startsSentence { midSentence.insert(word) }
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
    }

    /// A short line most of whose longer words are capitalised: "The Media and Soft Power".
    static func isHeadline(_ tokens: [NameToken]) -> Bool {
        let words = tokens.filter { $0.text.count >= 4 }
        guard tokens.count <= 25, words.count >= 2 else { return false }
        let capitalised = words.filter { $0.shape == .capitalised }.count
        return capitalised * 10 >= words.count * 7
    }
}
