/// Reads the figure, if any, that starts at one token: an amount with its currency, scale,
/// range and unit ("€7.5bn", "18-22%", "between two and five times"), a multiple
/// ("twice") or a fraction ("a third"). Numbers that belong to something else (years,
/// names, dates, markers) are turned down here, with the tokens to skip.
struct FigureReader {
    let tokens: [FigureToken]

    enum Outcome {
        case figure(FigureReading)
        /// Not a figure; nothing before this token index is one either.
        case skip(to: Int)
    }

    func read(at index: Int) -> Outcome? {
        guard mayOpenFigure(tokens[index]) else { return nil }
        if let figure = multiple(at: index) ?? fraction(at: index) { return .figure(figure) }
        if word(index) == "between", let outcome = amount(from: index + 1, openedAt: index) { return outcome }
        return amount(from: index, openedAt: nil)
    }

    /// Most tokens cannot open a figure; turning them away first keeps a long essay fast.
    private func mayOpenFigure(_ token: FigureToken) -> Bool {
        switch token.kind {
        case .number:
            return true
        case .symbol:
            return FigureUnits.currencySymbols[token.text] != nil
        case .word:
            return Self.openingWords.contains(token.lower) || NumberWords.small[token.lower] != nil
                || NumberWords.tens[token.lower] != nil || NumberWords.foldValue(token.lower) != nil
                || FigureUnits.currencyCodes.contains(token.text) || FigureUnits.dollarPrefixes[token.text] != nil
        }
    }

    private static let openingWords: Set<String> = ["a", "an", "half", "between", "twice", "thrice"]

    // MARK: - Amounts and ranges

    /// `openedAt` is the index of "between", which makes "and" the only range connector.
    func amount(from index: Int, openedAt opener: Int?) -> Outcome? {
        if opener != nil, tokens.indices.contains(index), !tokens[index].spaced { return nil }
        guard let first = part(from: index) else { return nil }
        let start = opener ?? first.start
        // "18-22%", "3m to 4m": the unit follows the second number only.
        if let next = connector(at: first.end, figureStart: start, between: opener != nil),
           let second = part(from: next), compatible(first, second) {
            return finish(start: start, first: first, second: second, suffix: suffix(at: second.end, after: second))
        }
        let firstSuffix = suffix(at: first.end, after: first)
        // "10% to 15%": each end carries the unit.
        if let firstSuffix, firstSuffix.kind.repeatsInRange,
           let next = connector(at: firstSuffix.end, figureStart: start, between: opener != nil),
           let second = part(from: next), compatible(first, second),
           let secondSuffix = suffix(at: second.end, after: second), secondSuffix.unit == firstSuffix.unit {
            return finish(start: start, first: first, second: second, suffix: secondSuffix)
        }
        if opener != nil { return nil }
        return finish(start: start, first: first, second: nil, suffix: firstSuffix)
    }

    /// The token index where a range's second number starts, if a range connector is at `index`.
    private func connector(at index: Int, figureStart: Int, between: Bool) -> Int? {
        guard let mark = token(index), let next = token(index + 1) else { return nil }
        if between {
            return mark.kind == .word && mark.lower == "and" && mark.spaced && next.spaced ? index + 1 : nil
        }
        switch mark.text {
        case "-", "‑":
            return !mark.spaced && !next.spaced ? index + 1 : nil
        case "–":
            return mark.spaced == next.spaced ? index + 1 : nil
        case "to":
            // "from 3% to 5%" and "by 2 to 4" are a change, not a range.
            guard mark.spaced, next.spaced, !["from", "by"].contains(word(figureStart - 1) ?? "") else { return nil }
            return index + 1
        default:
            return nil
        }
    }

    private func compatible(_ first: AmountPart, _ second: AmountPart) -> Bool {
        guard !first.numeral.needsScale, !second.numeral.needsScale else { return false }
        if let currency = second.currency, currency != first.currency { return false }
        return first.numeral.isDigits == second.numeral.isDigits
    }

