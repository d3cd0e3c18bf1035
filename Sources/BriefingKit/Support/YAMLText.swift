/// Text as Briefing writes it into YAML it generates (drafted models, converted front
/// matter, a new site's settings).
enum YAMLText {
    /// A YAML double-quoted scalar: only `"`, `\` and characters YAML does not allow or
    /// would fold are escaped, so the text reads as the essay does, and reads back as
    /// exactly `text` whatever it holds ("null", "~", a leading "- ", a colon).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if mustEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Control characters, which YAML does not allow in a document, and the line breaks
    /// and byte order mark that a reader would not keep as written.
    private static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}"
    }
}
