/// What the site-wide pages (home, feed, sitemap, entity pages, the site's search index)
/// need from one briefing. A build keeps digests instead of annotated essays, so that
/// thousands of briefings fit in memory; the preview compares them to re-render
/// site-wide pages only when a briefing's part in them changed.
struct BriefingDigest: Sendable, Equatable {
    /// The home page's entry, which also orders briefings, newest first.
    var listing: BriefingSummaryView
    var slug: String
    /// The model file, for messages about its entities.
    var modelFile: String?
    var entities: [Entity]
    /// How the briefing uses each entity it names or lists, by entity id.
    var usages: [String: EntityUsage]
    /// Pairs of entities named in one paragraph, and in how many paragraphs.
    var companions: CompanionCounts
    /// The briefing's own files, from the site's root.
    var files: [String]
    /// What the editor was warned of, repeated by a preview that reuses the digest.
    var warnings: [Diagnostic]

    /// Newest first; undated last; then by title and URL, so that the order never
    /// depends on the order the briefings were read in.
    static func isListedBefore(_ left: BriefingSummaryView, _ right: BriefingSummaryView) -> Bool {
        let leftDate = left.date ?? "", rightDate = right.date ?? ""
        if leftDate != rightDate { return leftDate > rightDate }
        if left.title != right.title { return left.title < right.title }
        return left.url < right.url
    }
}

/// One entity in one briefing, as its entity page shows it, with links relative to
/// `entities/ID/`.
struct EntityUsage: Sendable, Equatable {
    /// Every mention, counted; only the first sentences are kept.
    var mentionCount: Int
    var mentions: [MentionView]
    var facts: [FactView]
    var events: [EventView]

    /// Before anything is counted or kept.
    static let empty = EntityUsage(mentionCount: 0, mentions: [], facts: [], events: [])

    /// Named by the briefing's model, but neither mentioned nor part of a fact or event.
    var isEmpty: Bool { mentionCount == 0 && facts.isEmpty && events.isEmpty }

    /// Sentences kept per briefing: enough to read the entity's role in it, few enough
    /// that a page listing many briefings stays readable.
    static let sentenceLimit = 25
}

extension BriefingDigest {
    /// True when the register still defines each registered entity the briefing names as
    /// it did, and none of the entities its model defines: then the briefing's pages, made
    /// before, are what it would make now.
    func agrees(with register: EntityRegister) -> Bool {
        entities.allSatisfy { $0.registered ? register.entity($0.id) == $0 : register.entity($0.id) == nil }
    }
}
