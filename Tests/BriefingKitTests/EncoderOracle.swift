import Foundation

/// What Foundation's `JSONEncoder` writes for the site's JSON values, as the exports
/// were written before they had their own writer: the reference their bytes must match.
enum EncoderOracle {
    static func pretty(_ value: Any) throws -> Data {
        try encode(value, [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    static func compact(_ value: Any) throws -> Data {
        try encode(value, [.sortedKeys, .withoutEscapingSlashes])
    }

    /// Compact, then `<`, `>` and `&` replaced by their `\u00XX` escapes.
    static func script(_ value: Any) throws -> String {
        var text = ""
        for scalar in String(decoding: try compact(value), as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func encode(_ value: Any, _ formatting: JSONEncoder.OutputFormatting) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        return try encoder.encode(Reflected(value: value))
    }
}

/// Encodes a struct by reflection the way a synthesized `Encodable` conformance does:
/// every stored property under its name, nil optionals left out. It reads the stored
/// properties themselves, so a property the writer forgets shows up as a difference.
private struct Reflected: Encodable {
    var value: Any

    /// Properties whose JSON key is not their Swift name.
    static let keys = ["atAGlance": "at_a_glance", "compareTitles": "compare_titles", "context": "@context", "type": "@type"]

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case let text as String:
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case let number as Double:
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case let number as Int:
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case let elements as [Any]:
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(Reflected(value: element)) }
        case let dictionary as [String: Any]:
            var container = encoder.container(keyedBy: Key.self)
            for (key, element) in dictionary { try container.encode(Reflected(value: element), forKey: Key(stringValue: key)) }
        default:
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .struct else {
                throw EncodingError.invalidValue(value, .init(codingPath: encoder.codingPath, debugDescription: "not a JSON value"))
            }
            var container = encoder.container(keyedBy: Key.self)
            for child in mirror.children {
                guard let label = child.label, let present = Self.unwrapped(child.value) else { continue }
                try container.encode(Reflected(value: present), forKey: Key(stringValue: Self.keys[label] ?? label))
            }
        }
    }

    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
