/// Templates by name, ready to render. A partial alone on an indented line is rendered
/// with every line of it indented as that line was; those indented copies are parsed
/// here, once, so that rendering never parses.
struct MustacheLibrary: Sendable {
    private var templates: [Key: MustacheTemplate] = [:]

    private struct Key: Hashable {
        var name: String
        var indentation: String
    }

    /// `sources` are the templates' texts by name, `parsed` the same parsed; every partial
    /// a parsed template names should be among them (a missing one renders as nothing).
    init(parsed: [String: MustacheTemplate], sources: [String: String]) {
        for (name, template) in parsed { templates[Key(name: name, indentation: "")] = template }
        var pending = Array(parsed.values)
        while let template = pending.popLast() {
            for key in Self.indentedPartials(in: template.nodes) where templates[key] == nil {
                guard let source = sources[key.name] else { continue }
                // A copy that indenting made unparsable is rendered unindented, not dropped.
                guard let indented = try? MustacheTemplate(Self.indent(source, by: key.indentation)) else {
                    templates[key] = parsed[key.name]
                    continue
                }
                templates[key] = indented
                pending.append(indented)
            }
        }
    }

    func template(_ name: String, indentation: String = "") -> MustacheTemplate? {
        templates[Key(name: name, indentation: indentation)]
    }

    private static func indentedPartials(in nodes: [MustacheNode]) -> [Key] {
        nodes.flatMap { node -> [Key] in
            switch node {
            case let .partial(name, indentation) where !indentation.isEmpty:
                [Key(name: name, indentation: indentation)]
            case let .parent(name, indentation, blocks):
                (indentation.isEmpty ? [] : [Key(name: name, indentation: indentation)])
                    + blocks.values.flatMap(indentedPartials(in:))
            case let .section(_, children, _), let .block(_, children):
                indentedPartials(in: children)
            default:
                []
            }
        }
    }

    /// Every line that has text gets `indentation` before it; empty lines stay empty.
    private static func indent(_ source: String, by indentation: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indentation + $0 }
            .joined(separator: "\n")
    }
}
