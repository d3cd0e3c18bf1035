/// Finds the dates a sentence gives: "on March 3rd, 2021", "3 March 2021", "in May 2019",
/// "in 2008", "its 2008 declaration". A year alone is a date when it stands as a word of
/// its own between 1800 and 2100; "the 1990s", "2,008" and "1244" are not dates.
enum DateMentions {
    struct Mention: Equatable {
        var date: PartialDate
        /// UTF-8 range of the date as written, with the word that introduces it ("on", "in").
        var range: Range<Int>
    }

    private static let months = DateLanguage.english.months.map { $0.lowercased() }
    private static let shortMonths = months.map { String($0.prefix(3)) }
    private static let introducers: Set<String> = ["on", "in", "since", "by", "until", "from", "during", "after", "before",
                                                   "early", "late", "mid", "of", "at", "to", "through", "for"]

    /// Every date in `text`, left to right, the most precise reading of each place.
    static func dates(in text: String) -> [Mention] {
        let tokens = tokenize(text)
        var found: [Mention] = []
        var index = 0
        while index < tokens.count {
            if let (mention, next) = date(at: index, in: tokens) {
                found.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        return found
    }

    private struct Token {
        var text: Substring
        var lower: String
        var range: Range<Int>
        /// What follows the token up to the next one: "", ",", ", ", " ".
        var gap: Substring
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        for match in text.matches(of: /[\p{L}]+|\d+/) {
            let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
            let length = text.utf8.distance(from: match.range.lowerBound, to: match.range.upperBound)
            if var last = tokens.popLast() {
                let lastEnd = text.utf8.index(text.startIndex, offsetBy: last.range.upperBound)
                last.gap = text[lastEnd..<match.range.lowerBound]
                tokens.append(last)
            }
            tokens.append(Token(text: match.output, lower: match.output.lowercased(), range: start..<start + length, gap: ""))
        }
        return tokens
    }

    private static func month(_ token: Token) -> Int? {
        guard token.text.first?.isUppercase == true else { return nil }
        if let index = months.firstIndex(of: token.lower) { return index + 1 }
        // "Sept" and three-letter forms, only when written with a full stop or a number after.
        if let index = shortMonths.firstIndex(of: String(token.lower.prefix(3))), token.lower.count <= 4, token.lower != "may",
           token.gap.hasPrefix(".") {
            return index + 1
        }
        return nil
    }

    private static func year(_ token: Token?) -> Int? {
        guard let token, token.text.count == 4, token.text.allSatisfy(\.isASCII), let year = Int(token.text),
              (1800...2100).contains(year) else { return nil }
        return year
    }

    private static func day(_ token: Token?) -> Int? {
        guard let token, (1...2).contains(token.text.count), let day = Int(token.text), (1...31).contains(day) else { return nil }
        return day
    }

    private static func isOrdinalSuffix(_ token: Token?) -> Bool {
        guard let token else { return false }
        return ["st", "nd", "rd", "th"].contains(token.lower)
    }

    /// Only spaces, commas and hyphens (and a full stop after a short month) between parts.
    private static func joined(_ gap: Substring) -> Bool {
        !gap.isEmpty && gap.count <= 3 && gap.allSatisfy { " ,.\u{A0}".contains($0) }
    }

    private static func date(at index: Int, in tokens: [Token]) -> (Mention, Int)? {
        var cursor = index
        var start = tokens[index].range.lowerBound
        // A preposition before the date is part of the phrase: "on March 3rd".
        if introducers.contains(tokens[index].lower), index + 1 < tokens.count, joined(tokens[index].gap) {
            cursor = index + 1
        } else {
            start = tokens[index].range.lowerBound
        }
        guard let (date, end, next) = bareDate(at: cursor, in: tokens) else { return nil }
        if cursor == index { start = tokens[cursor].range.lowerBound }
        // "the 1990s": a year with a letter straight after is a decade, not a date.
        if date.month == nil, next < tokens.count, tokens[next - 1].gap.isEmpty { return nil }
        return (Mention(date: date, range: start..<end), next)
    }

    /// Month Day(st)?, Year | Day Month Year | Month Year | Month Day | Year.
    private static func bareDate(at index: Int, in tokens: [Token]) -> (PartialDate, Int, Int)? {
        let token = tokens[index]
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        if let month = month(token) {
            if let day = day(next), joined(token.gap) {
                var cursor = index + 2
                if isOrdinalSuffix(cursor < tokens.count ? tokens[cursor] : nil), tokens[cursor - 1].gap.isEmpty { cursor += 1 }
                if cursor < tokens.count, joined(tokens[cursor - 1].gap), let year = year(tokens[cursor]),
                   let date = PartialDate(year: year, month: month, day: day) {
                    return (date, tokens[cursor].range.upperBound, cursor + 1)
                }
                // A month and a day with no year: the reader knows the year, the draft does not.
                return nil
            }
            if let year = year(next), joined(token.gap), let date = PartialDate(year: year, month: month, day: nil) {
                return (date, tokens[index + 1].range.upperBound, index + 2)
            }
            return nil
        }
        if let day = day(token) {
            var cursor = index + 1
            if isOrdinalSuffix(next), token.gap.isEmpty { cursor += 1 }
            guard cursor < tokens.count, joined(tokens[cursor - 1].gap), let month = month(tokens[cursor]),
                  cursor + 1 < tokens.count, joined(tokens[cursor].gap), let year = year(tokens[cursor + 1]),
                  let date = PartialDate(year: year, month: month, day: day) else { return nil }
            return (date, tokens[cursor + 1].range.upperBound, cursor + 2)
        }
        if let year = year(token), let date = PartialDate(year: year, month: nil, day: nil) {
            return (date, token.range.upperBound, index + 1)
        }
        return nil
    }
}
