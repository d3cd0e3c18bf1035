import Foundation

/// A source file as the cache knows it: the hash of its bytes, and how it looked on disk
/// when they were hashed, if it had settled by then (`FileStamp.isSettled`).
struct SourceIdentity: Equatable, Sendable {
    var hash: UInt64
    var stamp: FileStamp?
}

/// Reads the source files of one build and hashes each one's bytes. A seed or model that
/// looks on disk as it did when the cache last hashed it is not read at all: the build
/// takes it from the cache, and it reaches the build as an empty placeholder. So a build
/// of a thousand briefings with one changed reads one seed, not a hundred megabytes.
final class SourceScan: SourceReader, @unchecked Sendable {
    /// Seeds and models that may be left unread, with how the cache last saw them.
    private let known: [String: SourceIdentity]
    // The lock guards `identities` and `unread`; files are read on both cores at once.
    private let lock = NSLock()
    private var identities: [String: SourceIdentity] = [:]
    private var unread: Set<String> = []

    init(known: [String: SourceIdentity] = [:]) {
        self.known = known
    }

    func read(_ file: String, path: String, asText: Bool) -> SourceRead {
        // Stamped before reading: a file saved while it is read gets a new stamp, and is
        // read again next time.
        let stamp = FileStamp(path: file)
        if let stamp, let last = known[path], last.stamp == stamp {
            lock.withLock {
                identities[path] = last
                unread.insert(path)
            }
            return asText ? .text(TextFile(path: path, text: "")) : .data(Data())
        }
        let data: Data
        do {
            data = try FileBytes.read(file, shownAs: path)
        } catch {
            return .problem(error)
        }
        let identity = SourceIdentity(hash: ContentHash.hash(data), stamp: stamp.flatMap { $0.isSettled() ? $0 : nil })
        lock.withLock { identities[path] = identity }
        guard asText else { return .data(data) }
        do {
            return .text(TextFile(path: path, text: try SeedText.decode(data, file: path)))
        } catch {
            return .problem(error)
        }
    }

    /// Every file read or left unread, by its path as messages show it.
    var files: [String: SourceIdentity] { lock.withLock { identities } }
    /// The seeds and models left unread: their contents in the sources are placeholders.
    var unreadFiles: Set<String> { lock.withLock { unread } }
}
