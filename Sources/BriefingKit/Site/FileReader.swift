import Foundation

/// How a build gets the contents of its source files, from both cores at once. A build
/// reads every file from disk with `FileReader`; a preview's reader takes the files that
/// did not change from its last read instead.
protocol SourceReader: Sendable {
    /// The file's bytes or, `asText`, its text. `file` is where the file is; `path`, how
    /// messages name it.
    func read(_ file: String, path: String, asText: Bool) -> SourceRead
}

/// One source file read: its bytes or text, or what went wrong.
enum SourceRead: Sendable {
    case data(Data)
    case text(TextFile)
    case problem(Diagnostic)
}

/// Reads each source file from disk: text as checked UTF-8 with line endings made LF.
struct FileReader: SourceReader {
    func read(_ file: String, path: String, asText: Bool) -> SourceRead {
        let data: Data
        do {
            data = try FileBytes.read(file, shownAs: path)
        } catch {
            return .problem(error)
        }
        guard asText else { return .data(data) }
        do {
            return .text(TextFile(path: path, text: try SeedText.decode(data, file: path)))
        } catch {
            return .problem(error)
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
