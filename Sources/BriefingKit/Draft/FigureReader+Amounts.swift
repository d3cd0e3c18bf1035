/// The pieces of an amount: a numeral in digits or words, the currency before it, the
/// scale after it, and what follows (a percent sign, a currency, a unit, "times", a noun).
extension FigureReader {
    struct Numeral {
        var start: Int
        var end: Int
        var value: Double
        var isDigits: Bool
        /// "a" or "half a", which are numbers only before a scale: "a million", "half a billion".
        var needsScale = false
        var isOne = false
        /// For digits: the written number, which keeps decimal scaling exact.
        var token: FigureToken?

        func scaled(by factor: Double) -> Double {
            token?.scaled(by: factor) ?? value * factor
        }
    }

    struct AmountPart {
        var start: Int
        var end: Int
        var currency: String?
        var numeral: Numeral
        var scale: Double?
    }

    struct Suffix {
        enum Kind {
            case percent, currency, unit, multiple, noun, compound

            /// Says what the number measures, which neither a noun nor a hyphenated word does.
            var isMarker: Bool { self == .percent || self == .currency || self == .unit || self == .multiple }
            var repeatsInRange: Bool { self == .percent || self == .currency || self == .unit }
        }

        var kind: Kind
        var unit: String
        var end: Int
        /// The suffix touches the number ("850km"), so no word is left glued to it.
        var attached = false
    }

    /// `[currency] numeral [scale]`: "€7.5bn", "USD 5", "two million", "a dozen".
    func part(from index: Int) -> AmountPart? {
        var numeralIndex = index
        var currency: String?
        if let prefix = currencyPrefix(at: index), token(prefix.end)?.kind == .number {
            currency = prefix.code
            numeralIndex = prefix.end
        }
        guard let numeral = numeral(at: numeralIndex) else { return nil }
        let scale = scale(at: numeral.end, afterDigits: numeral.isDigits, money: currency != nil)
        if numeral.needsScale, scale == nil { return nil }
        return AmountPart(start: index, end: scale?.end ?? numeral.end, currency: currency, numeral: numeral, scale: scale?.factor)
    }

    func numeral(at index: Int) -> Numeral? {
        guard let token = token(index) else { return nil }
        if token.kind == .number {
            return Numeral(start: index, end: index + 1, value: token.value, isDigits: true, token: token)
        }
        guard token.kind == .word else { return nil }
        switch token.lower {
        case "a", "an":
            return Numeral(start: index, end: index + 1, value: 1, isDigits: false, needsScale: true)
        case "half" where word(index + 1) == "a" && isSpaced(index + 1):
            return Numeral(start: index, end: index + 2, value: 0.5, isDigits: false, needsScale: true)
        default:
            break
        }
        if let value = NumberWords.small[token.lower] {
            return Numeral(start: index, end: index + 1, value: value, isDigits: false, isOne: token.lower == "one")
        }
        guard let tens = NumberWords.tens[token.lower] else { return nil }
        // "twenty-five", "twenty five"
        if isSymbol(index + 1, "-"), isAttached(index + 1), isAttached(index + 2),
           let unit = word(index + 2).flatMap({ NumberWords.units[$0] }) {
            return Numeral(start: index, end: index + 3, value: tens + unit, isDigits: false)
        }
        if isSpaced(index + 1), let unit = word(index + 1).flatMap({ NumberWords.units[$0] }) {
            return Numeral(start: index, end: index + 2, value: tens + unit, isDigits: false)
        }
        return Numeral(start: index, end: index + 1, value: tens, isDigits: false)
    }

    /// A capitalised number word inside a sentence is part of a name: "the Group of Seven".
    func isCapitalisedName(_ numeral: Numeral) -> Bool {
        guard !numeral.isDigits, let token = token(numeral.start), token.isCapitalised else { return false }
        return !startsSentence(at: numeral.start)
    }

    func currencyPrefix(at index: Int) -> (code: String, end: Int)? {
        guard let token = token(index) else { return nil }
        if token.kind == .symbol, let code = FigureUnits.currencySymbols[token.text] { return (code, index + 1) }
        guard token.kind == .word else { return nil }
        if let code = FigureUnits.dollarPrefixes[token.text], isSymbol(index + 1, "$"), isAttached(index + 1) {
            return (code, index + 2)
        }
        if FigureUnits.currencyCodes.contains(token.text) { return (token.text, index + 1) }
        return nil
    }

