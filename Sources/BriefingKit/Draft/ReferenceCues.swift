/// Phrases by which a writer points to another part of the text: "as previously pointed
/// out", "the aforementioned", "see below", "discussed later". Each says which way it
/// points, which is all a draft can know of its target.
enum ReferenceCues {
    enum Direction { case back, ahead }

    struct Cue: Equatable {
        var range: Range<Int>
        var direction: Direction
    }

    private static let verbs = "pointed out|noted|mentioned|discussed|stated|explained|described|shown|argued|outlined|seen|observed|suggested|indicated"
    private static let back = "previously|already|earlier|above|before"
    private static let ahead = "below|later|further on|in what follows"
    private static let work = "essay|article|piece|paper|report|chapter|book|text|analysis"

    /// Regex values are not Sendable, so each scan makes its own; the patterns are constants.
    private static let backPatterns: [String] = [
        #"\b(?:as|was|were|is|has been|have been|had been)\s+(?:\#(back))\s+(?:\#(verbs))\b"#,
        #"\b(?:as|was|were)\s+(?:\#(verbs))\s+(?:\#(back))\b"#,
        #"\b(?:the\s+)?(?:aforementioned|above-mentioned|aforesaid|abovementioned)\b"#,
        #"\b(?:see|cf\.?)\s+above\b"#,
        #"\bas\s+(?:we|I)\s+(?:have\s+)?(?:saw|seen|noted|argued|shown)\b"#,
        #"\b(?:earlier|above)\s+in\s+this\s+(?:\#(work)|section)\b"#,
        #"\bthe\s+(?:previous|preceding)\s+(?:section|paragraph|chapter)\b"#,
    ]
    private static let aheadPatterns: [String] = [
        #"\b(?:see|cf\.?)\s+(?:below|later)\b"#,
        #"\b(?:\#(verbs)|examined|considered|covered|addressed)\s+(?:\#(ahead))\b"#,
        #"\b(?:later|below)\s+in\s+this\s+(?:\#(work)|section)\b"#,
        #"\bthe\s+(?:following|next)\s+(?:section|paragraph|chapter)\b"#,
        #"\bas\s+(?:we|I)\s+(?:will|shall)\s+(?:see|show|argue)\b"#,
        #"\bexamined\s+in\s+turn\b"#,
    ]

    static func cues(in text: String) -> [Cue] {
        var found: [Cue] = []
        for (patterns, direction) in [(backPatterns, Direction.back), (aheadPatterns, .ahead)] {
            for pattern in patterns {
                guard let regex = try? Regex(pattern).ignoresCase() else { continue }
                for match in text.matches(of: regex) {
                    let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                    let length = text.utf8.distance(from: match.range.lowerBound, to: match.range.upperBound)
                    let range = start..<start + length
                    if !found.contains(where: { $0.range.overlaps(range) }) {
                        found.append(Cue(range: range, direction: direction))
                    }
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
