/// How a briefing's digest is kept in the build cache. Each type is read back through its
/// memberwise initialiser, so that a field added to a view without a place here stops the
/// build of Briefing rather than silently dropping out of cached pages.
extension BriefingDigest {
    func write(to writer: inout CacheWriter) {
        listing.write(to: &writer)
        writer.string(slug)
        writer.optionalString(modelFile)
        writer.array(entities) { $1.write(to: &$0) }
        // A fact or event is part of the usage of every entity it names: each is written
        // once, and the usages refer to it by number.
        let shared = SharedViews(usages)
        writer.array(shared.facts) { $1.write(to: &$0) }
        writer.array(shared.events) { $1.write(to: &$0) }
        writer.dictionary(usages) { writer, usage in
            writer.int(usage.mentionCount)
            writer.array(usage.mentions) { $1.write(to: &$0) }
            // Every view of the usages is shared: -1, which no reader accepts, cannot be written.
            writer.array(usage.facts) { writer, fact in writer.int(shared.number(of: fact) ?? -1) }
            writer.array(usage.events) { writer, event in writer.int(shared.number(of: event) ?? -1) }
        }
        companions.write(to: &writer)
        writer.strings(files)
        writer.array(warnings) { $1.write(to: &$0) }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        let listing = try BriefingSummaryView(from: &reader), slug = try reader.string(), modelFile = try reader.optionalString()
        let entities = try reader.array { reader throws(CacheDamage) in try Entity(from: &reader) }
        let facts = try reader.array { reader throws(CacheDamage) in try FactView(from: &reader) }
        let events = try reader.array { reader throws(CacheDamage) in try EventView(from: &reader) }
        func shared<View>(_ views: [View], _ reader: inout CacheReader) throws(CacheDamage) -> View {
            let number = try reader.int()
            guard views.indices.contains(number) else { throw CacheDamage("it refers to a fact or event it does not hold") }
            return views[number]
        }
        let usages = try reader.dictionary { reader throws(CacheDamage) in
            EntityUsage(mentionCount: try reader.int(),
                        mentions: try reader.array { reader throws(CacheDamage) in try MentionView(from: &reader) },
                        facts: try reader.array { reader throws(CacheDamage) in try shared(facts, &reader) },
                        events: try reader.array { reader throws(CacheDamage) in try shared(events, &reader) })
        }
        self.init(listing: listing, slug: slug, modelFile: modelFile, entities: entities, usages: usages,
                  companions: try CompanionCounts(from: &reader),
                  files: try reader.strings(),
                  warnings: try reader.array { reader throws(CacheDamage) in try Diagnostic(from: &reader) })
    }
}

extension CompanionCounts {
    func write(to writer: inout CacheWriter) {
        writer.strings(ids)
        writer.array(others) { writer, others in
            writer.array(others) { writer, companion in
                writer.int(companion.position)
                writer.int(companion.count)
            }
        }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        let ids = try reader.strings()
        let others = try reader.array { reader throws(CacheDamage) in
            try reader.array { reader throws(CacheDamage) in Companion(position: try reader.int(), count: try reader.int()) }
        }
        guard let counts = CompanionCounts(ids: ids, others: others) else { throw CacheDamage("it names a companion of an entity it does not list") }
        self = counts
    }
}

extension BriefingSummaryView {
    func write(to writer: inout CacheWriter) {
        writer.string(slug)
        writer.string(url)
        writer.string(title)
        writer.optionalString(subtitle)
        writer.optionalString(author)
        writer.optionalString(date)
        writer.optionalString(dateDisplay)
        writer.optionalString(summary)
        writer.optionalString(standfirst)
        writer.optionalString(source)
        writer.int(readingMinutes)
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(slug: try reader.string(), url: try reader.string(), title: try reader.string(), subtitle: try reader.optionalString(),
                  author: try reader.optionalString(), date: try reader.optionalString(), dateDisplay: try reader.optionalString(),
                  summary: try reader.optionalString(), standfirst: try reader.optionalString(), source: try reader.optionalString(),
                  readingMinutes: try reader.int())
    }
}

