import Mustache

/// Turns a view value into the dictionaries and arrays swift-mustache reads fastest.
///
/// swift-mustache looks a name up in a struct with `Mirror` on every lookup, and walks up
/// the whole context stack doing so; reflecting each view once here made rendering the
/// site several times faster. A `nil` optional becomes `MissingValue`, so that a missing
/// value stops the lookup instead of falling through to an outer context.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        // Most values are text and numbers: reflecting them is the costly part.
        if value is String || value is Int || value is Bool || value is Double { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(mirror.children.count)
            for child in mirror.children {
                guard let label = child.label else { continue }
                dictionary[label] = make(child.value)
            }
            return dictionary
        case .collection:
            return mirror.children.map { make($0.value) }
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return MissingValue() }
            return make(wrapped)
        default:
            return value
        }
    }
}

/// Renders as nothing and counts as false in a section, as a `nil` would.
struct MissingValue: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
