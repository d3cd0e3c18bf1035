import Foundation

/// A source file as the cache knows it: the hash of its bytes, and how it looked on disk
/// when they were hashed, if it had settled by then (`FileStamp.isSettled`).
struct SourceIdentity: Equatable, Sendable {
    var hash: UInt64
    var stamp: FileStamp?
}

/// Reads the source files of one build, except seeds and models, which the build reads
/// one at a time as it makes their briefings (`LastBuild.contents(of:in:)`), so that a
/// thousand of them are never all in memory. A seed or model that looks on disk as it did
/// when the cache last hashed it keeps that hash, and is not read at all unless its
/// briefing is made again; the others reach the build as placeholders too, their hashes
/// unknown until read.
final class SourceScan: SourceReader, @unchecked Sendable {
    /// Seeds and models that may be left unread, with how the cache last saw them.
    private let known: [String: SourceIdentity]
    /// When a file watcher says which files changed: the others are as `known` says,
    /// without looking at them.
    private let changed: Set<String>?
    // The lock guards `identities` and `unread`; files are read on both cores at once.
    private let lock = NSLock()
    private var identities: [String: SourceIdentity] = [:]
    private var unread: Set<String> = []

    init(known: [String: SourceIdentity] = [:], unchangedUnless changed: Set<String>? = nil) {
        self.known = known
        self.changed = changed
    }

    func read(_ file: String, path: String, asText: Bool) -> SourceRead {
        guard Self.isSeedOrModel(path) else { return FileReader().read(file, path: path, asText: asText) }
        if let stamp = FileStamp(path: file), let last = known[path], last.stamp == stamp {
            return placeholder(path, last, asText: asText)
        }
        return placeholder(path, nil, asText: asText)
    }

    /// The files a watcher did not name are settled here, one after another and without
    /// the lock: after a preview's save that is all of them but one, and handing each to
    /// another core would cost more than it does.
    func read(_ requests: [SourceRequest]) -> [SourceRead] {
        guard let changed else { return readEach(requests) }
        var outcomes = requests.map { Self.empty($0.path, asText: $0.asText) }
        var unchanged: [String: SourceIdentity] = [:]
        unchanged.reserveCapacity(requests.count)
        var others: [Int] = []
        for (index, request) in requests.enumerated() {
            if Self.isSeedOrModel(request.path), !changed.contains(request.path), let last = known[request.path] {
                unchanged[request.path] = last
            } else {
                others.append(index)
            }
        }
        lock.withLock {
            if identities.isEmpty { identities = unchanged } else { identities.merge(unchanged) { _, last in last } }
            unread.formUnion(unchanged.keys)
        }
        for (index, outcome) in zip(others, readEach(others.map { requests[$0] })) {
            outcomes[index] = outcome
        }
        return outcomes
    }

    /// The register is every briefing's: read, like site.yml and the templates, by every build.
    private static func isSeedOrModel(_ path: String) -> Bool {
        path.hasPrefix(SourceTree.seedsFolder + "/") && path != EntityRegister.path
    }

    private static func empty(_ path: String, asText: Bool) -> SourceRead {
        asText ? .text(TextFile(path: path, text: "")) : .data(Data())
    }

    /// A file left unread, with its identity when the cache knows it unchanged.
    private func placeholder(_ path: String, _ identity: SourceIdentity?, asText: Bool) -> SourceRead {
        lock.withLock {
            identities[path] = identity
            unread.insert(path)
        }
        return Self.empty(path, asText: asText)
    }

    /// The seeds and models the cache knows unchanged, by their paths as messages show them.
    var files: [String: SourceIdentity] { lock.withLock { identities } }
    /// The seeds and models left unread: their contents in the sources are placeholders.
    var unreadFiles: Set<String> { lock.withLock { unread } }
}
