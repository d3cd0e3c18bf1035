/// How one language writes a date for readers: its month names and where the day,
/// month and year go. Adding a language is adding a row to `table`.
public struct DateLanguage: Sendable, Equatable {
    /// January first.
    public var months: [String]
    /// A whole date, with `{day}`, `{month}` and `{year}` standing for its parts.
    public var dayMonthYear: String
    /// A month of a year.
    public var monthYear: String
    /// How the first day of a month is written where it differs from the number
    /// (French writes `1er`).
    public var firstDay: String?

    /// By primary language subtag, lower case.
    static let table: [String: DateLanguage] = [
        "en": DateLanguage(months: ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"],
                           dayMonthYear: "{day} {month} {year}", monthYear: "{month} {year}"),
        "fr": DateLanguage(months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                    "septembre", "octobre", "novembre", "décembre"],
                           dayMonthYear: "{day} {month} {year}", monthYear: "{month} {year}", firstDay: "1er"),
        "de": DateLanguage(months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                                    "September", "Oktober", "November", "Dezember"],
                           dayMonthYear: "{day}. {month} {year}", monthYear: "{month} {year}"),
        "es": DateLanguage(months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                    "septiembre", "octubre", "noviembre", "diciembre"],
                           dayMonthYear: "{day} de {month} de {year}", monthYear: "{month} de {year}"),
    ]

    public static let english = table["en"] ?? DateLanguage(months: [], dayMonthYear: "{year}", monthYear: "{year}")

    /// The language of a BCP 47 tag (`en-GB`, `fr-CA` and `fr` are French alike);
    /// English for a language the table does not have.
    public init(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        self = Self.table[primary] ?? Self.english
    }

    public init(months: [String], dayMonthYear: String, monthYear: String, firstDay: String? = nil) {
        self.months = months
        self.dayMonthYear = dayMonthYear
        self.monthYear = monthYear
        self.firstDay = firstDay
    }

    /// "17 February 2008", "February 2008" or "2008", in this language.
    public func format(_ date: PartialDate) -> String {
        let year = String(date.year)
        guard let month = date.month, months.indices.contains(month - 1) else { return year }
        let pattern = date.day == nil ? monthYear : dayMonthYear
        let day = date.day.map { $0 == 1 ? firstDay ?? "1" : String($0) } ?? ""
        return Self.replacing("{year}", with: year,
                              in: Self.replacing("{month}", with: months[month - 1], in: Self.replacing("{day}", with: day, in: pattern)))
    }

    /// `text` with every `placeholder` replaced, one after the other from the start, as
    /// Foundation's `replacingOccurrences` did, but on UTF-8 bytes: through Foundation,
    /// writing the dates of a briefing's events cost more than the rest of its timeline.
    private static func replacing(_ placeholder: String, with value: String, in text: String) -> String {
        let bytes = Array(text.utf8), target = Array(placeholder.utf8)
        guard let first = target.first, bytes.count >= target.count else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + value.utf8.count)
        var index = 0
        var replaced = false
        while index < bytes.count {
            if bytes[index] == first, index + target.count <= bytes.count, bytes[index..<(index + target.count)].elementsEqual(target) {
                result.append(contentsOf: value.utf8)
                index += target.count
                replaced = true
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return replaced ? String(decoding: result, as: UTF8.self) : text
    }

    /// An ISO date as written in the model or the seed (`2020-01-23`), for readers; text
    /// that is not such a date is shown as it is.
    public func format(iso text: String) -> String {
        PartialDate(text).map(format) ?? text
    }
}
