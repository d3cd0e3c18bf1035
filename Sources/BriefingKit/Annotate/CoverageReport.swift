/// What `briefing check` tells an editor about one briefing: which figures in the text a
/// fact covers, which none does, and which capitalised names match no entity.
public struct CoverageReport: Sendable {
    public struct FigureCoverage: Sendable {
        public var paragraphID: String
        public var figure: String
        /// The covering fact's id, or nil.
        public var factID: String?
    }

    public var briefingTitle: String
    public var figures: [FigureCoverage]
    /// Capitalised names no alias matches, with how often they occur, most frequent first.
    public var unmatchedNames: [(name: String, count: Int)]

    /// Items still marked `review: true`, in the order the model lists them.
    public var toReview: [ReviewItem]

    public struct ReviewItem: Sendable {
        /// "entity", "fact", "event" or "cross-reference".
        public var kind: String
        public var id: String
        public var position: SourcePosition
    }

    public var coveredCount: Int { figures.filter { $0.factID != nil }.count }
    public var percentCovered: Double {
        figures.isEmpty ? 100 : Double(coveredCount) * 100 / Double(figures.count)
    }

    public init(briefing: AnnotatedBriefing) {
        briefingTitle = briefing.essay.metadata.title
        let factRanges = (briefing.model?.model.facts ?? []).compactMap { fact in
            briefing.model?.factMatches[fact.id].map { (fact.id, $0) }
        }
        var figures: [FigureCoverage] = []
        for paragraph in briefing.outline.paragraphs {
            for figure in FigureScanner.figures(in: paragraph.text) {
                let fact = factRanges.first { $0.1.paragraphID == paragraph.id
                    && $0.1.range.lowerBound <= figure.range.lowerBound && figure.range.upperBound <= $0.1.range.upperBound }
                figures.append(FigureCoverage(paragraphID: paragraph.id, figure: figure.text, factID: fact?.0))
            }
        }
        self.figures = figures
        unmatchedNames = Self.unmatchedNames(briefing)
        toReview = briefing.model.map { Self.toReview(in: $0.model) } ?? []
    }

    static func toReview(in model: BriefingModel) -> [ReviewItem] {
        var items: [ReviewItem] = []
        items += model.entities.filter(\.review).map { ReviewItem(kind: "entity", id: $0.id, position: $0.position) }
        items += model.facts.filter(\.review).map { ReviewItem(kind: "fact", id: $0.id, position: $0.position) }
        items += model.events.filter(\.review).map { ReviewItem(kind: "event", id: $0.id, position: $0.position) }
        items += model.crossReferences.filter(\.review).map { ReviewItem(kind: "cross-reference", id: $0.id, position: $0.position) }
        return items
    }

    /// Runs of capitalised words that no alias covers. A single capitalised word opening a
    /// sentence is an ordinary word, not a name.
    static func unmatchedNames(_ briefing: AnnotatedBriefing) -> [(name: String, count: Int)] {
        let matcher = AliasMatcher(entities: briefing.model?.model.entities ?? [])
        let connectors: Set<String> = ["of", "the", "and", "for", "de", "von", "van", "al"]
        var counts: [String: Int] = [:]
        for paragraph in briefing.outline.paragraphs {
            let text = paragraph.text
            let covered = matcher.find(in: text).map(\.range)
            let words = text.matches(of: /[\p{L}][\p{L}\p{M}'’\-.]*/)
            var run: [(word: Substring, range: Range<Int>)] = []
            var previousEnd: String.Index?
            func flush() {
                while let last = run.last, connectors.contains(last.word.lowercased()) { run.removeLast() }
                while let first = run.first, connectors.contains(first.word.lowercased()) { run.removeFirst() }
                defer { run.removeAll() }
                guard let first = run.first, let last = run.last else { return }
                let range = first.range.lowerBound..<last.range.upperBound
                if covered.contains(where: { $0.overlaps(range) }) { return }
                let startsSentence = Self.startsSentence(text, at: first.word.startIndex)
                if run.count == 1, startsSentence || Self.isDemonym(first.word) || Self.months.contains(first.word.lowercased()) { return }
                var name = String(text[first.word.startIndex..<last.word.endIndex])
                while let end = name.last, ".’'".contains(end) { name.removeLast() }
                if name.hasSuffix("’s") || name.hasSuffix("'s") { name.removeLast(2) }
                counts[name, default: 0] += 1
            }
            for match in words {
                let word = match.output
                // A name is words separated by single spaces; anything else between ends it.
                if let end = previousEnd, text[end..<match.range.lowerBound] != " " { flush() }
                previousEnd = match.range.upperBound
                // "MiG-29", "T-72MS": a model designation, not a name.
                if word.last == "-" || text[match.range.upperBound...].first?.isNumber == true {
                    run.removeAll()
                    continue
                }
                let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                let range = start..<start + word.utf8.count
                if word.first?.isUppercase == true || (!run.isEmpty && connectors.contains(word.lowercased())) {
                    run.append((word, range))
                } else {
                    flush()
                }
                if word.last == "." || text[match.range.upperBound...].first.map({ ",;:)”\"".contains($0) }) == true { flush() }
            }
            flush()
        }
        return counts.map { ($0.key, $0.value) }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }

    static let months: Set<String> = ["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"]

    /// "Russian", "Western", "Serbs": words for peoples and their adjectives, which name
    /// no one entity.
    static func isDemonym(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        return ["ian", "ians", "ean", "eans", "ese", "ish", "ern", "erns", "ic", "s"].contains { lower.hasSuffix($0) }
            && word.count > 3 && word.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" }
    }

    private static func startsSentence(_ text: String, at index: String.Index) -> Bool {
        var cursor = index
        while cursor > text.startIndex {
            cursor = text.index(before: cursor)
            let character = text[cursor]
            if character == " " || "“”\"‘’'()".contains(character) { continue }
            return ".?!:".contains(character)
        }
        return true
    }
}
