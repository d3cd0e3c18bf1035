/// A value as a template reads it. Views hand templates these rather than `Any`, so that
/// rendering decides what a value is by a `switch`, not by asking the runtime which
/// protocols it conforms to at every name.
enum TemplateData: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateData])
    case fields([String: TemplateData])
    /// An absent optional: renders as nothing, counts as false, and stops the lookup of
    /// its name, as a `nil` field would, instead of falling through to a field of the
    /// same name in an outer context.
    case missing

    /// The value of `name` when this is a view's fields; nil when it has no such field.
    func field(_ name: String) -> TemplateData? {
        guard case let .fields(fields) = self else { return nil }
        return fields[name]
    }

    /// Whether a section over this value shows: not for false, nothing, or an empty list.
    var isFalsey: Bool {
        switch self {
        case let .flag(flag): !flag
        case let .list(items): items.isEmpty
        case .missing: true
        case .text, .number, .fields: false
        }
    }
}
