import Mustache

/// A value as the templates read it: text, numbers and flags as they are, a view as a
/// dictionary of its fields, a list as an array of its elements' values.
///
/// swift-mustache looks a name up in a struct with `Mirror` on every lookup, and walks
/// up the whole context stack doing so; it reads dictionaries fastest. Each view spells
/// out its own dictionary, because reflecting views into dictionaries would itself cost
/// much of what dictionaries save.
protocol TemplateValue {
    var templateValue: Any { get }
}

extension String: TemplateValue {
    var templateValue: Any { self }
}

extension Int: TemplateValue {
    var templateValue: Any { self }
}

extension Bool: TemplateValue {
    var templateValue: Any { self }
}

extension Optional: TemplateValue where Wrapped: TemplateValue {
    /// A missing value stops the lookup, as a `nil` field would, instead of falling
    /// through to a field of the same name in an outer context.
    var templateValue: Any { self?.templateValue ?? MissingValue() }
}

extension Array: TemplateValue where Element: TemplateValue {
    var templateValue: Any { map(\.templateValue) }
}

/// Renders as nothing and counts as false in a section, as a `nil` would.
struct MissingValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// A view's fields by name. A final class rather than a dictionary: swift-mustache asks
/// every value on the context stack whether it conforms to its protocols, and that
/// question is answered faster for a class than for a generic type that conforms only
/// under a condition.
final class TemplateFields: MustacheParent, @unchecked Sendable {
    let fields: [String: Any]

    init(_ fields: [String: Any]) { self.fields = fields }

    func child(named name: String) -> Any? { fields[name] }
}
