import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a failed file-system call means to the person who can fix it, in plain words:
/// the system's own text for `errno` says "Too many levels of symbolic links" where a
/// user needs to hear that a link goes round in a loop.
enum FileProblem {
    static func describe(_ code: Int32) -> String {
        switch code {
        case ELOOP: "is a symbolic link that leads round in a loop; point it at a real file"
        case ENOENT: "does not exist (or is a symbolic link to something that does not)"
        case EACCES, EPERM: "cannot be read or written: permission denied; check its owner and mode, and its folder's"
        case EISDIR: "is a folder, expected a file"
        case ENOTDIR: "has a part of its path that is a file, not a folder"
        case ENOSPC: "cannot be written: the disk is full"
        case EDQUOT: "cannot be written: the disk quota is used up"
        case EROFS: "cannot be written: the file system is read-only"
        case ENAMETOOLONG: "has a name too long for the file system"
        case EMFILE, ENFILE: "cannot be opened: too many files are open"
        case EIO: "cannot be read: the disk reported an input/output error"
        default: "cannot be read: \(String(cString: strerror(code)))"
        }
    }

    /// The same for an error thrown by Foundation or by a system call wrapped in
    /// `POSIXError`, whose own descriptions name an error domain and a number.
    static func describe(_ error: any Error) -> String {
        if let code = posixCode(of: error) { return describe(code) }
        return error.localizedDescription
    }

    private static func posixCode(of error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        guard error.domain == NSCocoaErrorDomain else { return nil }
        return switch CocoaError.Code(rawValue: error.code) {
        case .fileWriteOutOfSpace: ENOSPC
        case .fileWriteVolumeReadOnly: EROFS
        case .fileReadNoPermission, .fileWriteNoPermission: EACCES
        case .fileNoSuchFile, .fileReadNoSuchFile: ENOENT
        // Foundation says this when a folder is to be made where a file stands.
        case .fileWriteFileExists: ENOTDIR
        default: nil
        }
    }
}
