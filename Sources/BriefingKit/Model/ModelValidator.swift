/// Checks a model against the essay it annotates: references resolve, each quote occurs
/// exactly once, wrapped quotes do not overlap, every alias is used. Reports everything
/// it finds, not just the first problem.
public struct ModelValidator {
    /// Says what a quote no longer in the essay became, when something can.
    public var advisor: (any QuoteAdvisor)?

    public init(advisor: (any QuoteAdvisor)? = nil) {
        self.advisor = advisor
    }

    public func validate(_ model: BriefingModel, against corpus: QuoteCorpus) -> (ValidatedModel, [Diagnostic]) {
        var problems = ModelProblems(file: model.file)
        checkReferences(model, corpus: corpus, problems: &problems)

        var factMatches: [String: QuoteCorpus.Match] = [:]
        var eventMatches: [String: QuoteCorpus.Match] = [:]
        var crossReferenceMatches: [String: QuoteCorpus.Match] = [:]
        // All quotes are looked up together, in the order they are checked below.
        let quotes = model.facts.map(\.quote.text) + model.events.map(\.quote.text) + model.crossReferences.map(\.quote.text)
        var found = corpus.matches(of: quotes).makeIterator()
        for fact in model.facts {
            factMatches[fact.id] = locate(fact.quote, of: "fact '\(fact.id)'", isFact: true, found: found.next() ?? [], in: corpus, problems: &problems)
        }
        for event in model.events {
            eventMatches[event.id] = locate(event.quote, of: "event '\(event.id)'", found: found.next() ?? [], in: corpus, problems: &problems)
        }
        for reference in model.crossReferences {
            crossReferenceMatches[reference.id] = locate(reference.quote, of: "cross-reference '\(reference.id)'", found: found.next() ?? [],
                                                         in: corpus, problems: &problems)
        }
        checkOverlaps(model, factMatches: factMatches, crossReferenceMatches: crossReferenceMatches, problems: &problems)
        let matcher = AliasMatcher(entities: model.entities)
        var aliasMatches: [String: [AliasMatcher.Found]] = [:]
        for paragraph in corpus.paragraphs {
            aliasMatches[paragraph.id] = matcher.find(in: paragraph.folded)
        }
        checkAliases(model, found: Set(aliasMatches.values.flatMap { $0.map(\.alias) }), problems: &problems)

        let validated = ValidatedModel(model: model, factMatches: factMatches, eventMatches: eventMatches,
                                       crossReferenceMatches: crossReferenceMatches, aliasMatches: aliasMatches)
        return (validated, problems.diagnostics)
    }

