import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The build cache on disk, `.briefing-cache/` in the source folder: `state`, what the last
/// build made (`CacheState`), and `blobs/`, the digests of briefings and the entity
/// directory, each in a file named by the hash of what it was made from. The state is
/// written last, so a build killed half-way leaves the last state and some unused blobs,
/// which the next build that writes a state removes.
final class CacheFolder: @unchecked Sendable {
    /// The folder's name, as the README and `.gitignore` files name it.
    static let name = QuoteAnchorStore.cacheFolderName

    let url: URL
    private var blobs: String { url.path + "/blobs" }
    private var statePath: String { url.path + "/state" }
    // The lock guards `madeBlobsFolder`; blobs are written on both cores.
    private let lock = NSLock()
    private var madeBlobsFolder = false

    init(source: URL) {
        url = source.standardizedFileURL.appendingPathComponent(Self.name, isDirectory: true)
    }

    /// What the last build into `output` left, or nil; and when there was a cache that
    /// cannot be used, why not, in plain words.
    func state(source: URL, output: URL) -> (state: CacheState?, notice: String?) {
        do {
            guard let contents = try CacheFile.read(statePath) else { return (nil, nil) }
            var reader = try CacheReader(contents)
            let state = try CacheState(from: &reader, expecting: .current)
            let sourcePath = source.standardizedFileURL.path
            guard state.sourceFolder == sourcePath else {
                return (nil, notice("it was made for the source folder \(state.sourceFolder), not \(sourcePath)"))
            }
            // A build into another folder starts from nothing, as it always did.
            guard state.outputFolder == output.standardizedFileURL.path else { return (nil, nil) }
            return (state, nil)
        } catch {
            return (nil, notice(error.reason))
        }
    }

    /// The line a build prints when it does not use the cache it found.
    private func notice(_ reason: String) -> String {
        "\(Self.name): not used, \(reason); building every briefing again"
    }

    func save(_ state: CacheState) throws {
        var writer = CacheWriter()
        state.write(to: &writer)
        try makeFolder(url.path)
        try CacheFile.write(writer.bytes, to: statePath)
    }

    func writeBlob(_ contents: [UInt8], key: UInt64) throws {
        if lock.withLock({ !madeBlobsFolder }) {
            try makeFolder(blobs)
            lock.withLock { madeBlobsFolder = true }
        }
        try CacheFile.write(contents, to: blobPath(key))
    }

    func readBlob(_ key: UInt64) throws(CacheDamage) -> [UInt8] {
        guard let contents = try CacheFile.read(blobPath(key)) else {
            throw CacheDamage("a file it needs, blobs/\(ContentHash.hex(key)), is missing")
        }
        return contents
    }

    /// Removes every blob but `keys`, and what killed builds left half-written.
    func removeBlobs(except keys: Set<UInt64>) {
        let wanted = Set(keys.map(ContentHash.hex))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: blobs)) ?? [] where !wanted.contains(name) {
            unlink(blobs + "/" + name)
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] where name.hasSuffix(".new") {
            unlink(url.path + "/" + name)
        }
    }

    private func blobPath(_ key: UInt64) -> String { blobs + "/" + ContentHash.hex(key) }

    private func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}
