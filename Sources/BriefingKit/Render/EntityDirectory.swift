/// Everything the site knows about each entity, gathered from every briefing's digest:
/// the data of the entity index and the entity pages. Each entity keeps the details of
/// its newest briefings only and counts the rest, so that a site of thousands of
/// briefings needs no more memory per entity than a site of twenty.
struct EntityDirectory: Sendable {
    struct Record: Sendable, Equatable {
        var entity: Entity
        /// The model file that defines it: the first by path, for stable messages.
        var definedIn: String
        var mentionCount = 0
        var briefingCount = 0
        /// The newest briefings naming or listing the entity, newest first, with their
        /// usage: at most `detailLimit`.
        var detailed: [Appearance] = []
        /// Older ones, without usage; once `trim`med, newest first and at most `listLimit`.
        var listed: [Appearance] = []
        /// True while `listed` is sorted, newest first.
        var isListedInOrder = true

        /// Every appearance a page shows, newest first (after `trim`).
        var appearances: [Appearance] { detailed + listed }
        /// Other entities named in the same paragraphs, and how often.
        var companions: [String: Int] = [:]
    }

    struct Appearance: Sendable, Equatable {
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

    init() {}

    /// A directory kept from a build that succeeded, so one whose definitions all agree.
    init(records: [String: Record]) {
        self.records = records
    }

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
            if let at = records.values[index].detailed.firstIndex(where: { $0.listing.url == new.listing.url }) {
                records.values[index].detailed[at].mentionCount = usage.mentionCount
                records.values[index].detailed[at].usage = usage
            } else if let at = records.values[index].listed.firstIndex(where: { $0.listing.url == new.listing.url }) {
                records.values[index].listed[at].mentionCount = usage.mentionCount
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
    /// Adds an appearance. The newest few keep their usage, in order; older ones are
    /// gathered unsorted without it and trimmed now and then, since keeping them sorted
    /// on every insert moved most of the array each time. Appearances arriving newest
    /// first are, once there are enough, only counted.
    mutating func insert(_ appearance: EntityDirectory.Appearance) {
        mentionCount += appearance.mentionCount
        briefingCount += 1
        var appearance = appearance
        if detailed.count < EntityDirectory.detailLimit || detailed.last.map({ BriefingDigest.isListedBefore(appearance.listing, $0.listing) }) == true {
            let position = detailed.firstIndex { BriefingDigest.isListedBefore(appearance.listing, $0.listing) } ?? detailed.count
            detailed.insert(appearance, at: position)
            guard detailed.count > EntityDirectory.detailLimit else { return }
            appearance = detailed.removeLast()
        }
        appearance.usage = nil
        if let last = listed.last, BriefingDigest.isListedBefore(appearance.listing, last.listing) {
            isListedInOrder = false
        } else if isListedInOrder, listed.count >= EntityDirectory.listLimit {
            return
        }
        listed.append(appearance)
        if listed.count >= 2 * EntityDirectory.listLimit { trim() }
    }

    /// Sorts the older appearances and keeps the newest `listLimit` of them.
    mutating func trim() {
        if !isListedInOrder {
            listed.sort { BriefingDigest.isListedBefore($0.listing, $1.listing) }
            isListedInOrder = true
        }
        if listed.count > EntityDirectory.listLimit { listed.removeLast(listed.count - EntityDirectory.listLimit) }
    }
}
