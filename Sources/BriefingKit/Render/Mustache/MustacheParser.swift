/// Reads a template's text into nodes as the Mustache spec has it: a section, comment,
/// partial, delimiter, block or pragma tag alone on its line takes the whole line with it,
/// and `{{=<% %>=}}` changes the delimiters for the rest of the template.
struct MustacheParser {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private(set) var partials: [MustachePartialReference] = []

    /// Rendering walks sections by recursion; no page needs them anywhere near this deep.
    static let maximumNesting = 100

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// A section, block or parent being read: what it holds so far, and where it opened.
    private struct Frame {
        var tag: Tag
        var nodes: [MustacheNode] = []
    }

    mutating func parse() throws(MustacheSyntaxError) -> [MustacheNode] {
        var frames: [Frame] = [Frame(tag: Tag(kind: .section(inverted: false), name: "", start: 0, end: 0))]
        var textStart = 0
        var cursor = 0
        while let tagStart = Self.find(open, in: bytes, from: cursor) {
            let tag = try readTag(at: tagStart)
            let line = tag.kind.standsAlone ? standaloneLine(of: tag, after: textStart) : nil
            appendText(textStart..<(line?.lowerBound ?? tagStart), to: &frames)
            cursor = line?.upperBound ?? tag.end
            textStart = cursor
            let indentation = line.map { String(decoding: bytes[$0.lowerBound..<tagStart], as: UTF8.self) } ?? ""
            switch tag.kind {
            case let .value(escaped):
                frames[frames.count - 1].nodes.append(.value(try name(of: tag), escaped: escaped))
            case .section, .block, .parent:
                _ = try name(of: tag)
                guard frames.count <= Self.maximumNesting else {
                    throw error(at: tag.start, "'\(tag.source)': sections nest more than \(Self.maximumNesting) deep")
                }
                var tag = tag
                tag.indentation = indentation
                frames.append(Frame(tag: tag))
            case .close:
                try closeSection(tag, frames: &frames)
            case .partial:
                _ = try name(of: tag)
                partials.append(MustachePartialReference(name: tag.name, position: position(of: tag.start)))
                frames[frames.count - 1].nodes.append(.partial(name: tag.name, indentation: indentation))
            case .comment:
                break
            case .delimiters:
                try setDelimiters(tag)
            case .pragma:
                if let escaping = try pragma(tag) { frames[frames.count - 1].nodes.append(.escaping(escaping)) }
            }
        }
        appendText(textStart..<bytes.count, to: &frames)
        if frames.count > 1, let unclosed = frames.last?.tag {
            throw error(at: unclosed.start, "'\(unclosed.source)' is never closed: expected '\(unclosed.closing(open, close))'")
        }
        return frames[0].nodes
    }

    private func appendText(_ range: Range<Int>, to frames: inout [Frame]) {
        guard !range.isEmpty else { return }
        frames[frames.count - 1].nodes.append(.text(String(decoding: bytes[range], as: UTF8.self)))
    }

    private mutating func closeSection(_ tag: Tag, frames: inout [Frame]) throws(MustacheSyntaxError) {
        guard frames.count > 1, let frame = frames.popLast() else {
            throw error(at: tag.start, "'\(tag.source)' closes a section that is not open")
        }
        guard frame.tag.name == tag.name else {
            throw error(at: tag.start, "'\(tag.source)' does not close '\(frame.tag.source)' (line \(position(of: frame.tag.start).line)): expected '\(frame.tag.closing(open, close))'")
        }
        let node: MustacheNode
        switch frame.tag.kind {
        case let .section(inverted):
            node = .section(MustacheName(Substring(frame.tag.name)), frame.nodes, inverted: inverted)
        case .block:
            node = .block(name: frame.tag.name, frame.nodes)
        default:
            // Only the blocks inside a parent tag mean anything; the rest is ignored.
            var blocks: [String: [MustacheNode]] = [:]
            for case let .block(name, nodes) in frame.nodes { blocks[name] = nodes }
            partials.append(MustachePartialReference(name: frame.tag.name, position: position(of: frame.tag.start)))
            node = .parent(name: frame.tag.name, indentation: frame.tag.indentation, blocks: blocks)
        }
        frames[frames.count - 1].nodes.append(node)
    }

    // MARK: Tags

    private struct Tag {
        enum Kind: Equatable {
            case value(escaped: Bool), section(inverted: Bool), close, partial, parent, block
            case comment, delimiters, pragma

            /// Tags that write nothing themselves, and so take their line when alone on it.
            var standsAlone: Bool {
                if case .value = self { return false }
                return true
            }
        }

