import Foundation

/// How a build gets the contents of its source files, from both cores at once. A build
/// reads every file from disk with `FileReader`; a preview's reader takes the files that
/// did not change from its last read instead.
protocol SourceReader: Sendable {
    /// The file's bytes or, `asText`, its text. `file` is where the file is; `path`, how
    /// messages name it.
    func read(_ file: String, path: String, asText: Bool) -> SourceRead
    /// Every file of `requests`, in their order: by default each read on its own, on both
    /// cores.
    func read(_ requests: [SourceRequest]) -> [SourceRead]
}

/// A file a build asks a `SourceReader` for.
struct SourceRequest: Sendable {
    /// Where the file is.
    var file: String
    /// How messages name it, relative to the source folder.
    var path: String
    var asText: Bool
}

extension SourceReader {
    func read(_ requests: [SourceRequest]) -> [SourceRead] {
        readEach(requests)
    }

    /// Reads the files one by one, on both cores: a thousand seeds and models are a
    /// hundred megabytes to read and decode.
    func readEach(_ requests: [SourceRequest]) -> [SourceRead] {
        let outcomes = ResultSlots<SourceRead>(count: requests.count)
        DispatchQueue.concurrentPerform(iterations: requests.count) { index in
            let request = requests[index]
            outcomes[index] = read(request.file, path: request.path, asText: request.asText)
        }
        return requests.indices.map { outcomes[$0] ?? .problem(Diagnostic(file: requests[$0].path, "the file was not read")) }
    }
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
