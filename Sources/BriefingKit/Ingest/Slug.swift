import Foundation

/// Lower-case ASCII words joined by hyphens: stable, readable URL segments and ids.
public enum Slug {
    public static func make(from text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == "’" || scalar == "'" {
                continue  // "Belgrade’s" reads better as "belgrades" than "belgrade-s"
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}
