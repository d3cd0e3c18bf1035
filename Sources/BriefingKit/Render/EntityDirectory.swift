/// Everything the site knows about each entity, gathered from every briefing's digest:
/// the data of the entity index and the entity pages. Each entity keeps the details of
/// its newest briefings only and counts the rest, so that a site of thousands of
/// briefings needs no more memory per entity than a site of twenty.
struct EntityDirectory: Sendable {
    struct Record: Sendable {
        var entity: Entity
        /// The model file that defines it: the first by path, for stable messages.
        var definedIn: String
        var mentionCount = 0
        var briefingCount = 0
        /// The newest briefings naming or listing the entity, newest first; only the
        /// first `detailLimit` keep their usage.
        var appearances: [Appearance] = []
        /// Other entities named in the same paragraphs, and how often.
        var companions: [String: Int] = [:]
    }

    struct Appearance: Sendable {
        var listing: BriefingSummaryView
        var mentionCount: Int
        var usage: EntityUsage?
    }

    /// Briefings shown with their sentences, facts and events on an entity page.
    static let detailLimit = 10
    /// Briefings listed by title after those.
    static let listLimit = 100

    private(set) var records: [String: Record] = [:]
    /// Definitions that disagree with the one in the first model file by path.
    private var rivals: [(file: String, entity: Entity)] = []

    mutating func add(_ digest: BriefingDigest) {
        let file = digest.modelFile ?? ""
        for entity in digest.entities {
            guard var record = records[entity.id] else {
                records[entity.id] = Record(entity: entity, definedIn: file)
                continue
            }
            if !record.entity.hasSameDefinition(as: entity) {
                if file < record.definedIn {
                    rivals.append((record.definedIn, record.entity))
                    record.entity = entity
                    record.definedIn = file
                    records[entity.id] = record
                } else {
                    rivals.append((file, entity))
                }
            } else if file < record.definedIn {
                records[entity.id]?.definedIn = file
            }
        }
        for (id, usage) in digest.usages {
            records[id]?.insert(Appearance(listing: digest.listing, mentionCount: usage.mentionCount, usage: usage))
        }
        for (id, counts) in digest.companions {
            guard records[id] != nil else { continue }
            for (other, count) in counts {
                records[id]?.companions[other, default: 0] += count
            }
        }
    }

    /// One entity id defined two different ways in two model files is an error: entity
    /// pages are shared, so the models must agree.
    var problems: [Diagnostic] {
        rivals.compactMap { rival in
            guard let record = records[rival.entity.id], !record.entity.hasSameDefinition(as: rival.entity) else { return nil }
            return Diagnostic(file: rival.file, line: rival.entity.position.line, column: rival.entity.position.column,
                              "entity '\(rival.entity.id)' is defined differently in \(record.definedIn):\(record.entity.position.line); make the two definitions identical or use another id")
        }.sorted { $0.description < $1.description }
    }

    /// Entities in a stable order: by name, then id.
    var sortedRecords: [Record] {
        records.values.sorted { ($0.entity.name, $0.entity.id) < ($1.entity.name, $1.entity.id) }
    }
}

extension EntityDirectory.Record {
    /// Keeps the newest appearances in order, drops what no page will show.
    mutating func insert(_ appearance: EntityDirectory.Appearance) {
        var appearance = appearance
        mentionCount += appearance.mentionCount
        briefingCount += 1
        let limit = EntityDirectory.detailLimit + EntityDirectory.listLimit
        var low = 0, high = appearances.count
        while low < high {
            let middle = (low + high) / 2
            if BriefingDigest.isListedBefore(appearances[middle].listing, appearance.listing) { low = middle + 1 } else { high = middle }
        }
        guard low < limit else { return }
        if low >= EntityDirectory.detailLimit { appearance.usage = nil }
        appearances.insert(appearance, at: low)
        if appearances.count > limit { appearances.removeLast() }
        if appearances.count > EntityDirectory.detailLimit {
            appearances[EntityDirectory.detailLimit].usage = nil
        }
    }
}
