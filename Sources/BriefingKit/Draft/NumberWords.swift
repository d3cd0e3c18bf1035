/// Numbers written as words: cardinals, the denominators of fractions, and the words
/// that are multiples on their own ("twice", "tenfold").
enum NumberWords {
    /// "one" to "nineteen".
    static let small: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]

    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// The units that can follow a ten: "twenty-five".
    static let units: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    ]

    /// "a third", "one quarter".
    static let singularDenominators: [String: Double] = [
        "half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    ]

    /// "two-thirds", "three quarters".
    static let pluralDenominators: [String: Double] = [
        "thirds": 3, "quarters": 4, "fifths": 5, "sixths": 6, "sevenths": 7, "eighths": 8, "ninths": 9, "tenths": 10,
    ]

    static let multiples: [String: Double] = ["twice": 2, "thrice": 3]

    static func isNumberWord(_ lower: String) -> Bool {
        small[lower] != nil || tens[lower] != nil || lower == "hundred" || lower == "thousand"
            || lower == "million" || lower == "billion" || lower == "trillion" || lower == "dozen"
    }

    /// "tenfold" → 10, "twofold" → 2.
    static func foldValue(_ lower: String) -> Double? {
        guard lower.hasSuffix("fold") else { return nil }
        let stem = String(lower.dropLast(4))
        if stem == "hundred" { return 100 }
        if stem == "thousand" { return 1000 }
        return small[stem] ?? tens[stem]
    }
}
