extension FigureScanner.Figure {
    /// Whether two figures state the same amount, however each is written: "$2.4bn" and
    /// "$2.4 billion", "top ten" and "top-ten". A copy-edit that only changes notation is
    /// no change of meaning; a different value or unit is.
    func states(sameAs other: Self) -> Bool {
        guard let value, let otherValue = other.value else {
            return value == nil && other.value == nil && Self.notation(text) == Self.notation(other.text)
        }
        return unit == other.unit && abs(value - otherValue) <= 1e-9 * max(abs(value), abs(otherValue))
    }

    /// The words of a figure without case or the hyphens and spaces between them.
    private static func notation(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2011}" }).joined(separator: " ")
    }
}
