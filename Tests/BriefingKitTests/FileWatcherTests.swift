import Foundation
import Testing
@testable import BriefingKit

@Suite("The preview's file watcher")
struct FileWatcherTests {
    /// The first batch, or nil if none comes while the test is willing to wait.
    static func firstBatch(of changes: AsyncStream<[String]>, within seconds: Int) async -> [String]? {
        await withTaskGroup(of: [String]?.self) { group in
            group.addTask {
                var iterator = changes.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test("a seed saved by renaming a new file over it is reported without waiting out the quiet period")
    func renameEndsBatch() async throws {
        let root = try TestSupport.scratchFolder()
        let seed = root.appendingPathComponent("essay.txt")
        try Data("One\n".utf8).write(to: seed)
        let watcher = try FileWatcher(folders: [root])
        // Longer than the test waits: only a batch closed by the save itself arrives.
        watcher.quietPeriod = .seconds(600)
        defer { watcher.stop() }
        let changes = watcher.changes()
        let scratch = root.appendingPathComponent(".essay.txt.tmp")
        try Data("Two\n".utf8).write(to: scratch)
        #expect(rename(scratch.path, seed.path) == 0)
        let batch = await Self.firstBatch(of: changes, within: 60)
        #expect(batch == [seed.path])
    }

    @Test("a file created but not yet written and closed keeps the batch open; a write that closes it ends it")
    func settledEvents() {
        #expect(FileWatcher.leavesFileWhole(FileWatcher.closeWrite))
        #expect(FileWatcher.leavesFileWhole(FileWatcher.movedTo))
        #expect(!FileWatcher.leavesFileWhole(FileWatcher.create))
        #expect(!FileWatcher.leavesFileWhole(FileWatcher.movedFrom))
        #expect(!FileWatcher.leavesFileWhole(FileWatcher.delete))
        #expect(!FileWatcher.leavesFileWhole(FileWatcher.movedTo | FileWatcher.isFolder))
    }
}