extension Entity {
    func write(to writer: inout CacheWriter) {
        writer.string(id)
        writer.string(name)
        writer.string(kind.rawValue)
        writer.strings(aliases)
        writer.optionalString(role)
        writer.optionalString(summary)
        writer.bool(review)
        writer.int(position.line)
        writer.int(position.column)
        writer.bool(registered)
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        let id = try reader.string(), name = try reader.string()
        guard let kind = EntityKind(rawValue: try reader.string()) else { throw CacheDamage("it names a kind of entity Briefing does not know") }
        self.init(id: id, name: name, kind: kind, aliases: try reader.strings(), role: try reader.optionalString(),
                  summary: try reader.optionalString(), review: try reader.bool(),
                  position: SourcePosition(line: try reader.int(), column: try reader.int()), registered: try reader.bool())
    }
}

extension EntityUsage {
    func write(to writer: inout CacheWriter) {
        writer.int(mentionCount)
        writer.array(mentions) { $1.write(to: &$0) }
        writer.array(facts) { $1.write(to: &$0) }
        writer.array(events) { $1.write(to: &$0) }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(mentionCount: try reader.int(),
                  mentions: try reader.array { reader throws(CacheDamage) in try MentionView(from: &reader) },
                  facts: try reader.array { reader throws(CacheDamage) in try FactView(from: &reader) },
                  events: try reader.array { reader throws(CacheDamage) in try EventView(from: &reader) })
    }
}

extension MentionView {
    func write(to writer: inout CacheWriter) {
        writer.string(sentence)
        writer.string(url)
        writer.string(paragraph)
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(sentence: try reader.string(), url: try reader.string(), paragraph: try reader.string())
    }
}

extension EntityLinkView {
    func write(to writer: inout CacheWriter) {
        writer.string(name)
        writer.string(url)
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(name: try reader.string(), url: try reader.string())
    }
}

extension FactView {
    func write(to writer: inout CacheWriter) {
        writer.string(id)
        writer.string(boxID)
        writer.string(rowID)
        writer.string(figure)
        writer.string(label)
        writer.optionalString(when)
        writer.optionalString(whenISO)
        writer.array(entities) { $1.write(to: &$0) }
        writer.bool(hasEntities)
        writer.string(quoteURL)
        writer.string(paragraphURL)
        writer.string(paragraphNumber)
        writer.string(sentence)
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(id: try reader.string(), boxID: try reader.string(), rowID: try reader.string(), figure: try reader.string(),
                  label: try reader.string(), when: try reader.optionalString(), whenISO: try reader.optionalString(),
                  entities: try reader.array { reader throws(CacheDamage) in try EntityLinkView(from: &reader) },
                  hasEntities: try reader.bool(), quoteURL: try reader.string(), paragraphURL: try reader.string(),
                  paragraphNumber: try reader.string(), sentence: try reader.string())
    }
}

extension EventView {
    func write(to writer: inout CacheWriter) {
        writer.string(id)
        writer.string(anchorID)
        writer.string(when)
        writer.string(whenISO)
        writer.bool(hasPreciseDate)
        writer.string(title)
        writer.string(quote)
        writer.string(paragraphURL)
        writer.array(entities) { $1.write(to: &$0) }
        writer.array(facts) { $1.write(to: &$0) }
        writer.bool(hasFacts)
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(id: try reader.string(), anchorID: try reader.string(), when: try reader.string(), whenISO: try reader.string(),
                  hasPreciseDate: try reader.bool(), title: try reader.string(), quote: try reader.string(),
                  paragraphURL: try reader.string(),
                  entities: try reader.array { reader throws(CacheDamage) in try EntityLinkView(from: &reader) },
                  facts: try reader.array { reader throws(CacheDamage) in try FactView(from: &reader) },
                  hasFacts: try reader.bool())
    }
}

extension Diagnostic {
    func write(to writer: inout CacheWriter) {
        writer.string(file)
        writer.optional(line) { $0.int($1) }
        writer.optional(column) { $0.int($1) }
        writer.string(message)
        writer.string(severity.rawValue)
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        let file = try reader.string()
        let line = try reader.optional { reader throws(CacheDamage) in try reader.int() }
        let column = try reader.optional { reader throws(CacheDamage) in try reader.int() }
        let message = try reader.string()
        guard let severity = Severity(rawValue: try reader.string()) else { throw CacheDamage("it holds a message of an unknown kind") }
        self.init(file: file, line: line, column: column, message, severity: severity)
    }
}
