/// A view or value as templates read it: text, numbers and flags as they are, a view as
/// its fields by name, a list as its elements' values. Each view spells out its fields,
/// because reflecting them would cost much of what rendering costs.
protocol TemplateValue {
    var templateValue: TemplateData { get }
}

extension String: TemplateValue {
    var templateValue: TemplateData { .text(self) }
}

extension Int: TemplateValue {
    var templateValue: TemplateData { .number(self) }
}

extension Bool: TemplateValue {
    var templateValue: TemplateData { .flag(self) }
}

extension Optional: TemplateValue where Wrapped: TemplateValue {
    var templateValue: TemplateData { self?.templateValue ?? .missing }
}

extension Array: TemplateValue where Element: TemplateValue {
    var templateValue: TemplateData { .list(map(\.templateValue)) }
}
