extension SiteRenderer {
    /// What the site-wide pages need from `briefing`, whose own pages are `files`.
    func digest(of briefing: AnnotatedBriefing, files: [String]) -> BriefingDigest {
        let slug = briefing.slug
        let toBriefing = "../../\(slug)/"
        var usages: [String: EntityUsage] = [:]
        var seenSentences: Set<String> = []
        for mention in briefing.mentions {
            var usage = usages[mention.entityID] ?? .empty
            usage.mentionCount += 1
            if usage.mentions.count < EntityUsage.sentenceLimit,
               seenSentences.insert("\(mention.entityID)\u{0}\(mention.paragraphID)\u{0}\(mention.sentence)").inserted {
                usage.mentions.append(MentionView(sentence: mention.sentence, url: "\(toBriefing)#\(mention.paragraphID)",
                                                  paragraph: "¶\(mention.paragraphID.dropFirst(2))"))
            }
            usages[mention.entityID] = usage
        }
        if let model = briefing.model {
            let views = ViewBuilder(toSite: "../../", toBriefing: toBriefing, briefing: briefing)
            for fact in model.model.facts where !fact.entities.isEmpty {
                let view = views.fact(fact, match: model.factMatches[fact.id])
                for id in fact.entities {
                    usages[id, default: .empty].facts.append(view)
                }
            }
            for event in model.model.events where !event.entities.isEmpty {
                let view = views.event(event, match: model.eventMatches[event.id], model: model)
                for id in event.entities {
                    usages[id, default: .empty].events.append(view)
                }
            }
        }
        return BriefingDigest(listing: listing(briefing), slug: slug, modelFile: briefing.model?.model.file,
                              entities: briefing.model?.model.entities ?? [], usages: usages,
                              companions: Self.companions(briefing.mentions), files: files, warnings: briefing.warnings)
    }

    /// The briefing's entry on the home page and wherever briefings are listed.
    func listing(_ briefing: AnnotatedBriefing) -> BriefingSummaryView {
        let metadata = briefing.essay.metadata
        return BriefingSummaryView(url: "\(briefing.slug)/", title: metadata.title, subtitle: metadata.subtitle,
                                   author: metadata.author, date: briefing.date,
                                   summary: briefing.model?.model.info.summary,
                                   readingMinutes: Self.readingMinutes(Self.wordCount(of: briefing)))
    }

    private static func companions(_ mentions: [EntityMention]) -> [String: [String: Int]] {
        var together: [String: [String: Int]] = [:]
        for mentions in Dictionary(grouping: mentions, by: \.paragraphID).values {
            let ids = Set(mentions.map(\.entityID))
            for id in ids {
                for other in ids where other != id {
                    together[id, default: [:]][other, default: 0] += 1
                }
            }
        }
        return together
    }
}
