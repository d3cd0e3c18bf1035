import Foundation
import Testing
@testable import BriefingKit

/// The preview leaves the build cache for the next `serve` or `build`, written once the
/// rebuilds pause rather than after each, and when it stops.
@Suite("Preview's build cache")
struct PreviewCacheTests {
    static func rebuilder(_ source: URL, _ output: URL) -> SiteRebuilder {
        SiteRebuilder(source: source, output: output, options: BuildOptions(), broadcaster: nil,
                      report: { _ in }, reportError: { Issue.record("reported: \($0)") })
    }

    /// A site of three briefings, the folder a preview builds it into, and where the cache
    /// keeps its state.
    static func site() throws -> (source: URL, output: URL, state: String) {
        let source = try ManyBriefingsTests.lakesSite(count: 3)
        return (source, source.appendingPathComponent("Public"), CacheFolder(source: source).url.appendingPathComponent("state").path)
    }

    @Test("the cache is written a moment after a rebuild, not during it, and a build then reads no seed")
    func savedAfterAPause() async throws {
        let (source, output, state) = try Self.site()
        defer { try? FileManager.default.removeItem(at: source) }
        // Stamps taken right after a file changed are not trusted (FileStamp.isSettled).
        sleep(UInt32(FileStamp.settlingTime))
        let rebuilder = Self.rebuilder(source, output)
        #expect(await rebuilder.rebuild())
        #expect(!FileManager.default.fileExists(atPath: state), "written before the pause")
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: state), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(FileManager.default.fileExists(atPath: state))
        let next = try IncrementalBuild(source: source, output: output, options: BuildOptions()).build()
        #expect(next.cacheNotices.isEmpty && next.seedsRead.isEmpty && next.changed == 0, "\(next.seedsRead) \(next.cacheNotices)")
    }

    @Test("a preview that stops right after a rebuild writes the cache as it stops")
    func savedOnStop() async throws {
        let (source, output, state) = try Self.site()
        defer { try? FileManager.default.removeItem(at: source) }
        let rebuilder = Self.rebuilder(source, output)
        // The watcher's stream ends after one batch: the preview stopping.
        let (changes, continuation) = AsyncStream<[String]>.makeStream()
        continuation.yield([])
        continuation.finish()
        await rebuilder.watch(changes)
        #expect(FileManager.default.fileExists(atPath: state))
    }
}
