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
        /// The newest briefings naming or listing the entity; once `trimmed`, newest
        /// first, and only the first `detailLimit` keep their usage.
        var appearances: [Appearance] = []
        /// True while `appearances` is sorted, newest first.
        var isInOrder = true
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
            guard let index = records.index(forKey: entity.id) else {
                records[entity.id] = Record(entity: entity, definedIn: file)
                continue
            }
            let knownFile = records.values[index].definedIn
            if !records.values[index].entity.hasSameDefinition(as: entity) {
                if file < knownFile {
                    rivals.append((knownFile, records.values[index].entity))
                    records.values[index].entity = entity
                    records.values[index].definedIn = file
                } else {
                    rivals.append((file, entity))
                }
            } else if file < knownFile {
                records.values[index].definedIn = file
            }
        }
        for (id, usage) in digest.usages {
            guard let index = records.index(forKey: id) else { continue }
            records.values[index].insert(Appearance(listing: digest.listing, mentionCount: usage.mentionCount, usage: usage))
        }
        for (id, counts) in digest.companions {
            guard let index = records.index(forKey: id) else { continue }
            records.values[index].companions.merge(counts, uniquingKeysWith: +)
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

    /// Puts a briefing's new digest in place of its old one, when the two list it the
    /// same way and name the same entities; returns the ids of the entities whose pages
    /// change. Nil when the change is larger: then the directory must be made again.
    mutating func replace(_ old: BriefingDigest, with new: BriefingDigest) -> Set<String>? {
        guard old.listing == new.listing, old.slug == new.slug, old.modelFile == new.modelFile, old.entities == new.entities,
              Set(old.usages.keys) == Set(new.usages.keys), Set(old.companions.keys) == Set(new.companions.keys) else { return nil }
        var touched: Set<String> = []
        for (id, usage) in new.usages where old.usages[id] != usage {
            guard let index = records.index(forKey: id), let previous = old.usages[id] else { continue }
            touched.insert(id)
            records.values[index].mentionCount += usage.mentionCount - previous.mentionCount
            if let at = records.values[index].appearances.firstIndex(where: { $0.listing.url == new.listing.url }) {
                records.values[index].appearances[at].mentionCount = usage.mentionCount
                if at < Self.detailLimit { records.values[index].appearances[at].usage = usage }
            }
        }
        for (id, counts) in new.companions where old.companions[id] != counts {
            guard let index = records.index(forKey: id) else { continue }
            touched.insert(id)
            records.values[index].companions.merge(old.companions[id] ?? [:]) { total, removed in total - removed }
            records.values[index].companions.merge(counts, uniquingKeysWith: +)
            records.values[index].companions = records.values[index].companions.filter { $0.value > 0 }
        }
        return touched
    }

    /// Sorts and trims every entity's appearances; the pages read them after this.
    mutating func finish() {
        for id in records.keys { records[id]?.trim() }
    }

    /// Entities in a stable order: by name, then id.
    var sortedRecords: [Record] {
        records.values.sorted { ($0.entity.name, $0.entity.id) < ($1.entity.name, $1.entity.id) }
    }
}

extension EntityDirectory.Record {
    /// Adds an appearance. Appearances arriving newest first are kept in order and, once
    /// there are enough, only counted; others are gathered unsorted and trimmed now and
    /// then, since keeping them sorted on every insert moved most of the array each time.
    mutating func insert(_ appearance: EntityDirectory.Appearance) {
        mentionCount += appearance.mentionCount
        briefingCount += 1
        let limit = EntityDirectory.detailLimit + EntityDirectory.listLimit
        if let last = appearances.last, BriefingDigest.isListedBefore(appearance.listing, last.listing) {
            isInOrder = false
        } else if isInOrder, appearances.count >= limit {
            return
        }
        var appearance = appearance
        if isInOrder, appearances.count >= EntityDirectory.detailLimit { appearance.usage = nil }
        appearances.append(appearance)
        if appearances.count >= 2 * limit { trim() }
    }

    /// Keeps the newest appearances, newest first, and drops what no page will show.
    mutating func trim() {
        if !isInOrder {
            appearances.sort { BriefingDigest.isListedBefore($0.listing, $1.listing) }
            isInOrder = true
        }
        let limit = EntityDirectory.detailLimit + EntityDirectory.listLimit
        if appearances.count > limit { appearances.removeLast(appearances.count - limit) }
        for index in appearances.indices.dropFirst(EntityDirectory.detailLimit) where appearances[index].usage != nil {
            appearances[index].usage = nil
        }
    }
}