    /// The one place `quote` was `found`, or nil with a problem that says why not.
    private func locate(_ quote: Quote, of owner: String, isFact: Bool = false, found matches: [QuoteCorpus.Match], in corpus: QuoteCorpus,
                        problems: inout ModelProblems) -> QuoteCorpus.Match? {
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            var message = "quote of \(owner) not found in the essay"
            if let advice = advisor?.advice(for: quote.text, isFact: isFact, in: corpus) {
                message += "; the passage now reads \"\(advice.passage)\" (\(advice.paragraphID))"
                switch advice.kind {
                case .moved:
                    message += ": run briefing check --fix"
                case let .figureChanged(old, new):
                    message += ", with another figure: \(old.isEmpty ? "none" : old) became \(new.isEmpty ? "none" : new); check the fact, then quote the new words"
                }
            } else if let closest = corpus.closestSentence(to: quote.text) {
                message += "; the closest sentence is in \(closest.paragraphID): \"\(closest.sentence)\""
            }
            problems.error(message, at: quote.position)
        default:
            let places = matches.map(\.paragraphID)
            let list = places.count == 2 ? "\(places[0]) and \(places[1])" : places.joined(separator: ", ")
            problems.error("quote of \(owner) occurs \(matches.count) times, in \(list); quote more words so that it occurs once", at: quote.position)
        }
        return nil
    }

    private func checkReferences(_ model: BriefingModel, corpus: QuoteCorpus, problems: inout ModelProblems) {
        let entityIDs = Set(model.entities.map(\.id))
        let factIDs = Set(model.facts.map(\.id))
        func require(_ ids: [String], in known: Set<String>, what: String, from owner: String, at position: SourcePosition?) {
            for id in ids where !known.contains(id) {
                problems.error("\(owner) refers to unknown \(what) '\(id)'", at: position)
            }
        }
        require(model.info.atAGlance, in: factIDs, what: "fact", from: "'at_a_glance'", at: model.info.atAGlancePosition)
        for reference in model.entityReferences where !entityIDs.contains(reference.id) {
            problems.error("entity '\(reference.id)' is named by id, but neither this model nor \(EntityRegister.path) defines it", at: reference.position)
        }
        for fact in model.facts {
            require(fact.entities, in: entityIDs, what: "entity", from: "fact '\(fact.id)'", at: fact.entitiesPosition ?? fact.position)
        }
        for event in model.events {
            require(event.entities, in: entityIDs, what: "entity", from: "event '\(event.id)'", at: event.entitiesPosition ?? event.position)
            require(event.facts, in: factIDs, what: "fact", from: "event '\(event.id)'", at: event.factsPosition ?? event.position)
        }
        let paragraphIDs = Set(corpus.paragraphs.map(\.id))
        let sectionIDs = Set(corpus.sectionIDs)
        for reference in model.crossReferences {
            let owner = "cross-reference '\(reference.id)'"
            switch reference.target {
            case let .section(id):
                let known = corpus.sectionIDs.joined(separator: ", ")
                if !sectionIDs.contains(id) { problems.error("\(owner) points to unknown section '\(id)'; the sections are \(known)", at: reference.targetPosition) }
            case let .paragraph(id):
                if !paragraphIDs.contains(id) { problems.error("\(owner) points to unknown paragraph '\(id)'; the essay has \(Anchor.paragraph(1).id) to \(Anchor.paragraph(corpus.paragraphs.count).id)", at: reference.targetPosition) }
            case let .fact(id):
                if !factIDs.contains(id) { problems.error("\(owner) points to unknown fact '\(id)'", at: reference.targetPosition) }
            case let .entity(id):
                if !entityIDs.contains(id) { problems.error("\(owner) points to unknown entity '\(id)'", at: reference.targetPosition) }
            }
        }
        var units: [String: (unit: String?, fact: String)] = [:]
        for fact in model.facts {
            guard let group = fact.compare else { continue }
            if let first = units[group], first.unit != fact.unit {
                problems.error("fact '\(fact.id)' is compared with '\(first.fact)' (group '\(group)') but has unit '\(fact.unit ?? "none")', not '\(first.unit ?? "none")'", at: fact.position)
            } else if units[group] == nil {
                units[group] = (fact.unit, fact.id)
            }
        }
    }

    /// Fact quotes become highlighted spans and cross-references links: two of them
    /// sharing words would have to nest or cross, which HTML cannot show.
    private func checkOverlaps(_ model: BriefingModel, factMatches: [String: QuoteCorpus.Match],
                               crossReferenceMatches: [String: QuoteCorpus.Match], problems: inout ModelProblems) {
        // Owners are named only when a quote overlaps: most models have none, and naming
        // every owner and comparing every pair would cost every build of them.
        enum Owner { case fact(Int), crossReference(Int) }
        var wrapped: [(owner: Owner, range: Range<Int>)] = []
        // Indexes into `wrapped` by paragraph, ascending, so that each quote is compared
        // only with the earlier quotes of its own paragraph, in the order it always was.
        var byParagraph: [String: [Int]] = [:]
        func add(_ owner: Owner, _ match: QuoteCorpus.Match) {
            byParagraph[match.paragraphID, default: []].append(wrapped.count)
            wrapped.append((owner, match.foldedRange))
        }
        for (index, fact) in model.facts.enumerated() { if let match = factMatches[fact.id] { add(.fact(index), match) } }
        for (index, reference) in model.crossReferences.enumerated() {
            if let match = crossReferenceMatches[reference.id] { add(.crossReference(index), match) }
        }
        func describe(_ owner: Owner) -> (name: String, position: SourcePosition) {
            switch owner {
            case let .fact(index): ("fact '\(model.facts[index].id)'", model.facts[index].quote.position)
            case let .crossReference(index):
                ("cross-reference '\(model.crossReferences[index].id)'", model.crossReferences[index].quote.position)
            }
        }
        var overlaps: [(item: Int, earlier: Int, paragraphID: String)] = []
        for (paragraphID, indexes) in byParagraph where indexes.count > 1 {
            for (position, index) in indexes.enumerated() {
                for earlier in indexes[..<position] where wrapped[earlier].range.overlaps(wrapped[index].range) {
                    overlaps.append((index, earlier, paragraphID))
                }
            }
        }
        // Reported quote by quote, each against the earlier ones, as the model lists them.
        overlaps.sort { ($0.item, $0.earlier) < ($1.item, $1.earlier) }
        for overlap in overlaps {
            let item = describe(wrapped[overlap.item].owner)
            let earlier = describe(wrapped[overlap.earlier].owner)
            problems.error("quote of \(item.name) overlaps the quote of \(earlier.name) in \(overlap.paragraphID); shorten one of them", at: item.position)
        }
    }

    /// An alias counts as mentioned only where it won over overlapping longer names, as
    /// it does when the essay is annotated. A registered entity's aliases serve every
    /// essay that names it, so only one named here by none of them is worth a word: each
    /// alias is weighed across the site by `briefing check`.
    private func checkAliases(_ model: BriefingModel, found: Set<String>, problems: inout ModelProblems) {
        for entity in model.entities where !entity.registered {
            for alias in entity.aliases where !found.contains(alias) {
                problems.warning("alias '\(alias)' of entity '\(entity.id)' is never mentioned in the essay", at: entity.position)
            }
        }
        let registeredAliases = Dictionary(model.entities.lazy.filter(\.registered).map { ($0.id, $0.aliases) },
                                           uniquingKeysWith: { first, _ in first })
        for reference in model.entityReferences {
            guard let aliases = registeredAliases[reference.id], !aliases.contains(where: found.contains) else { continue }
            problems.warning("entity '\(reference.id)' is named here, but the essay never mentions it by any of its aliases in \(EntityRegister.path)",
                             at: reference.position)
        }
    }
}

/// Diagnostics for one model file.
struct ModelProblems {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func error(_ message: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(file: file, line: position?.line ?? 1, column: position?.column ?? 1, message))
    }

    mutating func warning(_ message: String, at position: SourcePosition?) {
        diagnostics.append(Diagnostic(file: file, line: position?.line ?? 1, column: position?.column ?? 1, message, severity: .warning))
    }
}
