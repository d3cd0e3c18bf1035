/// Figures written in words: multiples ("twice", "tenfold"), fractions ("a third",
/// "two-thirds", "one in five") and the noun a number counts ("17 joint military exercises").
extension FigureReader {
    func multiple(at index: Int) -> FigureReading? {
        guard let word = word(index) else { return nil }
        guard let value = NumberWords.multiples[word] ?? NumberWords.foldValue(word) else { return nil }
        return FigureReading(tokens: index..<index + 1, value: value, unit: "multiple")
    }

    func fraction(at index: Int) -> FigureReading? {
        guard let token = token(index) else { return nil }
        if token.kind == .word, token.lower == "half" { return half(at: index) }
        if let fraction = articleFraction(at: index) ?? pluralFraction(at: index) ?? proportion(at: index) {
            return FigureReading(tokens: index..<fraction.end, value: fraction.value, unit: "fraction")
        }
        return nil
    }

    /// "half" is a fraction ("half the budget", "cut by half") but not in "the first half
    /// of 2020", which is a period, nor in "one and a half", "half-time" or "half a million"
    /// (an amount, read as such).
    private func half(at index: Int) -> FigureReading? {
        let before = word(index - 1) ?? ""
        if ["first", "second", "latter", "former", "last", "final", "a", "an"].contains(before) { return nil }
        if isSymbol(index + 1, "-"), isAttached(index + 1) { return nil }
        if word(index + 1) == "a", part(from: index) != nil { return nil }
        return FigureReading(tokens: index..<index + 1, value: 0.5, unit: "fraction")
    }

    /// "a third", "one quarter", "one-third". After "a", the ordinal is a fraction only when
    /// nothing it could count follows: "a third of", "a tenth is", "by a third." but not
    /// "a third term".
    private func articleFraction(at index: Int) -> (value: Double, end: Int)? {
        guard let first = word(index), ["a", "an", "one"].contains(first) else { return nil }
        var position = index + 1
        if first == "one", isSymbol(position, "-"), isAttached(position), isAttached(position + 1) {
            position += 1
        } else if !isSpaced(position) {
            return nil
        }
        guard let denominatorWord = word(position), let denominator = NumberWords.singularDenominators[denominatorWord] else {
            return nil
        }
        if first != "one" {
            if denominator == 2 { return nil }
            if let next = token(position + 1), next.kind == .word, !Self.stopWords.contains(next.lower),
               !["lower", "higher", "larger", "smaller", "bigger", "cheaper"].contains(next.lower) {
                return nil
            }
        }
        return (1 / denominator, position + 1)
    }

    /// "two-thirds", "three quarters".
    private func pluralFraction(at index: Int) -> (value: Double, end: Int)? {
        guard let numerator = word(index).flatMap({ NumberWords.small[$0] }), numerator >= 2 else { return nil }
        var position = index + 1
        if isSymbol(position, "-"), isAttached(position), isAttached(position + 1) {
            position += 1
        } else if !isSpaced(position) {
            return nil
        }
        guard let denominator = word(position).flatMap({ NumberWords.pluralDenominators[$0] }), numerator < denominator else {
            return nil
        }
        return (numerator / denominator, position + 1)
    }

    /// "one in five", "1 in 4".
    private func proportion(at index: Int) -> (value: Double, end: Int)? {
        guard let numerator = numeral(at: index), !numerator.needsScale, word(numerator.end) == "in", isSpaced(numerator.end),
              isSpaced(numerator.end + 1), let denominator = numeral(at: numerator.end + 1), !denominator.needsScale,
              numerator.value >= 1, denominator.value > numerator.value, denominator.value <= 1000,
              numerator.isDigits || !isCapitalisedName(numerator)
        else { return nil }
        if numerator.isDigits, isNotAFigure(numberAt: numerator.start, hasMarker: true) { return nil }
        if let next = token(denominator.end), next.kind == .word, !next.spaced || FigureUnits.spacedScales[next.lower] != nil {
            return nil
        }
        return (numerator.value / denominator.value, denominator.end)
    }

