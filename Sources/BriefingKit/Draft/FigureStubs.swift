// TEMPORARY until the figures branch lands.
extension FigureScanner.Figure {
    public var value: Double? { nil }
    public var unit: String? { nil }
}
