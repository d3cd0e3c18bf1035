import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site plan to the output folder so that the folder only ever holds the old
/// site or the new one: the new site is written beside it and swapped in whole.
public struct SiteWriter: Sendable {
    public init() {}

    /// Where the new site is written before the swap, and where the old one waits to be
    /// removed after it: hidden siblings of the output folder, named after it.
    static func stagingPrefix(for output: URL) -> String { ".\(output.lastPathComponent).briefing-" }

    /// Returns how many files differ from the site it replaced.
    @discardableResult
    public func write(_ plan: SitePlan, to output: URL) throws(BuildFailure) -> Int {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let shown = output.path
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw BuildFailure([Diagnostic(file: shown, "the output path is a file, expected a folder (or nothing yet)")])
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([Diagnostic(file: parent.path, "cannot create the output's parent folder: \(error.localizedDescription)")])
        }
        removeLeftovers(in: parent, for: output)

        let staging = parent.appendingPathComponent("\(Self.stagingPrefix(for: output))new-\(getpid())")
        do {
            let changed = try writeFiles(of: plan, into: staging, reusing: output)
            try swapIn(staging, for: output)
            return changed
        } catch {
            try? fileManager.removeItem(at: staging)
            throw BuildFailure([Diagnostic(file: shown, "cannot write the site: \(error.localizedDescription)")])
        }
    }

    /// Writes the plan into `folder`. A file whose bytes equal the one in the site it
    /// replaces is hard-linked from there instead: no new inode, no data written, which
    /// is most of a rebuild after a small edit. Returns how many files changed.
    private func writeFiles(of plan: SitePlan, into folder: URL, reusing previous: URL) throws -> Int {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        var madeFolders: Set<String> = []
        var changed = 0
        for path in plan.paths {
            guard let data = plan.files[path] else { continue }
            let url = folder.appendingPathComponent(path)
            let directory = url.deletingLastPathComponent()
            if madeFolders.insert(directory.path).inserted {
                try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            }
            let old = previous.appendingPathComponent(path).path
            if Self.hasContents(data, at: old), link(old, url.path) == 0 { continue }
            changed += 1
            try Self.writeFile(data, to: url.path)
        }
        return changed
    }

    private static func hasContents(_ data: Data, at path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.readToEnd()) == data
    }

    /// A plain write: Foundation's `Data.write` syncs every file to disk, which made
    /// writing a site of a hundred small pages the slowest step of a build. The swap
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

    /// Exchanges the two folders in one step where the kernel can (`renameat2` with
    /// `RENAME_EXCHANGE`); otherwise moves the old one aside first.
    private func swapIn(_ staging: URL, for output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if let exchange = Self.renameExchange, exchange(AT_FDCWD, staging.path, AT_FDCWD, output.path, 1 << 1) == 0 {
            try fileManager.removeItem(at: staging)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent("\(Self.stagingPrefix(for: output))old-\(getpid())")
        try fileManager.moveItem(at: output, to: old)
        try fileManager.moveItem(at: staging, to: output)
        try? fileManager.removeItem(at: old)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, looked up at run time because Swift's Glibc module only
    /// declares it under `_GNU_SOURCE`. Called with `RENAME_EXCHANGE` (1 << 1).
    private static let renameExchange: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// A build killed half-way leaves its staging folder behind; the next build clears it.
    /// One killed between the two moves of the fallback swap left the old site aside and
    /// no output: that old site is put back first.
    private func removeLeftovers(in parent: URL, for output: URL) {
        let prefix = Self.stagingPrefix(for: output)
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
    /// Brings a site written by `previous` up to `plan` in place: only files whose bytes
    /// changed are written, each by rename so that no reader sees half a file, and files
    /// the plan no longer has are removed. For the preview, which rebuilds after every
    /// save and tells the browser to reload only once this returns; `write` is the
    /// whole-site swap that builds use.
    public func update(_ output: URL, from previous: SitePlan, to plan: SitePlan) throws(BuildFailure) -> Int {
        let output = output.standardizedFileURL
        var changed = 0
        do {
            for path in plan.paths where previous.files[path] != plan.files[path] {
                guard let data = plan.files[path] else { continue }
                let url = output.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).briefing-new")
                try Self.writeFile(data, to: temporary.path)
                guard rename(temporary.path, url.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                changed += 1
            }
            for path in previous.paths where plan.files[path] == nil {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(path))
                changed += 1
            }
        } catch {
            throw BuildFailure([Diagnostic(file: output.path, "cannot update the site: \(error.localizedDescription)")])
        }
        return changed
    }
}
