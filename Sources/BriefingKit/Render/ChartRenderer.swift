import Foundation

/// Lays out the facts of one compare group as a small horizontal bar chart, drawn at build
/// time by the `partials/chart` template as inline SVG with a table that screen readers
/// read instead of the picture. Colours and fonts come from the stylesheet through class names.
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
    static let templateName = "partials/chart"

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

    /// The chart of `group` rendered by `partials/chart`; empty when the group has fewer
    /// than two facts with values, or only zeros.
    func html(for group: String, templates: TemplateSet) throws(BuildFailure) -> String {
        guard let view = view(for: group) else { return "" }
        let html = try templates.render(view, with: Self.templateName)
        // The chart stands inline, where the text had its marker: the newline that ends
        // the template file is not part of it. Cut from the end: `dropLast` on a String
        // would walk every character from the start.
        guard html.last?.isNewline == true else { return html }
        return String(html[..<html.index(before: html.endIndex)])
    }

    func view(for group: String) -> ChartView? {
        let facts = model.facts.filter { $0.compare == group && $0.value != nil }
            .sorted { (order[$0.id] ?? 0, $0.id) < (order[$1.id] ?? 0, $1.id) }
        guard facts.count >= 2, let largest = facts.compactMap(\.value).map(abs).max(), largest > 0 else { return nil }
        let bars = facts.enumerated().map { index, fact in
            let top = Double(index) * Self.rowHeight
            let barWidth = max(2, (Self.width - Self.valueRoom) * abs(fact.value ?? 0) / largest)
            return ChartBarView(label: fact.label + (fact.when.map { " (\(dates.format($0)))" } ?? ""), figure: fact.figure,
                                labelY: Self.format(top + 14), barY: Self.format(top + 21), barWidth: Self.format(barWidth),
                                barHeight: Self.format(Self.barHeight), valueX: Self.format(barWidth + 8), valueY: Self.format(top + 33))
        }
        return ChartView(id: "chart-\(group)", title: model.info.compareTitles[group] ?? Self.title(of: group),
                         width: Int(Self.width), height: Int(Double(facts.count) * Self.rowHeight + 4), bars: bars)
    }

    /// Coordinates with at most one decimal, written the same on every machine.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// Every chartable group, in the order of its first fact in the essay.
    var groups: [String] {
        // Where each group is first stated, worked out once rather than at each comparison.
        var positions: [String: [Int]] = [:]
        for fact in model.facts {
            guard let group = fact.compare else { continue }
            positions[group, default: []] += order[fact.id].map { [$0] } ?? []
        }
        return positions.filter { TreeAnnotation.chartable($0.key, in: model) }
            .map { (group: $0.key, first: $0.value.min() ?? 0) }
            .sorted { ($0.first, $0.group) < ($1.first, $1.group) }.map(\.group)
    }
}