    private func finish(start: Int, first: AmountPart, second: AmountPart?, suffix: Suffix?) -> Outcome? {
        let last = second ?? first
        let end = suffix?.end ?? last.end
        // A word against the number that no scale or unit took: "5G", "1990s", "3rd", "9am".
        if let glued = token(last.end), glued.kind == .word, !glued.spaced, suffix?.attached != true {
            return .skip(to: last.end + 1)
        }
        let hasMarker = first.currency != nil || first.scale != nil || last.scale != nil || suffix?.kind.isMarker == true
        if first.numeral.isDigits {
            if isNotAFigure(numberAt: first.numeral.start, hasMarker: hasMarker, countsNoun: suffix?.kind == .noun) {
                return .skip(to: end)
            }
        } else if !countsSomething(first.numeral, suffix: suffix, hasScale: first.scale != nil || last.scale != nil) {
            return isCapitalisedName(first.numeral) ? .skip(to: first.numeral.end) : nil
        }
        let unit = first.currency ?? suffix?.unit ?? "count"
        var value: Double?
        if second == nil {
            value = suffix?.kind == .multiple ? first.numeral.value : first.numeral.scaled(by: first.scale ?? 1)
        }
        return .figure(FigureReading(tokens: start..<end, value: value, unit: unit))
    }

    /// A number word is a figure only when it counts something: "seven areas",
    /// "three-year", "two million", "Seven of the 27", "the remaining four". A lone "one"
    /// is most often a pronoun ("one of them", "no one"), so it needs a scale or a unit.
    private func countsSomething(_ numeral: Numeral, suffix: Suffix?, hasScale: Bool) -> Bool {
        if isCapitalisedName(numeral) { return false }
        if hasScale { return true }
        if numeral.isOne {
            guard let suffix, suffix.kind != .noun, suffix.kind != .compound else { return false }
            return !(suffix.kind == .unit && word(numeral.end) == "day")
        }
        // "the two countries", "these three": a reference to things already named, not a figure.
        if Self.definiteDeterminers.contains(word(numeral.start - 1) ?? ""), suffix == nil || suffix?.kind == .noun {
            return false
        }
        if let suffix { return suffix.kind != .compound }
        // "two-way", "one-sided": an idiom, not a count.
        if isSymbol(numeral.end, "-"), isAttached(numeral.end) { return false }
        if word(numeral.end) == "of", token(numeral.end)?.spaced == true { return true }
        return Self.countDeterminers.contains(word(numeral.start - 1) ?? "")
    }

    static let definiteDeterminers: Set<String> = ["the", "these", "those"]

    /// Words after which a number word stands for a count on its own: "the remaining four".
    static let countDeterminers: Set<String> = [
        "all", "remaining", "other", "these", "those", "top", "last", "first", "next", "only", "just", "another",
        "further", "additional", "than", "least", "nearly", "almost", "about", "around", "roughly", "approximately",
    ]

    // MARK: - Token access

    func token(_ index: Int) -> FigureToken? {
        tokens.indices.contains(index) ? tokens[index] : nil
    }

    func word(_ index: Int) -> String? {
        guard let token = token(index), token.kind == .word else { return nil }
        return token.lower
    }

    func isSymbol(_ index: Int, _ text: String) -> Bool {
        guard let token = token(index) else { return false }
        return token.kind == .symbol && token.text == text
    }

    /// The token at `index` exists and touches the one before it.
    func isAttached(_ index: Int) -> Bool {
        token(index)?.spaced == false
    }

    /// The token at `index` exists and whitespace separates it from the one before it.
    func isSpaced(_ index: Int) -> Bool {
        token(index)?.spaced == true
    }
}

/// A figure found, as token indices; the scanner turns it into text and UTF-8 offsets.
struct FigureReading {
    var tokens: Range<Int>
    var value: Double?
    var unit: String?
}
