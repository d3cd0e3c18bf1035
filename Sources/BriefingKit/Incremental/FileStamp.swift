#if canImport(Glibc)
import Glibc
#endif

/// How a file looked on disk when it was read: enough to tell that it has not changed
/// since, as editors save by writing a new file (new inode) or rewriting it (new times).
/// The change time counts too: no program can set it back, so a file rewritten in place
/// with its modification time restored still looks changed.
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Instant
    var changed: Instant

    struct Instant: Equatable, Sendable {
        var seconds: Int64
        var nanoseconds: Int64

        init(seconds: Int64, nanoseconds: Int64) {
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }

        init(_ time: timespec) {
            seconds = Int64(time.tv_sec)
            nanoseconds = Int64(time.tv_nsec)
        }
    }

    init(device: UInt64, inode: UInt64, size: Int64, modified: Instant, changed: Instant) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = Instant(status.st_mtim)
        changed = Instant(status.st_ctim)
    }

    /// How long after a change a stamp can be trusted to tell the next change apart. The
    /// kernel stamps files from a clock that ticks every few milliseconds, so a file written
    /// again within the same tick, at the same size, would look unchanged; a stamp taken
    /// that close to the file's last change is not kept (as git treats its "racy" entries).
    static let settlingTime: Int64 = 2

    /// True when the file last changed long enough before `now` for the stamp to be kept.
    func isSettled(at now: Instant = .now) -> Bool {
        let latest = max(modified.seconds, changed.seconds)
        return now.seconds - latest >= Self.settlingTime
    }
}

extension FileStamp.Instant {
    /// The wall-clock time, as the kernel stamps files with.
    static var now: Self {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Self(time)
    }
}
