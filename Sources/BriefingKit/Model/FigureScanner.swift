/// Finds the figures an essay states, so that `briefing check` can say which ones no
/// fact covers: amounts of money, percentages, quantities with units, counts, multiples.
///
/// Numbers that are not figures are left out: years, decades, dates ("January 1st"),
/// list markers ("(1)"), model names ("MiG-29") and document numbers ("resolution 1244").
public enum FigureScanner {
    public struct Figure: Sendable, Equatable {
        /// The figure as written, e.g. "€400 million" or "three times".
        public var text: String
        /// UTF-8 range in the scanned text.
        public var range: Range<Int>
    }

    private static let scale = #"(?:\s(?:thousand|million|billion|trillion|bn|m))?"#
    private static let number = #"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"#
    private static let unitWords = #"(?:\s?(?:%|percent|per\scent|percentage\spoints?)|\s(?:bcm|cubic\smet(?:er|re)s|barrels|tonnes|tons|km|kilomet(?:er|re)s|MW|GW))?"#
    private static let numeralPattern = #"[€$£¥]?(?:"# + number + ")" + scale + unitWords + #"(?![\p{L}\d])"#
    private static let multiplePattern = #"(?i)\b(?:twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)(?:\s|-)times|\w+-fold)\b"#
    private static let identifierWords: Set<String> = ["resolution", "article", "no.", "number", "chapter", "section", "paragraph", "protocol"]
    private static let monthNames: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                                  "september", "october", "november", "december"]

    public static func figures(in text: String) -> [Figure] {
        // Regex values are not Sendable, so they are made per call rather than shared;
        // the patterns are constants, covered by the tests.
        guard let numeral = try? Regex(numeralPattern), let multiple = try? Regex(multiplePattern) else { return [] }
        var found: [Figure] = []
        for match in text.matches(of: numeral) where isFigure(match.range, in: text) {
            found.append(figure(match.range, in: text))
        }
        for match in text.matches(of: multiple) {
            found.append(figure(match.range, in: text))
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func figure(_ range: Range<String.Index>, in text: String) -> Figure {
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let length = text.utf8.distance(from: range.lowerBound, to: range.upperBound)
        return Figure(text: String(text[range]), range: start..<start + length)
    }

    private static func isFigure(_ range: Range<String.Index>, in text: String) -> Bool {
        let token = text[range]
        let digits = token.filter(\.isNumber)
        let hasMarker = token.contains { "€$£¥%".contains($0) } || token.contains("percent") || token.contains(" ")
        // A bare four-digit number from 1800 to 2100 is a year.
        if !hasMarker, digits.count == 4, !token.contains(","), !token.contains("."), let year = Int(digits), (1800...2100).contains(year) {
            return false
        }
        let before = text[..<range.lowerBound]
        let after = text[range.upperBound...]
        // Part of a longer token: "MiG-29", "4.24" seen from its "24", "T72".
        if let previous = before.last, previous.isLetter || previous.isNumber || "-.,".contains(previous) { return false }
        if after.hasPrefix("s ") || after.hasPrefix("s,") || after.hasPrefix("s.") || after == "s" { return false }  // 1920s
        if ["st", "nd", "rd", "th"].contains(where: { after.hasPrefix($0) }) { return false }                // 1st
        if before.hasSuffix("("), after.hasPrefix(")") { return false }                                       // (1)
        let previousWord = before.split(whereSeparator: \.isWhitespace).last.map { $0.lowercased() } ?? ""
        if identifierWords.contains(previousWord) || monthNames.contains(previousWord) { return false }
        return true
    }
}
