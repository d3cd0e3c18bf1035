/// Finds the figures an essay states, with the value and unit of each: amounts of money,
/// percentages, quantities with units, counts, multiples and fractions. `briefing check`
/// reports the ones no fact covers; `briefing draft` drafts a fact for each.
///
/// A figure's text is its whole notation ("€7.5bn", "31.5 billion cubic meters",
/// "between 10,000 and 15,000", "18-22%", "three-year") without modifiers such as
/// "nearly" or "more than". Numbers that belong to something else are left out: names
/// and model numbers ("Nord Stream 2", "MiG-29", "G7"), ordinals, times of day, years and
/// dates, list markers and references ("resolution 1244"). Decisions where a reading is
/// a matter of choice:
/// - "Seven of the 27 member states" is two figures: "Seven" (a count standing on its own,
///   as in "the remaining four") and "27 member states" (a count of states).
/// - A number word is a figure only when it counts something: a noun or unit follows,
///   a scale, "times", "of", or a word such as "top" or "remaining" comes before. After
///   "the", "these" or "those" it refers to things already named ("the two countries")
///   and is no figure, unless a unit follows ("the three-year war"). A lone "one" is
///   taken only with a scale or a unit ("one million", "one-year").
/// - "half" is a fraction except for a period ("the first half of 2020") or in
///   "one and a half"; "half a million" is an amount of 500,000.
/// - "between" belongs to a range's span; "from 3% to 5%" is two figures, a change.
public enum FigureScanner {
    public struct Figure: Sendable, Equatable {
        /// The figure as written: "€400 million", "18-22%", "twice".
        public var text: String
        /// UTF-8 offsets in the scanned text.
        public var range: Range<Int>
        /// Money in units of its currency (`€7.5bn` → 7.5e9), percentages and multiples as
        /// written, quantities and counts with their scale applied, fractions as a ratio.
        /// Nil for ranges.
        public var value: Double?
        /// An ISO currency code, `percent`, `percentage points`, a unit (`bcm`, `km`,
        /// `years`), the counted noun (`troops`), `count`, `multiple` or `fraction`.
        public var unit: String?

        public init(text: String, range: Range<Int>, value: Double?, unit: String?) {
            self.text = text
            self.range = range
            self.value = value
            self.unit = unit
        }
    }

    /// The figures in `text`, sorted by range and not overlapping.
    public static func figures(in text: String) -> [Figure] {
        let tokens = FigureTokenizer.tokens(of: text)
        let reader = FigureReader(tokens: tokens)
        let utf8 = Array(text.utf8)
        var figures: [Figure] = []
        var index = 0
        while index < tokens.count {
            switch reader.read(at: index) {
            case .figure(let reading):
                let range = tokens[reading.tokens.lowerBound].range.lowerBound..<tokens[reading.tokens.upperBound - 1].range.upperBound
                let written = String(decoding: utf8[range], as: UTF8.self)
                figures.append(Figure(text: written, range: range, value: reading.value, unit: reading.unit))
                index = max(reading.tokens.upperBound, index + 1)
            case .skip(let end):
                index = max(end, index + 1)
            case nil:
                index += 1
            }
        }
        return figures
    }
}
