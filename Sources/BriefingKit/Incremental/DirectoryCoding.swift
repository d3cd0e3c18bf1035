/// How the entity directory of the last build is kept in the build cache, so that a build
/// after a small edit patches it instead of reading every briefing's digest.
extension EntityDirectory {
    func write(to writer: inout CacheWriter) {
        writer.dictionary(records) { $1.write(to: &$0) }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(records: try reader.dictionary { reader throws(CacheDamage) in try Record(from: &reader) })
    }
}

extension EntityDirectory.Record {
    func write(to writer: inout CacheWriter) {
        entity.write(to: &writer)
        writer.string(definedIn)
        writer.int(mentionCount)
        writer.int(briefingCount)
        writer.array(detailed) { $1.write(to: &$0) }
        writer.array(listed) { $1.write(to: &$0) }
        writer.bool(isListedInOrder)
        writer.dictionary(companions) { $0.int($1) }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(entity: try Entity(from: &reader), definedIn: try reader.string(), mentionCount: try reader.int(),
                  briefingCount: try reader.int(),
                  detailed: try reader.array { reader throws(CacheDamage) in try EntityDirectory.Appearance(from: &reader) },
                  listed: try reader.array { reader throws(CacheDamage) in try EntityDirectory.Appearance(from: &reader) },
                  isListedInOrder: try reader.bool(),
                  companions: try reader.dictionary { reader throws(CacheDamage) in try reader.int() })
    }
}

extension EntityDirectory.Appearance {
    func write(to writer: inout CacheWriter) {
        listing.write(to: &writer)
        writer.int(mentionCount)
        writer.optional(usage) { $1.write(to: &$0) }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(listing: try BriefingSummaryView(from: &reader), mentionCount: try reader.int(),
                  usage: try reader.optional { reader throws(CacheDamage) in try EntityUsage(from: &reader) })
    }
}
