import Foundation

/// Reads the source files of one build, taking unchanged ones from the previous read.
/// It keeps no state of its own, so that files can be read on both cores at once.
struct FileReader: Sendable {
    private let previousData: [String: Data]
    private let previousText: [String: TextFile]
    private let previousStamps: [String: FileStamp]

    init(previous: SourceTree?) {
        var data: [String: Data] = [:]
        var text: [String: TextFile] = [:]
        for seed in previous?.seeds ?? [] {
            data[seed.path] = seed.data
            if let model = seed.model { text[model.path] = model }
        }
        if let register = previous?.register { text[register.path] = register }
        for template in previous?.templates ?? [] { text[template.path] = template }
        for asset in previous?.assets ?? [] {
            data["\(SourceTree.templatesFolder)/\(SourceTree.assetsFolder)/\(asset.name)"] = asset.data
        }
        previousData = data
        previousText = text
        previousStamps = previous?.stamps ?? [:]
    }

    /// One file read: its bytes or text and how it looked on disk, or what went wrong.
    enum Outcome: Sendable {
        case data(Data, FileStamp?)
        case text(TextFile, FileStamp?)
        case problem(Diagnostic)
    }

    /// The file's bytes. `file` is where the file is; `path`, how messages name it.
    func read(_ file: String, path: String) -> Outcome {
        let stamp = FileStamp(path: file)
        if let stamp, previousStamps[path] == stamp, let data = previousData[path] {
            return .data(data, stamp)
        }
        return readFresh(file, path: path, stamp: stamp)
    }

    /// Reads what the previous read did not have; `stamp` is how the file looked just before.
    private func readFresh(_ file: String, path: String, stamp: FileStamp?) -> Outcome {
        do {
            return .data(try FileBytes.read(file, shownAs: path), stamp)
        } catch {
            return .problem(error)
        }
    }

    /// The file as text: checked UTF-8, line endings made LF.
    func readText(_ file: String, path: String) -> Outcome {
        let stamp = FileStamp(path: file)
        if let stamp, previousStamps[path] == stamp, let text = previousText[path] {
            return .text(text, stamp)
        }
        switch readFresh(file, path: path, stamp: stamp) {
        case let .data(data, stamp):
            do {
                return .text(TextFile(path: path, text: try SeedText.decode(data, file: path)), stamp)
            } catch {
                return .problem(error)
            }
        case let outcome: return outcome
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
