import Foundation

/// Everything the page editor shows of a briefing's model: its items with the ids that
/// place them on the page, what is left to review, and what a form can choose from.
struct EditContext {
    let briefing: EditedBriefing

    init(_ briefing: EditedBriefing) { self.briefing = briefing }

    func json() -> Data {
        let validated = briefing.annotated.model
        let model = validated?.model ?? BriefingModel(file: briefing.files.model)
        let null = JSONObject.orNull
        let facts: [[String: Any]] = model.facts.map { fact in
            ["id": fact.id, "figure": fact.figure, "label": fact.label, "quote": fact.quote.text,
             "when": null(fact.when?.description), "value": null(fact.value), "unit": null(fact.unit), "entities": fact.entities,
             "compare": null(fact.compare), "review": fact.review, "anchorID": Anchor.fact(fact.id).id,
             "boxID": Anchor.factBox(fact.id).id, "paragraphID": null(validated?.factMatches[fact.id]?.paragraphID)]
        }
        // Every entity the briefing can name: its model's, then the rest of the register.
        let register = briefing.register
        let named = Set(model.entities.map(\.id))
        let entities: [[String: Any]] = (model.entities + register.entities.filter { !named.contains($0.id) }).map { entity in
            ["id": entity.id, "name": entity.name, "kind": entity.kind.rawValue, "aliases": entity.aliases,
             "role": null(entity.role), "summary": null(entity.summary), "review": entity.review,
             "inRegister": register.entity(entity.id) != nil]
        }
        let events: [[String: Any]] = model.events.map { event in
            ["id": event.id, "when": event.when.description, "title": event.title, "quote": event.quote.text,
             "entities": event.entities, "facts": event.facts, "review": event.review,
             "paragraphID": null(validated?.eventMatches[event.id]?.paragraphID)]
        }
        let crossrefs: [[String: Any]] = model.crossReferences.map { reference in
            ["id": reference.id, "quote": reference.quote.text, "to": reference.target.description, "review": reference.review,
             "paragraphID": null(validated?.crossReferenceMatches[reference.id]?.paragraphID)]
        }
        let sections: [[String: Any]] = briefing.annotated.outline.headings.map { ["id": $0.id, "title": $0.title ?? ""] }
        let toReview = model.facts.filter(\.review).count + model.entities.filter(\.review).count
            + model.events.filter(\.review).count + model.crossReferences.filter(\.review).count
        return JSONObject.data([
            "modelHash": briefing.modelHash, "modelFile": briefing.files.model, "toReview": toReview,
            "facts": facts, "entities": entities, "events": events, "crossrefs": crossrefs, "sections": sections,
            "kinds": EntityKind.allCases.map(\.rawValue),
        ])
    }
}
