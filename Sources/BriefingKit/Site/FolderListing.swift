#if canImport(Glibc)
import Glibc
#endif

/// Lists folders with the system's calls: Foundation's listing, with a `URL` and its
/// resource values per entry, was a fifth of a preview's rebuild of a thousand seeds.
enum FolderListing {
    /// The names in the folder at `path`, sorted, or the `errno` that stopped the listing.
    static func names(in path: String) -> Result<[String], FolderProblem> {
        entries(in: path).map { $0.map(\.name).sorted() }
    }

    /// The regular files under the folder at `path`, relative to it and sorted; hidden files
    /// and folders, and symbolic links, are left out, and so is a folder that cannot be read.
    static func files(under path: String) -> [String] {
        var files: [String] = []
        collect(path, prefix: "", into: &files)
        return files.sorted()
    }

    struct FolderProblem: Error {
        var code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    private struct Entry {
        var name: String
        var kind: UInt8
    }

    private static func collect(_ path: String, prefix: String, into files: inout [String]) {
        guard case let .success(entries) = entries(in: path) else { return }
        for entry in entries where !entry.name.hasPrefix(".") {
            let child = path + "/" + entry.name
            switch kind(of: entry, at: child) {
            case UInt8(DT_REG): files.append(prefix + entry.name)
            case UInt8(DT_DIR): collect(child, prefix: prefix + entry.name + "/", into: &files)
            default: continue
            }
        }
    }

    /// The entry's type; a file system that does not say has it looked up, without following
    /// a symbolic link.
    private static func kind(of entry: Entry, at path: String) -> UInt8 {
        guard entry.kind == UInt8(DT_UNKNOWN) else { return entry.kind }
        var status = stat()
        guard lstat(path, &status) == 0 else { return UInt8(DT_UNKNOWN) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return UInt8(DT_REG)
        case S_IFDIR: return UInt8(DT_DIR)
        default: return UInt8(DT_UNKNOWN)
        }
    }

    private static func entries(in path: String) -> Result<[Entry], FolderProblem> {
        guard let folder = opendir(path) else { return .failure(FolderProblem(code: errno)) }
        defer { closedir(folder) }
        var entries: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            guard !name.isEmpty, name != ".", name != ".." else { continue }
            entries.append(Entry(name: name, kind: entry.pointee.d_type))
        }
        return .success(entries)
    }
}
