/// A date known to the year, the month or the day, as timelines need: "2008",
/// "2008-02", "2008-02-17".
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              let year = Int(parts[0]) else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), let month,
                  (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    /// A date from its parts, or nil when the month or the day does not exist.
    public init?(year: Int, month: Int?, day: Int?) {
        guard (0...9999).contains(year) else { return nil }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The ISO form it was written in.
    public var description: String {
        var text = Self.padded(year, to: 4)
        if let month { text += "-" + Self.padded(month, to: 2) }
        if let day { text += "-" + Self.padded(day, to: 2) }
        return text
    }

    /// The first moment the date covers, as an RFC 3339 time in UTC:
    /// "2008" → "2008-01-01T00:00:00Z".
    public var firstMoment: String {
        "\(Self.padded(year, to: 4))-\(Self.padded(month ?? 1, to: 2))-\(Self.padded(day ?? 1, to: 2))T00:00:00Z"
    }

    /// For readers, in English: "17 February 2008", "February 2008", "2008".
    public var display: String { DateLanguage.english.format(self) }

    /// For readers of `language`.
    public func display(in language: DateLanguage) -> String { language.format(self) }

    /// Earlier first; a year sorts before any month in it, a month before its days.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
