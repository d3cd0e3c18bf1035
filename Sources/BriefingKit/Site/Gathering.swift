import Foundation

/// What the briefings of one build add up to, filled from both cores.
final class Gathering: @unchecked Sendable {
    // The lock guards everything below.
    private let lock = NSLock()
    private var done = 0
    private(set) var listings: [BriefingSummaryView] = []
    private(set) var files: [String] = []
    /// The seed each briefing was made from, by its slug.
    private(set) var seedsBySlug: [String: String] = [:]
    private var directory = EntityDirectory()
    private var warningsBySeed: [[Diagnostic]]
    private var problemsBySeed: [[Diagnostic]]
    /// Seeds by the URL their title makes: two briefings must not share one. The first
    /// seed of each apart from the rest, which there nearly never are, so that a thousand
    /// kept briefings do not make a thousand lists.
    private var slugOwners: [String: String] = [:]
    private var laterSlugOwners: [String: [String]] = [:]

    /// When the build's memory kept briefings from an earlier build, every digest is
    /// added to the directory at the end, newest first (see `BuildMemory.addsDigestsAtEnd`).
    private let addsAtEnd: Bool
    private var deferred: [BriefingDigest] = []
    private var kept: [KeptBriefing] = []

    init(count: Int, addsAtEnd: Bool) {
        warningsBySeed = Array(repeating: [], count: count)
        problemsBySeed = Array(repeating: [], count: count)
        self.addsAtEnd = addsAtEnd
        listings.reserveCapacity(count)
        seedsBySlug.reserveCapacity(count)
        slugOwners.reserveCapacity(count)
        if addsAtEnd { kept.reserveCapacity(count) }
    }

    func finishOne() -> Int { lock.withLock { done += 1; return done } }

    /// True when no other seed has made this slug yet.
    func claim(_ slug: String, by seed: String) -> Bool {
        lock.withLock { own(slug, by: seed) && !Route.reservedFolders.contains(slug) }
    }

    /// True when `seed` is the first to make `slug`. Called under the lock.
    private func own(_ slug: String, by seed: String) -> Bool {
        guard slugOwners[slug] == nil else {
            laterSlugOwners[slug, default: []].append(seed)
            return false
        }
        slugOwners[slug] = seed
        return true
    }

    /// Adds the digest of a briefing just made from `seed`.
    func add(_ digest: BriefingDigest, at index: Int, seed: String) {
        lock.withLock {
            listings.append(digest.listing)
            files += digest.files
            seedsBySlug[digest.slug] = seed
            if addsAtEnd { deferred.append(digest) } else { directory.add(digest) }
            warningsBySeed[index] = digest.warnings
        }
    }

    /// Adds a briefing kept from an earlier build, whose slug was not claimed.
    func add(_ briefing: KeptBriefing, at index: Int) {
        lock.withLock {
            _ = own(briefing.slug, by: briefing.seed)
            listings.append(briefing.listing)
            files += briefing.files
            seedsBySlug[briefing.slug] = briefing.seed
            kept.append(briefing)
            warningsBySeed[index] = briefing.warnings
        }
    }

    func fail(at index: Int, _ diagnostics: [Diagnostic]) {
        lock.withLock { problemsBySeed[index] = diagnostics }
    }

    /// Every problem, in the order of the seeds, then URLs made twice.
    var problems: [Diagnostic] {
        lock.withLock {
            var problems = Array(problemsBySeed.joined())
            // Only the slugs in question are sorted: a preview asks after every save, of
            // a thousand slugs that are nearly always fine.
            func owners(of slug: String) -> [String] {
                ([slugOwners[slug]].compactMap { $0 } + (laterSlugOwners[slug] ?? [])).sorted()
            }
            for slug in Route.reservedFolders.filter({ slugOwners[$0] != nil }).sorted() {
                for owner in owners(of: slug) {
                    problems.append(Diagnostic(file: owner, line: 1, column: 1,
                                               "the title makes the URL /\(slug)/, which the site keeps for its own pages; give the briefing another title"))
                }
            }
            for slug in laterSlugOwners.keys.filter({ !Route.reservedFolders.contains($0) }).sorted() {
                let sorted = owners(of: slug)
                for other in sorted.dropFirst() {
                    problems.append(Diagnostic(file: other, line: 1, column: 1,
                                               "the title makes the same URL /\(slug)/ as \(sorted[0]); give one of them another title"))
                }
            }
            return problems
        }
    }

    var warnings: [Diagnostic] { lock.withLock { Array(warningsBySeed.joined()) } }

    /// Every entity, with its appearances sorted and trimmed for the pages. The digests of
    /// kept briefings come from `load`, one at a time, so that they are never all in memory.
    func finishedDirectory(loading load: (KeptBriefing) throws(BuildFailure) -> BriefingDigest) throws(BuildFailure) -> EntityDirectory {
        let (start, made, kept): (EntityDirectory, [BriefingDigest], [KeptBriefing]) = lock.withLock { (directory, deferred, self.kept) }
        var finished = start
        var waiting: [Waiting] = made.map { Waiting.made($0) } + kept.map { Waiting.kept($0) }
        waiting.sort { (left: Waiting, right: Waiting) in BriefingDigest.isListedBefore(left.listing, right.listing) }
        for briefing in waiting {
            switch briefing {
            case let .made(digest): finished.add(digest)
            case let .kept(briefing): finished.add(try load(briefing))
            }
        }
        finished.finish()
        return finished
    }

    /// A briefing whose digest waits to be added to the directory.
    private enum Waiting {
        case made(BriefingDigest)
        case kept(KeptBriefing)

        var listing: BriefingSummaryView {
            switch self {
            case let .made(digest): digest.listing
            case let .kept(briefing): briefing.listing
            }
        }
    }
}
