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
    /// Seeds by the URL their title makes: two briefings must not share one.
    private var slugOwners: [String: [String]] = [:]

    /// When the build's memory keeps every digest anyway, they are added to the directory
    /// at the end, newest first (see `BuildMemory.keepsDigests`).
    private let addsAtEnd: Bool
    private var deferred: [BriefingDigest] = []

    init(count: Int, addsAtEnd: Bool) {
        warningsBySeed = Array(repeating: [], count: count)
        problemsBySeed = Array(repeating: [], count: count)
        self.addsAtEnd = addsAtEnd
    }

    func finishOne() -> Int { lock.withLock { done += 1; return done } }

    /// True when no other seed has made this slug yet.
    func claim(_ slug: String, by seed: String) -> Bool {
        lock.withLock {
            slugOwners[slug, default: []].append(seed)
            return slugOwners[slug]?.count == 1 && !Route.reservedFolders.contains(slug)
        }
    }

    /// Adds a briefing's digest; `reused` when it was kept from an earlier build, so that
    /// its slug was not claimed.
    func add(_ digest: BriefingDigest, at index: Int, seed: String, reused: Bool) {
        lock.withLock {
            if reused { slugOwners[digest.slug, default: []].append(seed) }
            listings.append(digest.listing)
            files += digest.files
            seedsBySlug[digest.slug] = seed
            if addsAtEnd { deferred.append(digest) } else { directory.add(digest) }
            warningsBySeed[index] = digest.warnings
        }
    }

    func fail(at index: Int, _ diagnostics: [Diagnostic]) {
        lock.withLock { problemsBySeed[index] = diagnostics }
    }

    /// Every problem, in the order of the seeds, then URLs made twice.
    var problems: [Diagnostic] {
        lock.withLock {
            var problems = Array(problemsBySeed.joined())
            for (slug, owners) in slugOwners.sorted(by: { $0.key < $1.key }) where Route.reservedFolders.contains(slug) {
                for owner in owners.sorted() {
                    problems.append(Diagnostic(file: owner, line: 1, column: 1,
                                               "the title makes the URL /\(slug)/, which the site keeps for its own pages; give the briefing another title"))
                }
            }
            for (slug, owners) in slugOwners.sorted(by: { $0.key < $1.key }) where owners.count > 1 && !Route.reservedFolders.contains(slug) {
                let sorted = owners.sorted()
                for other in sorted.dropFirst() {
                    problems.append(Diagnostic(file: other, line: 1, column: 1,
                                               "the title makes the same URL /\(slug)/ as \(sorted[0]); give one of them another title"))
                }
            }
            return problems
        }
    }

    var warnings: [Diagnostic] { lock.withLock { Array(warningsBySeed.joined()) } }

    /// Every entity, with its appearances sorted and trimmed for the pages.
    var finishedDirectory: EntityDirectory {
        var (finished, waiting) = lock.withLock { (directory, deferred) }
        waiting.sort { BriefingDigest.isListedBefore($0.listing, $1.listing) }
        for digest in waiting { finished.add(digest) }
        finished.finish()
        return finished
    }
}
