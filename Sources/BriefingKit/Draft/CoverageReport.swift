/// What `briefing check` tells an editor about one briefing: which figures in the text a
/// fact covers, which none does, and which names in the text match no entity.
public struct CoverageReport: Sendable {
    public struct FigureCoverage: Sendable {
        public var paragraphID: String
        public var figure: String
        /// The covering fact's id, or nil.
        public var factID: String?
    }

    public var briefingTitle: String
    public var figures: [FigureCoverage]
    /// Names no alias matches, with how often they occur, most frequent first.
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
            // A figure in code ("`rate = 2.0`") is shown as written: no fact can quote it.
            for figure in FigureScanner.figures(in: paragraph.text) where !paragraph.code.contains(where: { $0.overlaps(figure.range) }) {
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
        // A registered entity is reviewed in the register, which `check` counts on its own.
        items += model.entities.filter { $0.review && !$0.registered }.map { ReviewItem(kind: "entity", id: $0.id, position: $0.position) }
        items += model.facts.filter(\.review).map { ReviewItem(kind: "fact", id: $0.id, position: $0.position) }
        items += model.events.filter(\.review).map { ReviewItem(kind: "event", id: $0.id, position: $0.position) }
        items += model.crossReferences.filter(\.review).map { ReviewItem(kind: "cross-reference", id: $0.id, position: $0.position) }
        return items
    }

    /// Names the scanner finds that no alias covers, counted by their uncovered mentions.
    static func unmatchedNames(_ briefing: AnnotatedBriefing) -> [(name: String, count: Int)] {
        let matcher = AliasMatcher(entities: briefing.model?.model.entities ?? [])
        let paragraphs = briefing.outline.paragraphs.map(\.text)
        let covered = paragraphs.map { matcher.find(in: $0).map(\.range) }
        let counts = NameScanner.names(in: paragraphs).map { name in
            (name: name.name, count: name.mentions.filter { mention in
                !covered[mention.paragraph].contains { $0.overlaps(mention.range) }
            }.count)
        }
        return counts.filter { $0.count > 0 }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }
}
