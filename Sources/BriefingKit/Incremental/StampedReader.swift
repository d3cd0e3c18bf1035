import Foundation

/// Reads the source files of one build, taking each file that looks on disk as it did at
/// the last read (same device, inode, size and modification time) from that read: a
/// preview watching a thousand seeds reads only the one that was saved. Keeps what it
/// read, with its stamp, for the next.
final class StampedReader: SourceReader, @unchecked Sendable {
    struct File {
        var stamp: FileStamp
        var read: SourceRead
    }

    private let previous: [String: File]
    // The lock guards `current`; files are read on both cores at once.
    private let lock = NSLock()
    private var current: [String: File] = [:]

    init(previous: [String: File]) {
        self.previous = previous
    }

    func read(_ file: String, path: String, asText: Bool) -> SourceRead {
        // Stamped before reading: a file saved while it is read gets a new stamp, and is
        // read again next time.
        let stamp = FileStamp(path: file)
        if let stamp, let last = previous[path], last.stamp == stamp, last.read.isText == asText {
            lock.withLock { current[path] = last }
            return last.read
        }
        let read = FileReader().read(file, path: path, asText: asText)
        if let stamp, !read.isProblem {
            lock.withLock { current[path] = File(stamp: stamp, read: read) }
        }
        return read
    }

    /// Every file read so far, by its path as messages show it.
    var files: [String: File] { lock.withLock { current } }
}

private extension SourceRead {
    var isText: Bool {
        if case .text = self { return true }
        return false
    }

    var isProblem: Bool {
        if case .problem = self { return true }
        return false
    }
}
