/// Everything the site knows about each entity, gathered from every briefing's digest:
/// the data of the entity index and the entity pages. Each entity keeps the details of
/// its newest briefings only and counts the rest, so that a site of thousands of
/// briefings needs no more memory per entity than a site of twenty.
struct EntityDirectory: Sendable {
    struct Record: Sendable, Equatable {
        var entity: Entity
        /// The file that defines it: the register, or a model (the first by path when
        /// several do, for stable messages).
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
    /// Every place an id is defined, for the ids defined in more than one.
    private var doubles: [String: Set<Place>] = [:]
    /// Every place an id is defined, for the ids several models define the same way, as
    /// every model of a site made before the register did: appended as found, since such a
    /// site adds one for each entity of each briefing, and sorted only for its warnings.
    private var copies: [String: [Place]] = [:]
    /// Site-wide numbers for the ids briefings name, so that companions are tallied on
    /// integers while briefings are added: each briefing adds thousands of pairs, and
    /// hashing an id string for each was most of the cost of adding it.
    private var entityNumbers: [String: Int] = [:]
    private var numberedIDs: [String] = []
    /// For each numbered entity, its companions' numbers and counts, put into `records`
    /// by `finish`.
    private var companionTallies: [[Int: Int]] = []

    /// Where a definition is written.
    struct Place: Hashable, Comparable {
        var file: String
        var line: Int
        var column: Int

        static func < (left: Place, right: Place) -> Bool {
            (left.file, left.line, left.column) < (right.file, right.line, right.column)
        }

        var description: String { "\(file):\(line):\(column)" }
    }

    init() {}

    /// A directory kept from a build that succeeded, so one whose definitions all agree.
    init(records: [String: Record]) {
        self.records = records
    }

    mutating func add(_ digest: BriefingDigest) {
        let file = digest.modelFile ?? ""
        for entity in digest.entities {
            let place = Place(file: entity.registered ? EntityRegister.path : file, line: entity.position.line, column: entity.position.column)
            guard let index = records.index(forKey: entity.id) else {
                records[entity.id] = Record(entity: entity, definedIn: place.file)
                continue
            }
            // The record's entity alone: copying the whole record would copy its appearances.
            let known = records.values[index].entity
            // Every briefing naming a registered entity shares its one definition.
            if known.registered, entity.registered { continue }
            let knownPlace = Place(file: records.values[index].definedIn, line: known.position.line, column: known.position.column)
            if !known.registered, !entity.registered, known.isDefined(like: entity) {
                // The first copy found brings the definition it copies; every later one, itself.
                if let found = copies.index(forKey: entity.id) {
                    copies.values[found].append(place)
                } else {
                    copies[entity.id] = [knownPlace, place]
                }
            } else {
                Self.insert(knownPlace, place, into: &doubles[entity.id, default: []])
            }
            if place < knownPlace {
                records.values[index].entity = entity
                records.values[index].definedIn = place.file
            }
        }
        for (id, usage) in digest.usages {
            guard let index = records.index(forKey: id) else { continue }
            records.values[index].insert(Appearance(listing: digest.listing, mentionCount: usage.mentionCount, usage: usage))
        }
        let companions = digest.companions
        var numbers: [Int] = []
        numbers.reserveCapacity(companions.ids.count)
        for id in companions.ids { numbers.append(number(of: id)) }
        for (position, id) in companions.ids.enumerated() where records.index(forKey: id) != nil {
            for companion in companions.others[position] {
                companionTallies[numbers[position]][numbers[companion.position], default: 0] += companion.count
            }
        }
    }

    private mutating func number(of id: String) -> Int {
        if let number = entityNumbers[id] { return number }
        numberedIDs.append(id)
        companionTallies.append([:])
        entityNumbers[id] = numberedIDs.count - 1
        return numberedIDs.count - 1
    }

    /// One by one: a set of the two, made to be merged, was an allocation per entity per
    /// briefing, and most models of a site made before the register repeat definitions.
    private static func insert(_ first: Place, _ second: Place, into places: inout Set<Place>) {
        places.insert(first)
        places.insert(second)
    }