        var kind: Kind
        /// The name or text inside the tag, trimmed.
        var name: String
        /// Where the opening delimiter starts, and the byte after the closing one.
        var start: Int
        var end: Int
        var source = ""
        /// Before a parent tag alone on its line: the line's indentation.
        var indentation = ""

        func closing(_ open: [UInt8], _ close: [UInt8]) -> String {
            String(decoding: open, as: UTF8.self) + "/" + name + String(decoding: close, as: UTF8.self)
        }
    }

    private func readTag(at start: Int) throws(MustacheSyntaxError) -> Tag {
        var cursor = start + open.count
        let sigil = cursor < bytes.count ? bytes[cursor] : 0
        let kind: Tag.Kind
        var closing = close
        switch sigil {
        case UInt8(ascii: "#"): kind = .section(inverted: false)
        case UInt8(ascii: "^"): kind = .section(inverted: true)
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "%"): kind = .pragma
        case UInt8(ascii: "&"): kind = .value(escaped: false)
        case UInt8(ascii: "{"): kind = .value(escaped: false); closing = Array("}".utf8) + close
        case UInt8(ascii: "="): kind = .delimiters; closing = Array("=".utf8) + close
        default: kind = .value(escaped: true)
        }
        if kind != .value(escaped: true) { cursor += 1 }
        guard let contentEnd = Self.find(closing, in: bytes, from: cursor) else {
            throw error(at: start, "'\(String(decoding: bytes[start..<min(bytes.count, cursor)], as: UTF8.self))' opens a tag that is never closed: expected '\(String(decoding: closing, as: UTF8.self))'")
        }
        let name = String(decoding: bytes[cursor..<contentEnd], as: UTF8.self).trimmingWhitespace()
        let end = contentEnd + closing.count
        return Tag(kind: kind, name: String(name), start: start, end: end, source: String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// The whole line of a tag alone on it, from its start to past its line break, or nil
    /// when anything else is on the line. Text already taken by an earlier tag on the same
    /// line means that tag shares it.
    private func standaloneLine(of tag: Tag, after textStart: Int) -> Range<Int>? {
        var lineStart = tag.start
        while lineStart > textStart, Self.isBlank(bytes[lineStart - 1]) { lineStart -= 1 }
        guard lineStart == 0 || (lineStart >= textStart && bytes[lineStart - 1] == UInt8(ascii: "\n")) else { return nil }
        var lineEnd = tag.end
        while lineEnd < bytes.count, Self.isBlank(bytes[lineEnd]) { lineEnd += 1 }
        if lineEnd == bytes.count { return lineStart..<lineEnd }
        if bytes[lineEnd] == UInt8(ascii: "\n") { return lineStart..<(lineEnd + 1) }
        if bytes[lineEnd] == UInt8(ascii: "\r"), lineEnd + 1 < bytes.count, bytes[lineEnd + 1] == UInt8(ascii: "\n") {
            return lineStart..<(lineEnd + 2)
        }
        return nil
    }

    /// A name as the tag spells it: `.`, or words joined by dots, without spaces.
    private func name(of tag: Tag) throws(MustacheSyntaxError) -> MustacheName {
        guard !tag.name.isEmpty else { throw error(at: tag.start, "'\(tag.source)' has no name") }
        let name = MustacheName(Substring(tag.name))
        guard tag.name == "." || !name.parts.contains(where: { $0.isEmpty || $0.contains(where: Self.isNameBreak) }) else {
            throw error(at: tag.start, "'\(tag.source)': '\(tag.name)' is not a name (a name is a word, or words joined by dots)")
        }
        return name
    }

    private static func isNameBreak(_ character: Character) -> Bool {
        character.isWhitespace || "(){}<>".contains(character)
    }

    private mutating func setDelimiters(_ tag: Tag) throws(MustacheSyntaxError) {
        let parts = tag.name.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(at: tag.start, "'\(tag.source)' should set two delimiters, as in {{=<% %>=}}")
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    /// The content type a pragma sets, or nil for a pragma that sets nothing Briefing knows.
    private func pragma(_ tag: Tag) throws(MustacheSyntaxError) -> Bool? {
        let parts = tag.name.split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace() }
        guard parts.count == 2, parts[0] == "CONTENT_TYPE" else { return nil }
        switch parts[1] {
        case "HTML": return true
        case "TEXT": return false
        default: throw error(at: tag.start, "'\(tag.source)': the content type is HTML (escaped) or TEXT (as it is)")
        }
    }

    // MARK: Bytes and places

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    private func error(at offset: Int, _ message: String) -> MustacheSyntaxError {
        let place = position(of: offset)
        return MustacheSyntaxError(line: place.line, column: place.column, message: message)
    }
}

/// A partial or parent a template names, and where, so that a missing one is reported.
struct MustachePartialReference: Sendable {
    var name: String
    var position: (line: Int, column: Int)
}
