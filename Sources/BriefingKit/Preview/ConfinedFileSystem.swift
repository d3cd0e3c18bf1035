import Foundation
import Hummingbird

/// Hummingbird's local file system, limited to what really lies inside the site folder:
/// a symbolic link that points outside it is treated as missing.
struct ConfinedFileSystem: FileProvider {
    typealias FileAttributes = LocalFileSystem.FileAttributes
    typealias FileIdentifier = LocalFileSystem.FileIdentifier

    private let base: LocalFileSystem
    private let root: String

    init(root: URL) {
        self.root = root.resolvingSymlinksInPath().standardizedFileURL.path
        base = LocalFileSystem(rootFolder: root.path, threadPool: .singleton, logger: PreviewLog.logger)
    }

    func getFileIdentifier(_ path: String) -> FileIdentifier? {
        guard let id = base.getFileIdentifier(path), let resolved = realpath(id, nil) else { return nil }
        defer { free(resolved) }
        let real = String(cString: resolved)
        return real == root || real.hasPrefix(root + "/") ? id : nil
    }

    func getAttributes(id: FileIdentifier) async throws -> FileAttributes? {
        try await base.getAttributes(id: id)
    }

    /// A page is read whole here rather than streamed from the thread pool: the preview
    /// collects every page anyway to add its reload script, and a buffer made on this
    /// task needs no hand-over between threads.
    func loadFile(id: FileIdentifier, context: some RequestContext) async throws -> ResponseBody {
        if id.hasSuffix(".html") {
            return ResponseBody(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: id))))
        }
        return try await base.loadFile(id: id, context: context)
    }

    func loadFile(id: FileIdentifier, range: ClosedRange<Int>, context: some RequestContext) async throws -> ResponseBody {
        try await base.loadFile(id: id, range: range, context: context)
    }
}
