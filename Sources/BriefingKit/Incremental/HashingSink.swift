import Foundation

/// Passes a build's files on to another sink, keeping the hash of each: what the cache
/// records of the files of a site written whole.
final class HashingSink<Inner: SiteSink>: SiteSink, @unchecked Sendable {
    private let inner: Inner
    // The lock guards `hashed`; both cores write.
    private let lock = NSLock()
    private var hashed: [String: UInt64] = [:]

    init(_ inner: Inner) { self.inner = inner }

    func write(_ path: String, _ data: Data) throws(BuildFailure) {
        let hash = ContentHash.hash(data)
        try inner.write(path, data)
        lock.withLock { hashed[path] = hash }
    }

    var hashes: [String: UInt64] { lock.withLock { hashed } }
}
