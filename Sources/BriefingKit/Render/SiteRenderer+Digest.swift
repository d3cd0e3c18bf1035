extension SiteRenderer {
    /// What the site-wide pages need from `briefing`, whose own pages are `files`.
    func digest(of briefing: AnnotatedBriefing, files: [String]) -> BriefingDigest {
        let slug = briefing.slug
        let views = ViewBuilder(links: .fromEntityPages, briefing: briefing, dates: dates)
        var usages = Self.mentionUsages(briefing.mentions, in: .briefing(slug: slug), links: views.links)
        if let model = briefing.model {
            // An event shows its facts as the views made here for the entities' usages: a
            // fact's view is made once, not again for each event that cites it.
            var factViews: [String: FactView] = [:]
            for fact in model.model.facts where !fact.entities.isEmpty {
                let view = views.fact(fact, match: model.factMatches[fact.id])
                // The loader rejects a repeated id; were one to slip through, the first is kept, as `BriefingModel.fact` finds it.
                if factViews[fact.id] == nil { factViews[fact.id] = view }
                for id in fact.entities {
                    usages[id, default: .empty].facts.append(view)
                }
            }
            for event in model.model.events where !event.entities.isEmpty {
                let facts = event.facts.compactMap { id in
                    factViews[id] ?? model.model.fact(id).map { views.fact($0, match: model.factMatches[id]) }
                }
                let view = views.event(event, match: model.eventMatches[event.id], facts: facts)
                for id in event.entities {
                    usages[id, default: .empty].events.append(view)
                }
            }
            // A briefing that names an entity is one of its briefings, mentioned or not.
            for entity in model.model.entities where usages[entity.id] == nil {
                usages[entity.id] = .empty
            }
        }
        return BriefingDigest(listing: listing(briefing), slug: slug, modelFile: briefing.model?.model.file,
                              entities: briefing.model?.model.entities ?? [], usages: usages,
                              companions: Self.companions(briefing.mentions), files: files, warnings: briefing.warnings)
    }

    /// The briefing's entry on the home page and wherever briefings are listed.
    func listing(_ briefing: AnnotatedBriefing) -> BriefingSummaryView {
        let metadata = briefing.essay.metadata
        let summary = briefing.model?.model.info.summary
        return BriefingSummaryView(slug: briefing.slug, url: PageLinks(from: .home).to(.briefing(slug: briefing.slug)), title: metadata.title, subtitle: metadata.subtitle,
                                   author: metadata.author ?? config.author, date: briefing.date,
                                   dateDisplay: briefing.date.map(dates.format(iso:)), summary: summary,
                                   standfirst: summary ?? metadata.subtitle, source: briefing.model?.model.info.source,
                                   readingMinutes: Self.readingMinutes(briefing.wordCount))
    }

    /// Each entity's mentions: all counted, the first sentences kept, each sentence of a
    /// paragraph once. A sentence is checked against the few kept for its entity: they
    /// are few, and comparing costs less than hashing whole sentences into a set.
    static func mentionUsages(_ mentions: [EntityMention], in briefing: Route, links: PageLinks) -> [String: EntityUsage] {
        var tallies: [String: MentionTally] = [:]
        // Every sentence kept links to a place in the one page: its link is made once.
        let page = links.to(briefing)
        for mention in mentions {
            tallies[mention.entityID, default: MentionTally()].add(mention, onPage: page)
        }
        return tallies.mapValues(\.usage)
    }

    /// Pairs of entities named in one paragraph, and in how many paragraphs. Entities and
    /// paragraphs are numbered first, so that pairs are counted on integers, not strings.
    static func companions(_ mentions: [EntityMention]) -> CompanionCounts {
        var entityNumbers: [String: Int] = [:]
        var entityIDs: [String] = []
        var paragraphNumbers: [String: Int] = [:]
        var entitiesByParagraph: [[Int]] = []
        var lastParagraph: (id: String, number: Int)?
        for mention in mentions {
            let entity = entityNumbers[mention.entityID] ?? {
                entityIDs.append(mention.entityID)
                entityNumbers[mention.entityID] = entityIDs.count - 1
                return entityIDs.count - 1
            }()
            // A paragraph's mentions come together: look its number up once per run.
            let paragraph: Int
            if let last = lastParagraph, last.id == mention.paragraphID {
                paragraph = last.number
            } else {
                paragraph = paragraphNumbers[mention.paragraphID] ?? {
                    entitiesByParagraph.append([])
                    paragraphNumbers[mention.paragraphID] = entitiesByParagraph.count - 1
                    return entitiesByParagraph.count - 1
                }()
                lastParagraph = (mention.paragraphID, paragraph)
            }
            entitiesByParagraph[paragraph].append(entity)
        }
        return CompanionCounts(entityIDs: entityIDs, entitiesByParagraph: entitiesByParagraph)
    }
}

/// One entity's usage while its mentions are read, with the sentences kept so far.
private struct MentionTally {
    var usage = EntityUsage.empty
    var kept: [(paragraphID: String, sentence: String)] = []

    /// `page` is the link to the briefing's page.
    mutating func add(_ mention: EntityMention, onPage page: String) {
        usage.mentionCount += 1
        guard usage.mentions.count < EntityUsage.sentenceLimit,
              !kept.contains(where: { $0.paragraphID == mention.paragraphID && $0.sentence == mention.sentence }) else { return }
        kept.append((mention.paragraphID, mention.sentence))
        let number = Anchor.paragraphNumber(of: mention.paragraphID)
        usage.mentions.append(MentionView(sentence: mention.sentence, url: page + (number.map { Anchor.paragraph($0).fragment } ?? ""),
                                          paragraph: "¶" + (number.map(String.init) ?? "")))
    }
}
