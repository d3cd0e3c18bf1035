/// Writes a drafted model as the YAML an editor would write by hand: two-space indents,
/// a comment heading each list, one key per line, text double-quoted.
public enum DraftYAML {
    public enum Section: String, CaseIterable, Sendable {
        case entities, facts, events, crossrefs

        var heading: String {
            switch self {
            case .entities: "# Entities: who and what the essay names, by id; entities.yml beside this file defines each for the whole site."
            case .facts: "# Facts: one per figure, quoting the fewest words that occur once in the essay."
            case .events: "# Events: one per sentence that gives a date."
            case .crossrefs: "# Cross-references: phrases that point elsewhere in the text, to a best guess."
            }
        }
    }

    /// A whole model file for a draft of `seed`.
    public static func document(_ model: BriefingModel, seed: String) -> String {
        var lines = [
            "# A starting model for \(seed), drafted by `briefing draft`.",
            "# Every item says `review: true`: check it against the essay, correct it, then delete",
            "# that line (or the whole item). `briefing check` lists what is left to review.",
        ]
        lines += [
            "",
            "# The briefing as a whole: uncomment and write its standfirst, and the date and the",
            "# source if the seed does not give them.",
            "# briefing:",
            "#   summary: \"\"",
            "#   date: \"YYYY-MM-DD\"",
            "#   source: \"\"",
        ]
        for section in Section.allCases {
            lines.append("")
            lines.append(section.heading)
            let items = self.items(section, of: model, indent: "  ")
            lines.append(section.rawValue + ":")
            lines += items
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lines of a section's items, each item opening with `indent` and "- ".
    public static func items(_ section: Section, of model: BriefingModel, indent: String) -> [String] {
        let items: [[(String, String)]] = switch section {
        case .entities: model.entities.filter { !$0.registered }.map(fields)
        case .facts: model.facts.map(fields)
        case .events: model.events.map(fields)
        case .crossrefs: model.crossReferences.map(fields)
        }
        let references = section == .entities ? model.entityReferences.map { indent + "- " + $0.id } : []
        return items.flatMap { lines($0, indent: indent) } + references
    }

    /// A register entry, its dash at column 0.
    static func definition(_ entity: Entity) -> [String] {
        lines(fields(entity), indent: "")
    }

    private static func lines(_ fields: [(String, String)], indent: String) -> [String] {
        fields.enumerated().map { index, field in
            (index == 0 ? indent + "- " : indent + "  ") + field.0 + ": " + field.1
        }
    }

    static func fields(_ entity: Entity) -> [(String, String)] {
        var fields = [("id", entity.id), ("name", YAMLText.quoted(entity.name)), ("kind", entity.kind.rawValue),
                      ("aliases", list(entity.aliases.map(YAMLText.quoted)))]
        if let role = entity.role { fields.append(("role", YAMLText.quoted(role))) }
        if let summary = entity.summary { fields.append(("summary", YAMLText.quoted(summary))) }
        return fields + review(entity.review)
    }

    static func fields(_ fact: Fact) -> [(String, String)] {
        var fields = [("id", fact.id), ("figure", YAMLText.quoted(fact.figure)), ("label", YAMLText.quoted(fact.label))]
        if let when = fact.when { fields.append(("when", YAMLText.quoted(when.description))) }
        fields.append(("quote", YAMLText.quoted(fact.quote.text)))
        if !fact.entities.isEmpty { fields.append(("entities", list(fact.entities))) }
        if let value = fact.value { fields.append(("value", number(value))) }
        if let unit = fact.unit { fields.append(("unit", YAMLText.quoted(unit))) }
        if let compare = fact.compare { fields.append(("compare", compare)) }
        return fields + review(fact.review)
    }

    static func fields(_ event: TimelineEvent) -> [(String, String)] {
        var fields = [("id", event.id), ("when", YAMLText.quoted(event.when.description)), ("title", YAMLText.quoted(event.title)),
                      ("quote", YAMLText.quoted(event.quote.text))]
        if !event.entities.isEmpty { fields.append(("entities", list(event.entities))) }
        if !event.facts.isEmpty { fields.append(("facts", list(event.facts))) }
        return fields + review(event.review)
    }

    static func fields(_ reference: CrossReference) -> [(String, String)] {
        [("id", reference.id), ("quote", YAMLText.quoted(reference.quote.text)), ("to", YAMLText.quoted(reference.target.description))]
            + review(reference.review)
    }

    private static func review(_ review: Bool) -> [(String, String)] {
        review ? [("review", "true")] : []
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }

    /// Whole numbers without a fraction ("400000000"), others in the shortest form that
    /// reads back as the same number.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
