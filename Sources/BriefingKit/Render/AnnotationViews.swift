/// A link to an entity page, from wherever the page stands.
struct EntityLinkView: Equatable, Sendable {
    var name: String
    var url: String
}

extension EntityLinkView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "name": name.templateValue,
            "url": url.templateValue,
        ])
    }
}

/// A fact as boxes, tables and the "at a glance" panel show it.
struct FactView: Equatable, Sendable {
    var id: String
    /// The id of the fact's box beside its paragraph.
    var boxID: String
    /// The id of the fact's row in the table of figures.
    var rowID: String
    var figure: String
    var label: String
    var when: String?
    var whenISO: String?
    var entities: [EntityLinkView]
    var hasEntities: Bool
    /// The highlighted words, linked from tables and the panel.
    var quoteURL: String
    /// The paragraph stating the fact, for the ¶ link.
    var paragraphURL: String
    var paragraphNumber: String
    var sentence: String
}

extension FactView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "id": id.templateValue,
            "boxID": boxID.templateValue,
            "rowID": rowID.templateValue,
            "figure": figure.templateValue,
            "label": label.templateValue,
            "when": when.templateValue,
            "whenISO": whenISO.templateValue,
            "entities": entities.templateValue,
            "hasEntities": hasEntities.templateValue,
            "quoteURL": quoteURL.templateValue,
            "paragraphURL": paragraphURL.templateValue,
            "paragraphNumber": paragraphNumber.templateValue,
            "sentence": sentence.templateValue,
        ])
    }
}

struct EventView: Equatable, Sendable {
    var id: String
    /// The id of the event on the timeline.
    var anchorID: String
    var when: String
    var whenISO: String
    /// False when only the year is known, which the timeline's year heading already says.
    var hasPreciseDate: Bool
    var title: String
    var quote: String
    var paragraphURL: String
    var entities: [EntityLinkView]
    var facts: [FactView]
    var hasFacts: Bool
}

extension EventView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "id": id.templateValue,
            "anchorID": anchorID.templateValue,
            "when": when.templateValue,
            "whenISO": whenISO.templateValue,
            "hasPreciseDate": hasPreciseDate.templateValue,
            "title": title.templateValue,
            "quote": quote.templateValue,
            "paragraphURL": paragraphURL.templateValue,
            "entities": entities.templateValue,
            "facts": facts.templateValue,
            "hasFacts": hasFacts.templateValue,
        ])
    }
}

struct TimelineYearView: Equatable, Sendable {
    var year: String
    var anchorID: String
    var events: [EventView]
}

extension TimelineYearView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "year": year.templateValue,
            "anchorID": anchorID.templateValue,
            "events": events.templateValue,
        ])
    }
}

struct EntityGroupView: Equatable, Sendable {
    var kind: String
    /// The group's heading id, and the link to it from the index's own list of kinds.
    var anchorID: String
    var url: String
    var heading: String
    var entities: [EntityIndexEntryView]
}

extension EntityGroupView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "kind": kind.templateValue,
            "anchorID": anchorID.templateValue,
            "url": url.templateValue,
            "heading": heading.templateValue,
            "entities": entities.templateValue,
        ])
    }
}

struct EntityIndexEntryView: Equatable, Sendable {
    var name: String
    var url: String
    var role: String?
    var mentionCount: Int
}

extension EntityIndexEntryView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "name": name.templateValue,
            "url": url.templateValue,
            "role": role.templateValue,
            "mentionCount": mentionCount.templateValue,
        ])
    }
}

struct MentionView: Equatable, Sendable {
    var sentence: String
    var url: String
    var paragraph: String
}

extension MentionView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "sentence": sentence.templateValue,
            "url": url.templateValue,
            "paragraph": paragraph.templateValue,
        ])
    }
}

struct MentionGroupView: Equatable, Sendable {
    var briefingTitle: String
    var briefingURL: String
    var mentions: [MentionView]
    /// Mentions in this briefing beyond the sentences shown, if any.
    var moreMentions: Int?
}

extension MentionGroupView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "briefingTitle": briefingTitle.templateValue,
            "briefingURL": briefingURL.templateValue,
            "mentions": mentions.templateValue,
            "moreMentions": moreMentions.templateValue,
        ])
    }
}

/// A briefing listed on an entity page by title only.
struct BriefingMentionCountView: Equatable, Sendable {
    var title: String
    var url: String
    var count: Int
}

extension BriefingMentionCountView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "title": title.templateValue,
            "url": url.templateValue,
            "count": count.templateValue,
        ])
    }
}

struct CompanionView: Equatable, Sendable {
    var name: String
    var url: String
    var count: Int
}

extension CompanionView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "name": name.templateValue,
            "url": url.templateValue,
            "count": count.templateValue,
        ])
    }
}

/// The boxes of one paragraph's facts, which hang beside it as one note.
struct FactNotesView: Equatable, Sendable {
    var facts: [FactView]
}

extension FactNotesView: TemplateValue {
    var templateValue: TemplateData {
        .fields(["facts": facts.templateValue])
    }
}
