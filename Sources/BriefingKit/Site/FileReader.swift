import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How a file looked on disk when it was read: enough to tell that it has not changed
/// since, as editors save by writing a new file (new inode) or rewriting it (new time).
struct FileStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        size = Int64(status.st_size)
        modified = status.st_mtim
    }

    static func == (left: FileStamp, right: FileStamp) -> Bool {
        left.device == right.device && left.inode == right.inode && left.size == right.size
            && left.modified.tv_sec == right.modified.tv_sec && left.modified.tv_nsec == right.modified.tv_nsec
    }
}

/// Reads the source files of one build, taking unchanged ones from the previous read.
struct FileReader {
    private let previousData: [String: Data]
    private let previousText: [String: TextFile]
    private let previousStamps: [String: FileStamp]
    private(set) var stamps: [String: FileStamp] = [:]

    init(previous: SourceTree?) {
        var data: [String: Data] = [:]
        var text: [String: TextFile] = [:]
        for seed in previous?.seeds ?? [] {
            data[seed.path] = seed.data
            if let model = seed.model { text[model.path] = model }
        }
        for template in previous?.templates ?? [] { text[template.path] = template }
        for asset in previous?.assets ?? [] {
            data["\(SourceTree.templatesFolder)/\(SourceTree.assetsFolder)/\(asset.name)"] = asset.data
        }
        previousData = data
        previousText = text
        previousStamps = previous?.stamps ?? [:]
    }

    /// The file's bytes, or nil with a diagnostic.
    /// `file` is where the file is; `path`, how messages name it.
    mutating func read(_ file: String, path: String, problems: inout [Diagnostic]) -> Data? {
        let stamp = FileStamp(path: file)
        if let stamp, previousStamps[path] == stamp, let data = previousData[path] {
            stamps[path] = stamp
            return data
        }
        if Self.isDirectory(URL(fileURLWithPath: file)) {
            problems.append(Diagnostic(file: path, "is a folder, expected a file"))
            return nil
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            stamps[path] = stamp
            return data
        } catch {
            problems.append(Diagnostic(file: path, "cannot read the file: \(error.localizedDescription)"))
            return nil
        }
    }

    /// The file as text (checked UTF-8, line endings made LF), or nil with a diagnostic.
    mutating func readText(_ file: String, path: String, problems: inout [Diagnostic]) -> TextFile? {
        if let stamp = FileStamp(path: file), previousStamps[path] == stamp, let text = previousText[path] {
            stamps[path] = stamp
            return text
        }
        guard let data = read(file, path: path, problems: &problems) else { return nil }
        do {
            return TextFile(path: path, text: try SeedText.decode(data, file: path))
        } catch {
            problems.append(error)
            stamps[path] = nil
            return nil
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
