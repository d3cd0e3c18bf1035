import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a user's file so that it only ever holds its old bytes or its new ones: the new
/// bytes go to a temporary sibling, are flushed to disk, and the sibling is renamed over
/// (or, for a new file, linked to) the file's name. A crash at any point leaves at most a
/// stray `.NAME.briefing-*` sibling, never a half-written file.
public enum AtomicFile {
    public enum Mode: Sendable {
        /// Fails if the file exists: nothing the user wrote is ever replaced.
        case create
        /// Replaces the file's bytes, keeping its permissions.
        case replace
    }

    public static func write(_ data: Data, to url: URL, mode: Mode, shownAs file: String) throws(BuildFailure) {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).briefing-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        /// `subject` is what the problem is with when it is not the file itself.
        func fail(_ subject: String? = nil) -> BuildFailure {
            let problem = [subject, FileProblem.describe(errno)].compactMap { $0 }.joined(separator: " ")
            let outcome = mode == .create ? "nothing was written" : "the file is left as it was"
            return BuildFailure([Diagnostic(file: file, "\(problem); \(outcome)")])
        }
        var permissions: mode_t = 0o644
        var status = stat()
        if mode == .replace, stat(url.path, &status) == 0 { permissions = status.st_mode & 0o7777 }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw fail("its folder") }
        var closed = false
        defer {
            if !closed { close(descriptor) }
            unlink(temporary.path)
        }
        let wrote = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard wrote, fsync(descriptor) == 0 else { throw fail() }
        closed = true
        guard close(descriptor) == 0 else { throw fail() }
        switch mode {
        case .create:
            // link(2) fails when the name exists, so a file made meanwhile is never replaced.
            guard link(temporary.path, url.path) == 0 else {
                throw errno == EEXIST ? BuildFailure([Diagnostic(file: file, "already exists; nothing was written")]) : fail()
            }
        case .replace:
            guard rename(temporary.path, url.path) == 0 else { throw fail() }
        }
        let folderDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
