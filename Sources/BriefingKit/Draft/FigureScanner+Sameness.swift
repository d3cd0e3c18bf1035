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

    /// The words of a figure without case or the spaces, hyphens and dashes between them
    /// ("18-22%" and "18–22%" are one range).
    private static func notation(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { " -\u{00A0}\u{2010}\u{2011}\u{2013}".contains($0) }).joined(separator: " ")
    }
}
