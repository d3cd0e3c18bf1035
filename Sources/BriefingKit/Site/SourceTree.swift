import Foundation

/// The files a build reads: the seeds and the templates under one source folder.
/// Reading them is the only disk access before the writer runs.
public struct SourceTree: Sendable {
    public var root: URL
    public var seeds: [SeedFile]
    public var templates: [TextFile]
    public var assets: [BinaryFile]

    public struct SeedFile: Sendable {
        public typealias Format = EssayReader.Format
        /// As shown in messages: relative to the source folder, e.g. `seeds/essay.txt`.
        public var path: String
        public var format: Format
        public var data: Data
        /// The model beside the seed (`seeds/NAME.yml`), if there is one.
        public var model: TextFile?
    }

    public struct BinaryFile: Sendable, Equatable {
        /// Relative to the assets folder, e.g. `style.css`.
        public var name: String
        public var data: Data
    }

    static let seedsFolder = "seeds"
    static let templatesFolder = "Templates"
    static let assetsFolder = "assets"

    /// Reads everything a build needs, or fails with one diagnostic per unreadable file.
    public static func load(from root: URL) throws(BuildFailure) -> SourceTree {
        var problems: [Diagnostic] = []
        let seedsURL = root.appendingPathComponent(seedsFolder)
        let templatesURL = root.appendingPathComponent(templatesFolder)
        for (url, folder) in [(seedsURL, seedsFolder), (templatesURL, templatesFolder)] where !isDirectory(url) {
            problems.append(Diagnostic(file: folder + "/", "folder not found in \(root.path); `--source` names the folder that holds seeds/ and Templates/"))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }

        var seeds: [SeedFile] = []
        var models: [String: TextFile] = [:]
        for name in sortedEntries(of: seedsURL, problems: &problems, folder: seedsFolder) {
            let url = seedsURL.appendingPathComponent(name)
            let path = "\(seedsFolder)/\(name)"
            let ext = url.pathExtension.lowercased()
            guard ["txt", "md", "yml", "yaml"].contains(ext), !name.hasPrefix(".") else { continue }
            guard let data = readFile(url, path: path, problems: &problems) else { continue }
            switch ext {
            case "txt": seeds.append(SeedFile(path: path, format: .scrapedText, data: data))
            case "md": seeds.append(SeedFile(path: path, format: .markdown, data: data))
            default:
                do {
                    models[url.deletingPathExtension().lastPathComponent] = TextFile(path: path, text: try SeedText.decode(data, file: path))
                } catch {
                    problems.append(error)
                }
            }
        }
        for index in seeds.indices {
            let stem = URL(fileURLWithPath: seeds[index].path).deletingPathExtension().lastPathComponent
            seeds[index].model = models.removeValue(forKey: stem)
        }
        for model in models.values.sorted(by: { $0.path < $1.path }) {
            problems.append(Diagnostic(file: model.path, line: 1, column: 1, "a model without a seed: expected a seed of the same name ending in .txt or .md"))
        }
        if seeds.isEmpty, problems.isEmpty {
            problems.append(Diagnostic(file: seedsFolder + "/", "no seeds: add an essay as seeds/NAME.txt (scraped text) or seeds/NAME.md (Markdown)"))
        }

        var templates: [TextFile] = []
        var assets: [BinaryFile] = []
        for name in recursiveFiles(in: templatesURL) {
            let url = templatesURL.appendingPathComponent(name)
            let path = "\(templatesFolder)/\(name)"
            if name.hasPrefix(assetsFolder + "/") {
                if let data = readFile(url, path: path, problems: &problems) {
                    assets.append(BinaryFile(name: String(name.dropFirst(assetsFolder.count + 1)), data: data))
                }
            } else if name.hasSuffix(".mustache"), let data = readFile(url, path: path, problems: &problems) {
                do {
                    templates.append(TextFile(path: path, text: try SeedText.decode(data, file: path)))
                } catch {
                    problems.append(error)
                }
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return SourceTree(root: root, seeds: seeds, templates: templates, assets: assets)
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    private static func sortedEntries(of url: URL, problems: inout [Diagnostic], folder: String) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        } catch {
            problems.append(Diagnostic(file: folder + "/", "cannot list the folder: \(error.localizedDescription)"))
            return []
        }
    }

    /// Files under `url`, relative to it, sorted; hidden files and folders are skipped.
    private static func recursiveFiles(in url: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        let base = url.standardizedFileURL.path
        var names: [String] = []
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = file.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { continue }
            names.append(String(path.dropFirst(base.count + 1)))
        }
        return names.sorted()
    }

    private static func readFile(_ url: URL, path: String, problems: inout [Diagnostic]) -> Data? {
        if isDirectory(url) {
            problems.append(Diagnostic(file: path, "is a folder, expected a file"))
            return nil
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            problems.append(Diagnostic(file: path, "cannot read the file: \(error.localizedDescription)"))
            return nil
        }
    }
}
