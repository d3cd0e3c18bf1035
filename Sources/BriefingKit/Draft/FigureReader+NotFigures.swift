/// Numbers written in digits that are not figures: parts of names and model numbers
/// ("Nord Stream 2", "MiG-29", "G7"), times ("9am", "10:30"), dates and years ("3 March",
/// "in 2008"), list markers ("(1)") and references ("resolution 1244", "page 12").
extension FigureReader {
    /// `hasMarker`: a currency, scale, percent sign or unit goes with the number, which
    /// makes "2008" after "$" an amount and "2 billion" after "Stream" a figure.
    /// `countsNoun`: a counted noun follows ("40 people"), which a model number rarely has.
    func isNotAFigure(numberAt index: Int, hasMarker: Bool, countsNoun: Bool = false) -> Bool {
        guard let number = token(index) else { return true }
        if isGlued(numberAt: index) || isTimeOfDay(numberAt: index) || isListMarker(numberAt: index) || isReference(numberAt: index) {
            return true
        }
        if hasMarker { return false }
        if number.isPlainInteger, number.text.count == 4, (1200...2100).contains(number.value) { return true }
        return isDate(numberAt: index) || followsName(numberAt: index, countsNoun: countsNoun)
            || (!countsNoun && precedesName(numberAt: index))
    }

    /// Touching letters or sitting inside a longer token: "A320", "MiG-29", "COVID-19",
    /// "’90s", "#3", "1.2.3", "24/7", "2008’s".
    private func isGlued(numberAt index: Int) -> Bool {
        if let previous = token(index - 1), isAttached(index) {
            if previous.kind == .word { return true }
            if ["-", "‑"].contains(previous.text), isAttached(index - 1), token(index - 2)?.kind == .word { return true }
            if ["’", "'", "#", "§", "№", "/"].contains(previous.text) { return true }
            if [".", ",", ":"].contains(previous.text), isAttached(index - 1), token(index - 2)?.kind == .number { return true }
        }
        if let next = token(index + 1), next.kind == .symbol, isAttached(index + 1) {
            if [":", "/", "."].contains(next.text), isAttached(index + 2), token(index + 2)?.kind == .number { return true }
            if ["’", "'"].contains(next.text), isAttached(index + 2), word(index + 2) == "s" { return true }
        }
        return false
    }

    /// "5 pm", "9 a.m.", "10:30" (the colon is caught as glued).
    private func isTimeOfDay(numberAt index: Int) -> Bool {
        guard isSpaced(index + 1), let next = word(index + 1) else { return false }
        if next == "am" || next == "pm" { return true }
        return (next == "a" || next == "p") && isSymbol(index + 2, ".") && isAttached(index + 2) && word(index + 3) == "m"
            && isAttached(index + 3)
    }

    /// "(1)", "[12]", and "1." or "2)" opening a line.
    private func isListMarker(numberAt index: Int) -> Bool {
        guard let number = token(index), number.isPlainInteger, number.value < 100 else { return false }
        if isAttached(index), isAttached(index + 1),
           (isSymbol(index - 1, "(") && isSymbol(index + 1, ")")) || (isSymbol(index - 1, "[") && isSymbol(index + 1, "]")) {
            return true
        }
        return number.opensLine && (isSymbol(index + 1, ".") || isSymbol(index + 1, ")")) && isAttached(index + 1)
            && (token(index + 2)?.spaced ?? true)
    }

    /// "resolution 1244", "page 12", "No. 10", "article 5", "§ 12".
    private func isReference(numberAt index: Int) -> Bool {
        if let mark = token(index - 1), mark.kind == .symbol, ["§", "#", "№"].contains(mark.text) { return true }
        var previous = index - 1
        if isSymbol(previous, "."), isAttached(previous) { previous -= 1 }
        guard isSpaced(index), let word = word(previous) else { return false }
        return Self.referenceWords.contains(word)
    }

    /// "March 3", "Jan. 3", "3 March".
    private func isDate(numberAt index: Int) -> Bool {
        var previous = index - 1
        if isSymbol(previous, "."), isAttached(previous) { previous -= 1 }
        if isSpaced(index), let before = token(previous), before.kind == .word, Self.isMonth(before.text) { return true }
        if isSpaced(index + 1), let after = token(index + 1), after.kind == .word, Self.isMonth(after.text) { return true }
        return false
    }

    /// A capitalised word before a bare number names a thing the number belongs to:
    /// "Nord Stream 2", "Boeing 737". At the start of a sentence the capital says less, so
    /// there the word must also be no ordinary opener ("Some 40 people", "About 40 came")
    /// and no noun may follow: "Windows 11 shipped".
    private func followsName(numberAt index: Int, countsNoun: Bool) -> Bool {
        guard isSpaced(index), let previous = token(index - 1), previous.kind == .word,
              previous.text.contains(where: \.isUppercase) else { return false }
        guard startsSentence(at: index - 1) else { return true }
        return !countsNoun && !Self.stopWords.contains(previous.lower) && !Self.sentenceOpeners.contains(previous.lower)
    }

    /// A bare number before a capitalised word inside a sentence is a model or edition:
    /// "the 737 Max", "the 2 Series". A count would have its noun: "12 Rafale jets".
    private func precedesName(numberAt index: Int) -> Bool {
        guard isSpaced(index + 1), let next = token(index + 1), next.kind == .word, next.isCapitalised, next.text != "I" else {
            return false
        }
        return !startsSentence(at: index + 1)
    }

    /// Words that open a sentence before a figure: "Roughly 40 attended."
    private static let sentenceOpeners: Set<String> = [
        "roughly", "approximately", "exactly", "fully", "another", "over", "only", "just", "perhaps", "maybe", "still",
        "yet", "last", "since", "until", "by", "some", "almost", "nearly", "around", "about", "however", "today",
        "yesterday", "now", "then", "overall", "altogether", "total", "including", "excluding", "among",
    ]

    static let referenceWords: Set<String> = [
        "page", "pages", "p", "pp", "section", "sections", "chapter", "paragraph", "para", "article", "articles",
        "resolution", "no", "number", "nos", "table", "figure", "fig", "vol", "volume", "clause", "annex", "appendix",
        "item", "line", "verse", "episode", "season", "route", "platform", "gate", "room", "flight", "seat", "row",
        "exhibit", "amendment", "rule", "footnote", "note", "step", "phase", "version", "edition", "tier", "level",
        "grade", "category", "class", "type", "model", "ward", "district", "precinct", "highway", "interstate",
    ]
}
