/// The shape of `briefing.json`: the model as written plus where each quote resolved, and
/// every sentence that names an entity. Each such sentence is written once, in the order
/// of the essay, and an entity's mentions are the numbers of their sentences in that list:
/// a sentence naming five entities is not written five times.
struct BriefingExport {
    struct Section { var id: String; var title: String?; var paragraphs: [String] }
    struct EntityItem {
        var id, name, kind: String
        var aliases: [String]
        var role, summary: String?
        /// One number per mention: where its sentence stands in `sentences`, from 0.
        var mentions: [Int]
    }
    struct Sentence { var paragraph, text: String }
    struct FactItem {
        var id, figure, label: String
        var when: String?
        var quote: String
        var entities: [String]
        var value: Double?
        var unit, compare: String?
        var paragraph, section: String?
        var anchor: String
    }
    struct EventItem {
        var id, when, title, quote: String
        var entities, facts: [String]
        var paragraph: String?
    }
    struct CrossReferenceItem { var id, quote, to: String; var paragraph: String? }

    var slug, title: String
    var subtitle, author, date, source, summary: String?
    var atAGlance: [String]
    var compareTitles: [String: String]
    var sections: [Section]
    var sentences: [Sentence]
    var entities: [EntityItem]
    var facts: [FactItem]
    var events: [EventItem]
    var crossrefs: [CrossReferenceItem]

    init(briefing: AnnotatedBriefing, model validated: ValidatedModel) {
        let model = validated.model
        let metadata = briefing.essay.metadata
        slug = briefing.slug
        title = metadata.title
        subtitle = metadata.subtitle
        author = metadata.author
        date = briefing.date
        source = model.info.source
        summary = model.info.summary
        atAGlance = model.info.atAGlance
        compareTitles = model.info.compareTitles
        sections = briefing.outline.sections.map { Section(id: $0.id, title: $0.title, paragraphs: $0.paragraphs.map(\.id)) }
        var sentences: [Sentence] = []
        // Each paragraph's sentences so far, as numbers into `sentences`. A paragraph has
        // few, and comparing a sentence with them costs less than hashing it, which
        // normalises its Unicode first.
        var numbersByParagraph: [String: [Int]] = [:]
        var mentions: [String: [Int]] = [:]
        // A sentence's mentions come one after another: the one before is compared first.
        var last: (paragraph: String, sentence: String, number: Int)?
        for mention in briefing.mentions {
            let number: Int
            if let last, last.paragraph == mention.paragraphID, last.sentence == mention.sentence {
                number = last.number
            } else {
                if let known = numbersByParagraph[mention.paragraphID]?.first(where: { sentences[$0].text == mention.sentence }) {
                    number = known
                } else {
                    sentences.append(Sentence(paragraph: mention.paragraphID, text: mention.sentence))
                    number = sentences.count - 1
                    numbersByParagraph[mention.paragraphID, default: []].append(number)
                }
                last = (mention.paragraphID, mention.sentence, number)
            }
            mentions[mention.entityID, default: []].append(number)
        }
        self.sentences = sentences
        entities = model.entities.map { entity in
            EntityItem(id: entity.id, name: entity.name, kind: entity.kind.rawValue, aliases: entity.aliases,
                       role: entity.role, summary: entity.summary, mentions: mentions[entity.id] ?? [])
        }
        facts = model.facts.map { fact in
            let match = validated.factMatches[fact.id]
            return FactItem(id: fact.id, figure: fact.figure, label: fact.label, when: fact.when?.description,
                            quote: fact.quote.text, entities: fact.entities, value: fact.value,
                            unit: fact.unit, compare: fact.compare, paragraph: match?.paragraphID, section: match?.sectionID,
                            anchor: Anchor.fact(fact.id).id)
        }
        events = model.events.map { event in
            EventItem(id: event.id, when: event.when.description, title: event.title, quote: event.quote.text,
                      entities: event.entities, facts: event.facts, paragraph: validated.eventMatches[event.id]?.paragraphID)
        }
        crossrefs = model.crossReferences.map { reference in
            CrossReferenceItem(id: reference.id, quote: reference.quote.text, to: reference.target.description,
                               paragraph: validated.crossReferenceMatches[reference.id]?.paragraphID)
        }
    }

    /// Numbers as an editor wrote them: `400000000`, not `4e+08` or `400000000.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

// Keys in UTF-8 byte order, as `JSONEncoder` sorted them.
extension BriefingExport: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("at_a_glance", atAGlance)
            json.field("author", author)
            json.field("compare_titles", compareTitles)
            json.field("crossrefs", crossrefs)
            json.field("date", date)
            json.field("entities", entities)
            json.field("events", events)
            json.field("facts", facts)
            json.field("sections", sections)
            json.field("sentences", sentences)
            json.field("slug", slug)
            json.field("source", source)
            json.field("subtitle", subtitle)
            json.field("summary", summary)
            json.field("title", title)
        }
    }
}

extension BriefingExport.Section: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("paragraphs", paragraphs)
            json.field("title", title)
        }
    }
}

extension BriefingExport.EntityItem: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("aliases", aliases)
            json.field("id", id)
            json.field("kind", kind)
            json.field("mentions", mentions)
            json.field("name", name)
            json.field("role", role)
            json.field("summary", summary)
        }
    }
}

extension BriefingExport.Sentence: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("paragraph", paragraph)
            json.field("text", text)
        }
    }
}

extension BriefingExport.FactItem: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("anchor", anchor)
            json.field("compare", compare)
            json.field("entities", entities)
            json.field("figure", figure)
            json.field("id", id)
            json.field("label", label)
            json.field("paragraph", paragraph)
            json.field("quote", quote)
            json.field("section", section)
            json.field("unit", unit)
            json.field("value", value)
            json.field("when", when)
        }
    }
}

extension BriefingExport.EventItem: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("entities", entities)
            json.field("facts", facts)
            json.field("id", id)
            json.field("paragraph", paragraph)
            json.field("quote", quote)
            json.field("title", title)
            json.field("when", when)
        }
    }
}

extension BriefingExport.CrossReferenceItem: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("paragraph", paragraph)
            json.field("quote", quote)
            json.field("to", to)
        }
    }
}