    /// An entity id defined in two places is an error at each: its page is shared, so it
    /// has one definition, in the register, which each model names by id.
    var problems: [Diagnostic] {
        doubles.flatMap { id, places in
            places.sorted().map { place in
                let others = places.sorted().filter { $0 != place }
                let named = others.prefix(3).map(\.description).joined(separator: others.count > 3 ? ", " : " and ")
                    + (others.count > 3 ? " and \(others.count - 3) more" : "")
                return Diagnostic(file: place.file, line: place.line, column: place.column,
                                  "entity '\(id)' is defined here and in \(named); define it once, in \(EntityRegister.path), "
                                  + "and name it by id (- \(id)) in each model (`briefing entities --consolidate` moves identical definitions there)")
            }
        }.sorted { $0.description < $1.description }
    }

    /// An id that several models define the same way builds, so that a site made before the
    /// register keeps building, but each is told to move it there; the first few ids are
    /// named, the rest counted, so a large site's build says it in a few lines.
    var warnings: [Diagnostic] {
        let ids = copies.keys.filter { doubles[$0] == nil }.sorted()
        let named = ids.prefix(Self.copiesNamed).compactMap { id -> Diagnostic? in
            guard let places = copies[id].map({ Set($0).sorted() }), let first = places.first else { return nil }
            let others = places.dropFirst()
            let listed = others.prefix(2).map(\.description).joined(separator: " and ")
                + (others.count > 2 ? " and \(others.count - 2) more" : "")
            return Diagnostic(file: first.file, line: first.line, column: first.column,
                              "entity '\(id)' is defined the same way here and in \(listed); define it once, in \(EntityRegister.path), "
                              + "and name it by id (- \(id)) in each model: `briefing entities --consolidate` moves it there", severity: .warning)
        }
        guard ids.count > Self.copiesNamed, let first = named.first else { return named }
        return named + [Diagnostic(file: first.file, "\(ids.count - Self.copiesNamed) more entities are defined the same way in several models; "
                                   + "`briefing entities --consolidate` moves them all to \(EntityRegister.path)", severity: .warning)]
    }

    /// How many ids defined the same way in several models the build names one by one.
    static let copiesNamed = 5

    /// Puts a briefing's new digest in place of its old one, when the two list it the
    /// same way and name the same entities; returns the ids of the entities whose pages
    /// change. Nil when the change is larger: then the directory must be made again.
    mutating func replace(_ old: BriefingDigest, with new: BriefingDigest) -> Set<String>? {
        guard old.listing == new.listing, old.slug == new.slug, old.modelFile == new.modelFile, old.entities == new.entities,
              Set(old.usages.keys) == Set(new.usages.keys), old.companions.ids == new.companions.ids else { return nil }
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
        // Both list the same ids, so a position names one entity in either.
        for (position, id) in new.companions.ids.enumerated() where old.companions.others[position] != new.companions.others[position] {
            guard let index = records.index(forKey: id) else { continue }
            touched.insert(id)
            records.values[index].companions.merge(old.companions.counts(at: position)) { total, removed in total - removed }
            records.values[index].companions.merge(new.companions.counts(at: position), uniquingKeysWith: +)
            records.values[index].companions = records.values[index].companions.filter { $0.value > 0 }
        }
        return touched
    }

    /// Puts the companions tallied into the records and sorts and trims every entity's
    /// appearances; the pages read them after this.
    mutating func finish() {
        for (number, tally) in companionTallies.enumerated() where !tally.isEmpty {
            guard let index = records.index(forKey: numberedIDs[number]) else { continue }
            for (other, count) in tally {
                records.values[index].companions[numberedIDs[other], default: 0] += count
            }
        }
        companionTallies = companionTallies.map { _ in [:] }
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
    mutating func insert(_ appearance: consuming EntityDirectory.Appearance) {
        mentionCount += appearance.mentionCount
        briefingCount += 1
        // Compared in place: `last` would copy an appearance, strings and all.
        if detailed.count < EntityDirectory.detailLimit || BriefingDigest.isListedBefore(appearance.listing, detailed[detailed.count - 1].listing) {
            let position = detailed.firstIndex { BriefingDigest.isListedBefore(appearance.listing, $0.listing) } ?? detailed.count
            detailed.insert(appearance, at: position)
            guard detailed.count > EntityDirectory.detailLimit else { return }
            appearance = detailed.removeLast()
        }
        appearance.usage = nil
        if !listed.isEmpty, BriefingDigest.isListedBefore(appearance.listing, listed[listed.count - 1].listing) {
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
