/// The form's fields as a model item, checked for what each kind requires, and written
/// as the lines an editor would write (the layout `briefing draft` uses).
extension EditItem {
    /// The section of the model file an item of `kind` goes to.
    static func section(of kind: EditRequest.Kind) -> DraftYAML.Section? {
        switch kind {
        case .fact: .facts
        case .entity: .entities
        case .event: .events
        case .crossref: .crossrefs
        case .alias: nil
        }
    }

    /// The item as one model holding only it.
    func model(as itemKind: EditRequest.Kind, file: String) throws(EditFailure) -> BriefingModel {
        var model = BriefingModel(file: file)
        let here = SourcePosition(line: 1, column: 1)
        switch itemKind {
        case .fact:
            model.facts = [Fact(id: try required(id, "id"), figure: try required(figure, "figure"), label: try required(label, "label"),
                                when: try date(when), quote: Quote(try required(quote, "quote"), at: here),
                                entities: entities ?? [], value: value, unit: unit, compare: compare, position: here)]
        case .entity:
            let kindText = try required(kind, "kind")
            guard let entityKind = EntityKind(rawValue: kindText) else {
                throw EditFailure(.invalid, "'\(kindText)' is not a kind; use one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            model.entities = [Entity(id: try required(id, "id"), name: try required(name, "name"), kind: entityKind,
                                     aliases: aliases ?? [], role: role, summary: summary, position: here)]
        case .event:
            guard let when = try date(when) else { throw EditFailure(.invalid, "an event needs its date ('when')") }
            model.events = [TimelineEvent(id: try required(id, "id"), when: when, title: try required(title, "title"),
                                          quote: Quote(try required(quote, "quote"), at: here), entities: entities ?? [],
                                          facts: facts ?? [], position: here)]
        case .crossref:
            let targetText = try required(to, "to")
            guard let target = CrossReference.Target(targetText) else {
                throw EditFailure(.invalid, "'to' must be section:ID, paragraph:\(Anchor.paragraph(1).id), fact:ID or entity:ID, found '\(targetText)'")
            }
            model.crossReferences = [CrossReference(id: try required(id, "id"), quote: Quote(try required(quote, "quote"), at: here),
                                                    target: target, position: here, targetPosition: here)]
        case .alias:
            throw EditFailure(.invalid, "an alias is added to an entity, not as an item of its own")
        }
        return model
    }

    private func required(_ value: String?, _ field: String) throws(EditFailure) -> String {
        guard let value else { throw EditFailure(.invalid, "'\(field)' is required") }
        return value
    }

    private func date(_ text: String?) throws(EditFailure) -> PartialDate? {
        guard let text else { return nil }
        guard let date = PartialDate(text) else {
            throw EditFailure(.invalid, "'\(text)' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return date
    }
}
