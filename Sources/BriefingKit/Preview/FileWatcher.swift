import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders, and every folder created inside them, with inotify, and reports
/// bursts of changes as one batch of paths.
///
/// Editors save by writing a temporary file and renaming it over the original, so a save
/// arrives as CREATE, CLOSE_WRITE and MOVED_TO events in a few milliseconds: all are
/// changes, and a short quiet period closes the batch. A batch whose last event left a
/// file whole (written and closed, or renamed into place) is closed sooner: that is how
/// a save ends, and a preview's reader waits for nothing else.
public final class FileWatcher: @unchecked Sendable {
    // Mutable state is touched only by the reading thread after `init`, except `stopped`,
    // which the lock guards.
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    /// Folders watched for a few files only, by watch: the names that count there.
    private var singleFiles: [Int32: Set<String>] = [:]
    private let lock = NSLock()
    private var stopped = false

    static let closeWrite: UInt32 = 0x0000_0008
    static let movedFrom: UInt32 = 0x0000_0040
    static let movedTo: UInt32 = 0x0000_0080
    static let create: UInt32 = 0x0000_0100
    static let delete: UInt32 = 0x0000_0200
    static let deleteSelf: UInt32 = 0x0000_0400
    static let moveSelf: UInt32 = 0x0000_0800
    static let overflow: UInt32 = 0x0000_4000
    static let isFolder: UInt32 = 0x4000_0000
    /// What a batch holds when the kernel dropped events: any file may have changed.
    public static let overflowed = "(many files)"
    static let watched = closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf

    /// How long the folders must stay quiet before a batch is reported. An editor's save
    /// arrives within a millisecond or two; this only has to outlast that.
    public var quietPeriod: Duration = .milliseconds(10)
    /// How long they must stay quiet when the last event left a file whole. What one save
    /// does after that comes at once (vim removes its backup, some editors set the file's
    /// mode), and a later event is only another batch, built as it comes. Two milliseconds
    /// of a preview's edit-to-page time of about forty, where the quiet period was ten.
    public var settledPeriod: Duration = .milliseconds(2)

    /// Watches `roots` and everything in them, and each of `files`. A file is watched
    /// through its folder, not by itself: an editor that saves by renaming a new file
    /// over it would leave a watch on the file itself watching the old one.
    public init(folders roots: [URL], files: [URL] = []) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for root in roots { addRecursively(root.path) }
        for file in files {
            let folder = file.deletingLastPathComponent().path
            let wd = inotify_add_watch(descriptor, folder, Self.watched)
            // A folder watched whole already reports the file.
            guard wd >= 0, folders[wd] == nil || singleFiles[wd] != nil else { continue }
            folders[wd] = folder
            singleFiles[wd, default: []].insert(file.lastPathComponent)
        }
    }

    deinit { close(descriptor) }

    /// Batches of changed paths, until `stop()`.
    public func changes() -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                while !isStopped {
                    let batch = nextBatch()
                    if !batch.isEmpty { continuation.yield(batch) }
                }
                continuation.finish()
            }
            thread.name = "briefing-watch"
            thread.start()
            continuation.onTermination = { [weak self] _ in self?.stop() }
        }
    }

    public func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func addRecursively(_ path: String) {
        let wd = inotify_add_watch(descriptor, path, Self.watched)
        guard wd >= 0 else { return }
        folders[wd] = path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names.sorted() {
            let child = path + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: child)) == nil {
                addRecursively(child)
            }
        }
    }

    /// Waits up to a fifth of a second for events, then keeps reading until the folders
    /// have been quiet for `quietPeriod`.
    private func nextBatch() -> [String] {
        var changed: [String] = []
        guard waitForEvents(milliseconds: 200) else { return changed }
        let quiet = Self.milliseconds(quietPeriod), settled = Self.milliseconds(min(settledPeriod, quietPeriod))
        var isSettled = false
        repeat {
            let events = readEvents()
            changed += events.paths
            isSettled = events.leftWhole ?? isSettled
        } while !isStopped && waitForEvents(milliseconds: isSettled ? settled : quiet)
        var seen: Set<String> = []
        return changed.filter { seen.insert($0).inserted }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let total = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(1, total))
    }

    private func waitForEvents(milliseconds: Int32) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, milliseconds) > 0
    }

    /// The paths the waiting events name; and whether the last of them that counts left a
    /// file whole, nil when none counts.
    private func readEvents() -> (paths: [String], leftWhole: Bool?) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return ([], nil) }
        var paths: [String] = []
        var leftWhole: Bool?
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += headerSize + length
            if mask & Self.overflow != 0 {
                paths.append(Self.overflowed)
                leftWhole = false
                continue
            }
            guard let folder = folders[wd] else { continue }
            if let names = singleFiles[wd] {
                if names.contains(name) {
                    paths.append(folder + "/" + name)
                    leftWhole = Self.leavesFileWhole(mask)
                }
                continue
            }
            let path = name.isEmpty ? folder : folder + "/" + name
            if mask & Self.isFolder != 0, mask & (Self.create | Self.movedTo) != 0 {
                addRecursively(path)
            }
            if Self.isEditorScratch(name) { continue }
            paths.append(path)
            leftWhole = Self.leavesFileWhole(mask)
        }
        return (paths, leftWhole)
    }

    /// A file written and closed, or renamed into place: the end of a save.
    static func leavesFileWhole(_ mask: UInt32) -> Bool {
        mask & Self.isFolder == 0 && mask & (closeWrite | movedTo) != 0
    }

    /// Swap files, backups and the files vim writes to test a folder are not content.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }
}
