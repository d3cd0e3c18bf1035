import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of the build cache: a header that says what it is, how long its contents are
/// and what they hash to, then the contents. A file cut short by a killed build, damaged
/// on disk or written by another format of the cache is told apart from a good one.
///
/// Files are written to a temporary sibling and renamed into place, never flushed to
/// disk first: a crash may leave a file damaged, and the header catches that, while a
/// flush per file would slow every build for it.
enum CacheFile {
    /// Bumped whenever the layout of any file of the cache changes.
    static let format: UInt32 = 3
    private static let magic = Array("BRFCACHE".utf8)
    private static let headerSize = 8 + 4 + 8 + 8

    /// The contents of `path`, checked; nil when there is no such file.
    static func read(_ path: String) throws(CacheDamage) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try FileBytes.read(path, shownAs: path)
        } catch {
            throw CacheDamage("it cannot be read: \(error.message)")
        }
        return try unwrap([UInt8](data))
    }

    static func unwrap(_ bytes: [UInt8]) throws(CacheDamage) -> [UInt8] {
        guard magic.starts(with: bytes.prefix(magic.count)) else { throw CacheDamage("it is not a file of Briefing's cache") }
        guard bytes.count >= headerSize else { throw .truncated }
        let format = UInt32(littleEndianBytes: bytes[8..<12])
        guard format == Self.format else { throw CacheDamage("it was written by a version of Briefing with another cache format (\(format), this one reads \(Self.format))") }
        let length = UInt64(littleEndianBytes: bytes[12..<20])
        let checksum = UInt64(littleEndianBytes: bytes[20..<28])
        let available = UInt64(bytes.count - headerSize)
        guard length <= available else { throw .truncated }
        guard length == available else { throw CacheDamage("it is longer than its header says") }
        let contents = Array(bytes[headerSize...])
        guard ContentHash.hash(contents) == checksum else { throw CacheDamage("its contents do not match their checksum: it is damaged") }
        return contents
    }

    static func wrap(_ contents: [UInt8]) -> [UInt8] {
        var bytes = magic
        withUnsafeBytes(of: format.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt64(contents.count).littleEndian) { bytes += $0 }
        withUnsafeBytes(of: ContentHash.hash(contents).littleEndian) { bytes += $0 }
        return bytes + contents
    }

    /// Writes `contents` to `path` through a temporary sibling renamed into place.
    static func write(_ contents: [UInt8], to path: String) throws {
        let temporary = "\(path).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).new"
        let bytes = wrap(contents)
        do {
            try SiteWriter.writeFile(Data(bytes), to: temporary)
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

private extension UInt32 {
    init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        self = bytes.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}

private extension UInt64 {
    init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        self = bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }
}
