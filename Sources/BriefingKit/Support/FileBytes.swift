import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a user's file whole, with the system's calls rather than Foundation's, whose
/// errors name a Cocoa error number instead of what is wrong with the file.
public enum FileBytes {
    /// The bytes of the file at `file`; a problem names it as `path`.
    public static func read(_ file: String, shownAs path: String) throws(Diagnostic) -> Data {
        // Non-blocking, so that a named pipe is refused rather than waited on.
        let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Diagnostic(file: path, FileProblem.describe(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Diagnostic(file: path, FileProblem.describe(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Diagnostic(file: path, FileProblem.describe(EISDIR))
        default: throw Diagnostic(file: path, "is not a regular file (a pipe, socket or device); expected a file")
        }
        var data = Data(capacity: Int(status.st_size))
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Diagnostic(file: path, FileProblem.describe(errno)) }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }
}
