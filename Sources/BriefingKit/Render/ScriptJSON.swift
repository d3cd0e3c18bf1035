import Foundation

/// JSON to embed in a `<script>` element of the page. `<`, `>` and `&` are written as
/// `\u003c`, `\u003e` and `\u0026`, which JSON reads the same, so that no text from a seed
/// or a model can end the element or start a comment inside it.
enum ScriptJSON {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        var text = ""
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": text += "\\u003c"
            case ">": text += "\\u003e"
            case "&": text += "\\u0026"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
