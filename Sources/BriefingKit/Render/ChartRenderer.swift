import Foundation

/// Draws the facts of one compare group as a small horizontal bar chart in inline SVG,
/// made at build time, with a table that screen readers read instead of the picture.
/// Colours and fonts come from the stylesheet through class names.
struct ChartRenderer {
    let model: BriefingModel
    /// Facts in the order the essay states them.
    let order: [String: Int]
    let dates: DateLanguage

    static let width = 600.0
    static let rowHeight = 46.0
    static let barHeight = 14.0
    /// Room kept right of the longest bar for its value.
    static let valueRoom = 190.0

    init(briefing: AnnotatedBriefing, dates: DateLanguage) {
        self.dates = dates
        model = briefing.model?.model ?? BriefingModel(file: "")
        let paragraphIndex = Dictionary(uniqueKeysWithValues: briefing.outline.paragraphs.enumerated().map { ($0.element.id, $0.offset) })
        var order: [String: Int] = [:]
        for (id, match) in briefing.model?.factMatches ?? [:] {
            order[id] = (paragraphIndex[match.paragraphID] ?? 0) * 1_000_000 + match.range.lowerBound
        }
        self.order = order
    }

    /// A group without a title in the model is named after its id.
    static func title(of group: String) -> String {
        let words = group.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    func html(for group: String) -> String {
        let facts = model.facts.filter { $0.compare == group && $0.value != nil }
            .sorted { (order[$0.id] ?? 0, $0.id) < (order[$1.id] ?? 0, $1.id) }
        guard facts.count >= 2, let largest = facts.compactMap(\.value).map(abs).max(), largest > 0 else { return "" }
        let id = HTMLText.escape("chart-\(group)")
        let title = HTMLText.escape(model.info.compareTitles[group] ?? Self.title(of: group))
        let height = Double(facts.count) * Self.rowHeight + 4
        var svg = "<svg class=\"chart-svg\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" aria-hidden=\"true\">"
        var rows = ""
        for (index, fact) in facts.enumerated() {
            let value = fact.value ?? 0
            let top = Double(index) * Self.rowHeight
            let barWidth = max(2, (Self.width - Self.valueRoom) * abs(value) / largest)
            let label = HTMLText.escape(fact.label + (fact.when.map { " (\(dates.format($0)))" } ?? ""))
            let figure = HTMLText.escape(fact.figure)
            svg += "<g class=\"chart-bar\">"
            svg += "<text class=\"chart-label\" x=\"0\" y=\"\(Self.format(top + 14))\">\(label)</text>"
            svg += "<rect class=\"chart-fill\" x=\"0\" y=\"\(Self.format(top + 21))\" width=\"\(Self.format(barWidth))\" height=\"\(Self.format(Self.barHeight))\" rx=\"2\"></rect>"
            svg += "<text class=\"chart-value\" x=\"\(Self.format(barWidth + 8))\" y=\"\(Self.format(top + 33))\">\(figure)</text>"
            svg += "</g>"
            rows += "<tr><th scope=\"row\">\(label)</th><td>\(figure)</td></tr>"
        }
        svg += "</svg>"
        return "<figure class=\"chart\" id=\"\(id)\"><figcaption>\(title)</figcaption>\(svg)"
            + "<table class=\"visually-hidden\"><caption>\(title)</caption>\(rows)</table></figure>"
    }

    /// Coordinates with at most one decimal, written the same on every machine.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// Every chartable group, in the order of its first fact in the essay.
    var groups: [String] {
        let groups = Set(model.facts.compactMap(\.compare)).filter { TreeAnnotation.chartable($0, in: model) }
        return groups.sorted { first, second in
            let a = model.facts.filter { $0.compare == first }.compactMap { order[$0.id] }.min() ?? 0
            let b = model.facts.filter { $0.compare == second }.compactMap { order[$0.id] }.min() ?? 0
            return (a, first) < (b, second)
        }
    }
}