    /// The noun phrase a number counts, up to three modifiers and a plural head:
    /// "250,000 troops", "67 known oil fields", "six MiG-29 fighter jets". The unit is the head.
    func countedNoun(at index: Int) -> (unit: String, end: Int)? {
        var position = index
        for _ in 0...3 {
            guard let token = token(position), token.kind == .word, token.spaced else { return nil }
            if Self.stopWords.contains(token.lower) || NumberWords.isNumberWord(token.lower) || Self.isMonth(token.text) {
                return nil
            }
            // A compound counts as one word: "MiG-29", "most-consumed".
            var end = position + 1
            var head = token
            while isSymbol(end, "-"), isAttached(end), isAttached(end + 1), let piece = self.token(end + 1),
                  piece.kind != .symbol {
                head = piece
                end += 2
            }
            if head.kind == .word, Self.isPlural(head.lower) {
                return (head.lower, end)
            }
            // A possessive ends the phrase without a head: "13 children’s".
            if isSymbol(end, "’") || isSymbol(end, "'") { return nil }
            position = end
        }
        return nil
    }

    static func isPlural(_ word: String) -> Bool {
        if irregularPlurals.contains(word) { return true }
        if notPlural.contains(word) || word.count < 3 || !word.hasSuffix("s") { return false }
        return !(word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is"))
    }

    static func isMonth(_ word: String) -> Bool {
        months.contains(word)
    }

    /// The word at `index` opens a sentence: nothing but quotes or brackets since the last
    /// full stop, question mark, colon or line break.
    func startsSentence(at index: Int) -> Bool {
        var position = index
        while position > 0 {
            if tokens[position].opensLine { return true }
            position -= 1
            let token = tokens[position]
            guard token.kind == .symbol else { return false }
            if [".", "!", "?", ":", "…"].contains(token.text) { return true }
            if !["“", "”", "\"", "‘", "(", "["].contains(token.text) { return false }
        }
        return true
    }

    static let months = Set(DateLanguage.english.months + ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"])

    private static let irregularPlurals: Set<String> = [
        "people", "children", "men", "women", "police", "personnel", "staff", "cattle", "livestock", "aircraft", "sheep",
        "fish", "deer", "offspring", "data", "media", "teeth", "mice", "geese", "criteria", "phenomena", "crew",
    ]

    private static let notPlural: Set<String> = [
        "gas", "bias", "alias", "atlas", "canvas", "christmas", "overseas", "always", "perhaps", "besides", "towards",
        "afterwards", "sometimes", "whereas", "thus", "plus", "minus", "versus", "yes", "does", "goes", "says", "its",
        "was", "has", "this", "less", "unless", "across", "nowadays", "upwards", "downwards", "backwards",
    ]

    /// Words a counted noun phrase cannot contain: they end it, so "13 of which" and
    /// "63 were" stay bare counts.
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto", "over", "under",
        "about", "between", "among", "per", "than", "as", "since", "until", "during", "after", "before", "within",
        "without", "across", "through", "against", "toward", "towards", "via", "like", "near", "and", "or", "but", "nor",
        "yet", "so", "while", "whereas", "because", "although", "if", "that", "which", "who", "whom", "whose", "where",
        "when", "it", "its", "they", "them", "their", "he", "she", "we", "you", "i", "his", "her", "our", "this", "these",
        "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
        "would", "shall", "should", "can", "could", "may", "might", "must", "more", "less", "fewer", "most", "least",
        "also", "only", "just", "even", "still", "already", "each", "every", "not", "no", "very", "too", "again", "ago",
        "later", "earlier", "apiece", "respectively", "alone", "altogether", "together", "annually", "yearly", "daily",
        "monthly", "weekly", "times", "percent", "such", "both", "either", "neither", "some", "any", "many", "much",
        "few", "several", "other", "others", "said", "says", "out", "up", "down", "off", "back", "away", "there", "here",
        "then", "now", "what", "all", "plus", "minus", "versus", "vs", "upon", "beyond", "around", "nearly", "almost",
    ]
}
