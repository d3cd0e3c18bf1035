/// What `briefing check` tells an editor about the register of entities, weighed across
/// the whole site: entries no briefing names, aliases that occur in none of the essays
/// naming their entity, and entries still marked `review: true`.
public struct RegisterReport: Sendable {
    /// Warnings, each at its entry in the register, in the register's order.
    public var warnings: [Diagnostic]
    /// Entries still marked `review: true`, in the register's order.
    public var toReview: [CoverageReport.ReviewItem]

    public init(register: EntityRegister, briefings: [AnnotatedBriefing]) {
        var naming: [String: Int] = [:]
        var found: Set<String> = []
        for briefing in briefings {
            guard let validated = briefing.model else { continue }
            for entity in validated.model.entities where entity.registered { naming[entity.id, default: 0] += 1 }
            for matches in validated.aliasMatches.values {
                for match in matches { found.insert(Self.key(match.entityID, match.alias)) }
            }
        }
        var warnings: [Diagnostic] = []
        for entity in register.entities {
            let place = (file: register.file, line: entity.position.line, column: entity.position.column)
            guard let count = naming[entity.id] else {
                warnings.append(Diagnostic(file: place.file, line: place.line, column: place.column,
                                           "entity '\(entity.id)' is named by no briefing; name it by id in a model, or delete it", severity: .warning))
                continue
            }
            let essays = count == 1 ? "the essay that names it" : "any of the \(count) essays that name it"
            for alias in entity.aliases where !found.contains(Self.key(entity.id, alias)) {
                warnings.append(Diagnostic(file: place.file, line: place.line, column: place.column,
                                           "alias '\(alias)' of entity '\(entity.id)' is not mentioned in \(essays)", severity: .warning))
            }
        }
        self.warnings = warnings
        toReview = register.entities.filter(\.review).map { CoverageReport.ReviewItem(kind: "entity", id: $0.id, position: $0.position) }
    }

    private static func key(_ id: String, _ alias: String) -> String { id + "\u{0}" + alias }
}
