import Foundation

/// The files a build reads: the seeds and the templates under one source folder.
/// Reading them is the only disk access before the writer runs.
public struct SourceTree: Sendable {
    public var root: URL
    public var seeds: [SeedFile]
    public var templates: [TextFile]
    public var assets: [BinaryFile]
    /// What each file read looked like on disk, by its path as shown in messages.
    var stamps: [String: FileStamp] = [:]

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
    /// A file that looks on disk as it did when `previous` was read (same inode, size and
    /// modification time) is taken from `previous`: a preview watching a thousand seeds
    /// reads only the one that was saved.
    public static func load(from root: URL, reusing previous: SourceTree? = nil) throws(BuildFailure) -> SourceTree {
        var reader = FileReader(previous: previous)
        var problems: [Diagnostic] = []
        let seedsURL = root.appendingPathComponent(seedsFolder)
        let templatesURL = root.appendingPathComponent(templatesFolder)
        for (url, folder) in [(seedsURL, seedsFolder), (templatesURL, templatesFolder)] where !FileReader.isDirectory(url) {
            problems.append(Diagnostic(file: folder + "/", "folder not found in \(root.path); `--source` names the folder that holds seeds/ and Templates/"))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }

        var seeds: [SeedFile] = []
        var models: [String: TextFile] = [:]
        // Names are split by hand, not through `URL`: with thousands of seeds, `URL`'s
        // path operations were a third of a preview's rebuild.
        let seedsPath = seedsURL.path
        var stems: [String] = []
        for name in sortedEntries(of: seedsURL, problems: &problems, folder: seedsFolder) {
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { continue }
            let ext = name[name.index(after: dot)...].lowercased()
            guard ["txt", "md", "yml", "yaml"].contains(ext) else { continue }
            let file = "\(seedsPath)/\(name)"
            let path = "\(seedsFolder)/\(name)"
            switch ext {
            case "txt", "md":
                guard let data = reader.read(file, path: path, problems: &problems) else { continue }
                seeds.append(SeedFile(path: path, format: ext == "txt" ? .scrapedText : .markdown, data: data))
                stems.append(String(name[..<dot]))
            default:
                if let text = reader.readText(file, path: path, problems: &problems) {
                    models[String(name[..<dot])] = text
                }
            }
        }
        for index in seeds.indices {
            seeds[index].model = models.removeValue(forKey: stems[index])
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
            let file = "\(templatesURL.path)/\(name)"
            let path = "\(templatesFolder)/\(name)"
            if name.hasPrefix(assetsFolder + "/") {
                if let data = reader.read(file, path: path, problems: &problems) {
                    assets.append(BinaryFile(name: String(name.dropFirst(assetsFolder.count + 1)), data: data))
                }
            } else if name.hasSuffix(".mustache"), let text = reader.readText(file, path: path, problems: &problems) {
                templates.append(text)
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return SourceTree(root: root, seeds: seeds, templates: templates, assets: assets, stamps: reader.stamps)
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
}
