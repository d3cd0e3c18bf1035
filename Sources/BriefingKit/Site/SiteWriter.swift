import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into the output folder so that the folder only ever holds the old site
/// or the new one: files are written, as the build makes them, into a staging folder
/// beside the output, which `commit` swaps in whole.
public final class SiteWriter: SiteSink, @unchecked Sendable {
    public let output: URL
    private let staging: URL
    private let outputPath: String
    private let stagingPath: String
    // The lock guards the folders made so far and the counts; files are written outside it.
    private let lock = NSLock()
    private var madeFolders: Set<String> = []
    private var written = 0
    private var changed = 0

    /// Where the new site is written before the swap, and where the old one waits to be
    /// removed after it: hidden siblings of the output folder, named after it.
    static func stagingPrefix(for output: URL) -> String { ".\(output.lastPathComponent).briefing-" }

    /// Prepares the staging folder, clearing what a killed build left behind.
    public init(output: URL) throws(BuildFailure) {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw BuildFailure([Diagnostic(file: output.path, "the output path is a file, expected a folder (or nothing yet)")])
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([Diagnostic(file: parent.path, "the output's parent folder \(FileProblem.describe(error))")])
        }
        Self.removeLeftovers(in: parent, for: output)
        self.output = output
        staging = parent.appendingPathComponent("\(Self.stagingPrefix(for: output))new-\(getpid())")
        outputPath = output.path
        stagingPath = staging.path
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw Self.failure(error, at: output)
        }
    }

    /// Writes one file of the new site. A file whose bytes equal the one in the site it
    /// replaces is hard-linked from there instead: no new inode, no data written, which
    /// is most of a rebuild after a small edit.
    ///
    /// Paths are joined as strings and folders made with `mkdir`: `URL`'s path operations
    /// and `FileManager`'s folder checks, per file, were a third of the cost of writing.
    public func write(_ path: String, _ data: Data) throws(BuildFailure) {
        let target = stagingPath + "/" + path
        do {
            if let slash = path.lastIndex(of: "/") {
                let folder = String(path[..<slash])
                if lock.withLock({ !madeFolders.contains(folder) }) {
                    try Self.makeFolder(stagingPath + "/" + folder)
                    lock.withLock { _ = madeFolders.insert(folder) }
                }
            }
            let old = outputPath + "/" + path
            if Self.hasContents(data, at: old), link(old, target) == 0 {
                lock.withLock { written += 1 }
                return
            }
            try Self.writeFile(data, to: target)
            lock.withLock { written += 1; changed += 1 }
        } catch {
            throw Self.failure(error, at: output, writing: path)
        }
    }

    /// Swaps the new site in; returns how many of its files differ from the old one's.
    @discardableResult
    public func commit() throws(BuildFailure) -> (files: Int, changed: Int) {
        do {
            try swapIn()
        } catch {
            discard()
            throw Self.failure(error, at: output)
        }
        return lock.withLock { (written, changed) }
    }

    /// Removes the staging folder; the output stays as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Writes a new site into `output` through `fill` and swaps it in; on any failure the
    /// staging folder is removed and the output stays as it was.
    public static func replace<Made>(_ output: URL, by fill: (SiteWriter) throws(BuildFailure) -> Made)
        throws(BuildFailure) -> (made: Made, files: Int, changed: Int) {
        let writer = try SiteWriter(output: output)
        do {
            let made = try fill(writer)
            let counts = try writer.commit()
            return (made, counts.files, counts.changed)
        } catch {
            writer.discard()
            throw error
        }
    }

    /// What stopped the site being written, in plain words, and what the folder holds now.
    static func failure(_ error: any Error, at output: URL, writing path: String? = nil,
                        holding state: String = "the last site is left as it was") -> BuildFailure {
        let place = path.map { " (at \($0))" } ?? ""
        return BuildFailure([Diagnostic(file: output.path, "the new site \(FileProblem.describe(error))\(place); \(state)")])
    }

    /// Makes the folder at `path`, and the folders above it that are missing.
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func hasContents(_ data: Data, at path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, status.st_size == data.count else { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.readToEnd()) ?? Data() == data
    }

    /// A plain write: Foundation's `Data.write` syncs every file to disk, which makes
    /// writing a site of many small pages the slowest step of a build. The swap
    /// into place is what makes the site appear whole; durability of each file is not
    /// needed for that.
    static func writeFile(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                guard let base = buffer.baseAddress else { return }
                let result = Glibc.write(descriptor, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                written += result
            }
        }
    }

    /// Exchanges the two folders in one step where the kernel can; otherwise moves the
    /// old one aside first.
    private func swapIn() throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if FolderExchange.exchange(staging.path, output.path) {
            try fileManager.removeItem(at: staging)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent("\(Self.stagingPrefix(for: output))old-\(getpid())")
        try fileManager.moveItem(at: output, to: old)
        try fileManager.moveItem(at: staging, to: output)
        try? fileManager.removeItem(at: old)
    }

    /// A build killed half-way leaves its staging folder behind; the next build clears it.
    /// One killed between the two moves of the fallback swap left the old site aside and
    /// no output: that old site is put back first.
    private static func removeLeftovers(in parent: URL, for output: URL) {
        let prefix = stagingPrefix(for: output)
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        if !fileManager.fileExists(atPath: output.path), let old = names.sorted().first(where: { $0.hasPrefix(prefix + "old-") }) {
            try? fileManager.moveItem(at: parent.appendingPathComponent(old), to: output)
        }
        for name in names where name.hasPrefix(prefix) {
            try? fileManager.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

extension SiteWriter {
    /// Brings the site in `output` up to date in place: only files whose bytes changed
    /// are written, each by rename so that no reader ever sees half a file. For builds that
    /// keep what they made (`Incremental/`), where writing a whole new site would cost as
    /// much as the site is large. Every new file is written first, into a hidden folder
    /// beside the output, and then all are renamed into place one after the other: a build
    /// killed before that leaves the old site and a folder the next build clears, one killed
    /// during it (a few renames long) leaves some pages new and some old, each whole, until
    /// the next build. Returns how many files were written.
    public static func update(_ output: URL, with files: [(path: String, data: Data)]) throws(BuildFailure) -> Int {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        removeLeftovers(in: parent, for: output)
        let scratch = parent.appendingPathComponent("\(stagingPrefix(for: output))update-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var waiting: [(temporary: String, target: URL, path: String)] = []
        var current: String?
        do {
            for file in files {
                current = file.path
                let url = output.appendingPathComponent(file.path)
                if hasContents(file.data, at: url.path) { continue }
                if waiting.isEmpty { try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true) }
                let temporary = "\(scratch)/\(waiting.count)"
                try writeFile(file.data, to: temporary)
                waiting.append((temporary, url, file.path))
            }
            for file in waiting {
                current = file.path
                try FileManager.default.createDirectory(at: file.target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard rename(file.temporary, file.target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        } catch {
            throw failure(error, at: output, writing: current, holding: "the pages not written yet are the last build's")
        }
        return waiting.count
    }
}

extension SiteWriter {
    /// Removes files a site no longer has from `output`, and the folders that leaves empty,
    /// so that the folder holds what a whole new site would. Returns how many files went.
    public static func remove(_ paths: [String], from output: URL) -> Int {
        let base = output.standardizedFileURL.path
        var removed = 0
        var folders: Set<String> = []
        for path in paths {
            if unlink(base + "/" + path) == 0 { removed += 1 }
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Deepest first; a folder that still holds anything stays.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(base + "/" + folder)
        }
        return removed
    }
}