    func scale(at index: Int, afterDigits: Bool, money: Bool) -> (factor: Double, end: Int)? {
        guard let token = token(index), token.kind == .word else { return nil }
        var factor: Double
        if token.spaced {
            guard let spaced = FigureUnits.spacedScales[token.lower] else { return nil }
            factor = spaced
        } else {
            guard afterDigits else { return nil }
            if let attached = FigureUnits.attachedScales[token.text] {
                factor = attached
            } else if money, let attached = FigureUnits.moneyScales[token.text] {
                factor = attached
            } else {
                return nil
            }
            if token.text == "m", isSymbol(index + 1, "-"), let next = word(index + 2), FigureUnits.dimensions.contains(next) {
                return nil
            }
        }
        var end = index + 1
        var last = factor
        // "hundred thousand", "hundred million"
        while isSpaced(end), let next = word(end), let larger = FigureUnits.spacedScales[next], larger > last {
            factor *= larger
            last = larger
            end += 1
        }
        return (factor, end)
    }

    /// What follows an amount and says what it measures.
    func suffix(at index: Int, after part: AmountPart) -> Suffix? {
        guard let token = token(index) else { return nil }
        if token.kind == .symbol {
            if token.text == "%" { return Suffix(kind: .percent, unit: "percent", end: index + 1, attached: !token.spaced) }
            if token.text == "°", !token.spaced { return degrees(at: index) }
            if token.text == "-" || token.text == "‑", !token.spaced { return hyphenated(at: index, after: part) }
            return nil
        }
        guard token.kind == .word, part.currency == nil else { return nil }
        if !token.spaced {
            if let unit = FigureUnits.caseSensitiveUnits[token.text] ?? FigureUnits.attachedUnits[token.text] {
                return Suffix(kind: .unit, unit: unit, end: index + 1, attached: true)
            }
            guard let phrase = FigureUnits.phrases[token.lower], phrase.kind != .currency else { return nil }
            return Suffix(kind: phrase.kind == .percent ? .percent : .unit, unit: phrase.unit, end: index + 1, attached: true)
        }
        if let unit = FigureUnits.caseSensitiveUnits[token.text] { return Suffix(kind: .unit, unit: unit, end: index + 1) }
        if FigureUnits.currencyCodes.contains(token.text) { return Suffix(kind: .currency, unit: token.text, end: index + 1) }
        if let phrase = phrase(at: index) {
            // "five pounds of flour" is a weight.
            if phrase.unit == "GBP", word(index) == "pounds", word(phrase.end) == "of" {
                return Suffix(kind: .unit, unit: "lb", end: phrase.end)
            }
            let kind: Suffix.Kind = switch phrase.kind {
            case .percent: .percent
            case .currency: .currency
            case .unit: .unit
            }
            return Suffix(kind: kind, unit: phrase.unit, end: phrase.end)
        }
        if token.lower == "times" { return Suffix(kind: .multiple, unit: "multiple", end: index + 1) }
        if let noun = countedNoun(at: index) { return Suffix(kind: .noun, unit: noun.unit, end: noun.end) }
        return nil
    }

    /// The longest phrase of up to three words at `index` that the unit tables know.
    private func phrase(at index: Int) -> (unit: String, kind: FigureUnits.Kind, end: Int)? {
        var words: [String] = []
        var best: (unit: String, kind: FigureUnits.Kind, end: Int)?
        var position = index
        while words.count < 3, let next = word(position), position == index || isSpaced(position) {
            words.append(next)
            position += 1
            if let found = FigureUnits.phrases[words.joined(separator: " ")] { best = (found.unit, found.kind, position) }
        }
        return best
    }

    /// "12°C", "40°".
    private func degrees(at index: Int) -> Suffix {
        if isAttached(index + 1), let scale = token(index + 1)?.text, scale == "C" || scale == "F" {
            return Suffix(kind: .unit, unit: "°" + scale, end: index + 2, attached: true)
        }
        return Suffix(kind: .unit, unit: "degrees", end: index + 1, attached: true)
    }

    /// "530-mile", "three-year", "10-fold", "27-member".
    private func hyphenated(at index: Int, after part: AmountPart) -> Suffix? {
        guard isAttached(index + 1), let next = token(index + 1), next.kind == .word else { return nil }
        if next.lower == "fold" { return Suffix(kind: .multiple, unit: "multiple", end: index + 2, attached: true) }
        if let phrase = FigureUnits.phrases[next.lower], phrase.kind != .currency {
            return Suffix(kind: phrase.kind == .percent ? .percent : .unit, unit: phrase.unit, end: index + 2, attached: true)
        }
        guard part.currency == nil, part.numeral.isDigits, !next.isCapitalised, !NumberWords.isNumberWord(next.lower) else {
            return nil
        }
        return Suffix(kind: .compound, unit: "count", end: index + 2, attached: true)
    }
}
