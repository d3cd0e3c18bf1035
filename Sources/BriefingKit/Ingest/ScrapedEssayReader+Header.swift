/// The header of a scraped essay: its title without breadcrumbs, its byline and its bio.
extension ScrapedEssayReader {
    static let titleMaximumLength = 150
    static let subtitleMaximumLength = 250
    static let bioMaximumLength = 600
    static let bylineMarker = "By "
    static let bylineMaximumLength = 120
    /// How a paragraph's last sentence ends, and a title or a subtitle does not.
    static let paragraphEndings: Set<Character> = [".", ",", ";", ":", "…"]

    /// A first line that can be a title: not too long, and not ending as a sentence of a
    /// paragraph does (a question or an exclamation may be a title).
    func looksLikeTitle(_ line: String) -> Bool {
        guard line.count <= Self.titleMaximumLength, let last = line.last else { return false }
        return !Self.paragraphEndings.contains(last)
    }

    /// The line after a title without breadcrumbs is its subtitle when it is short and does
    /// not end with a full stop, and is no byline, bio or caption.
    func looksLikeSubtitle(_ line: String) -> Bool {
        guard line.count <= Self.subtitleMaximumLength, let last = line.last, !Self.paragraphEndings.contains(last) else { return false }
        return authorNames(inByline: line) == nil && authorName(inBio: line) == nil && caption(from: line) == nil
    }

    /// A bio opens with the author's name, two to four capitalised words, then a verb
    /// that describes them ("Jane Doe is …", "Jane Doe writes about …").
    func authorName(inBio line: String) -> String? {
        guard line.count <= Self.bioMaximumLength,
              let verb = Self.bioVerbs.compactMap({ line.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let name = line[..<verb.lowerBound].trimmingWhitespace()
        return Self.isPersonName(name) ? name : nil
    }

    static let bioVerbs = [" is ", " was ", " has been ", " serves ", " writes ", " covers ", " reports ", " works ", " leads ",
                           " teaches ", " edits "]

    /// A byline is "By" and one or more names, joined by commas or "and":
    /// "By Jane Doe", "By Jane Doe and John Roe"; the names as written.
    func authorNames(inByline line: String) -> String? {
        guard line.hasPrefix(Self.bylineMarker), line.count <= Self.bylineMaximumLength else { return nil }
        let names = line.dropFirst(Self.bylineMarker.count).trimmingWhitespace()
        let each = names.replacingOccurrences(of: " and ", with: ",").split(separator: ",").map { $0.trimmingWhitespace() }
        return !each.isEmpty && each.allSatisfy(Self.isPersonName) ? names : nil
    }

    /// Two to four capitalised words of letters, hyphens, points and apostrophes.
    static func isPersonName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        return (2...4).contains(words.count)
            && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "." || $0 == "'" || $0 == "’" } }
    }
}
