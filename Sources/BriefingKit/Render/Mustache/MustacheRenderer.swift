/// Writes a template with data: names are looked up from the innermost section's value
/// outwards, as Mustache has it; a dotted name's first part so, the rest inside what it
/// found.
struct MustacheRenderer {
    let library: MustacheLibrary
    private(set) var output = ""
    private var stack: [TemplateData]
    private var depth = 0

    /// Deeper than this, partials are taken to include themselves without end.
    static let maximumDepth = 100

    init(library: MustacheLibrary, data: TemplateData) {
        self.library = library
        stack = [data]
    }

    mutating func render(_ template: MustacheTemplate, blocks: [String: [MustacheNode]] = [:]) throws(MustacheRenderError) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw .tooDeep }
        var escaping = true
        try render(template.nodes, blocks: blocks, escaping: &escaping)
    }

    private mutating func render(_ nodes: [MustacheNode], blocks: [String: [MustacheNode]], escaping: inout Bool) throws(MustacheRenderError) {
        for node in nodes {
            switch node {
            case let .text(text):
                output += text
            case let .value(name, escaped):
                write(lookUp(name), escaped: escaped && escaping)
            case let .section(name, children, inverted):
                let value = lookUp(name)
                if inverted {
                    if value.isFalsey { try render(children, blocks: blocks, escaping: &escaping) }
                    continue
                }
                switch value {
                case let .list(items):
                    for item in items {
                        stack.append(item)
                        try render(children, blocks: blocks, escaping: &escaping)
                        stack.removeLast()
                    }
                case .flag(true):
                    try render(children, blocks: blocks, escaping: &escaping)
                case .flag(false), .missing:
                    break
                case .text, .number, .fields:
                    stack.append(value)
                    try render(children, blocks: blocks, escaping: &escaping)
                    stack.removeLast()
                }
            case let .partial(name, indentation):
                if let partial = library.template(name, indentation: indentation) { try render(partial) }
            case let .parent(name, indentation, overrides):
                // The outermost template's blocks win over those of the templates it uses.
                if let parent = library.template(name, indentation: indentation) {
                    try render(parent, blocks: overrides.merging(blocks) { _, outer in outer })
                }
            case let .block(name, children):
                try render(blocks[name] ?? children, blocks: blocks, escaping: &escaping)
            case let .escaping(on):
                escaping = on
            }
        }
    }

    private mutating func write(_ value: TemplateData, escaped: Bool) {
        switch value {
        case let .text(text): output += escaped ? HTMLText.escape(text) : text
        case let .number(number): output += String(number)
        case let .flag(flag): output += flag ? "true" : "false"
        case .list, .fields, .missing: break
        }
    }

    private func lookUp(_ name: MustacheName) -> TemplateData {
        guard let first = name.parts.first else { return stack.last ?? .missing }
        var index = stack.count - 1
        while index >= 0 {
            if var found = stack[index].field(first) {
                for part in name.parts.dropFirst() {
                    guard let inner = found.field(part) else { return .missing }
                    found = inner
                }
                return found
            }
            index -= 1
        }
        return .missing
    }
}

enum MustacheRenderError: Error {
    /// Partials included one another more than `MustacheRenderer.maximumDepth` deep.
    case tooDeep
}
