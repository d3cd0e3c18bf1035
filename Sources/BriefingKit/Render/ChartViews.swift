/// What `Templates/partials/chart.mustache` gets: one compare group as a bar chart. The
/// geometry is worked out in Swift and given as numbers written the same on every machine.
struct ChartView: Equatable, Sendable {
    /// The figure's element id, `chart-GROUP`.
    var id: String
    var title: String
    var width: Int
    var height: Int
    var bars: [ChartBarView]
}

extension ChartView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "id": id.templateValue,
            "title": title.templateValue,
            "width": width.templateValue,
            "height": height.templateValue,
            "bars": bars.templateValue,
        ])
    }
}

/// One fact of a chart: its label and figure, and where its bar and texts stand.
struct ChartBarView: Equatable, Sendable {
    /// The fact's label, with its date when it has one.
    var label: String
    /// The figure as the essay states it.
    var figure: String
    var labelY: String
    var barY: String
    var barWidth: String
    var barHeight: String
    var valueX: String
    var valueY: String
}

extension ChartBarView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "label": label.templateValue,
            "figure": figure.templateValue,
            "labelY": labelY.templateValue,
            "barY": barY.templateValue,
            "barWidth": barWidth.templateValue,
            "barHeight": barHeight.templateValue,
            "valueX": valueX.templateValue,
            "valueY": valueY.templateValue,
        ])
    }
}
