import Foundation

/// The files a build reads: `site.yml`, the seeds and the templates under one source
/// folder. Reading them is the only disk access before the writer runs.
public struct SourceTree: Sendable {
    public var root: URL
    /// From `site.yml`, or the defaults when there is none.
    public var config = SiteConfig()
    /// `site.yml` as read, when there is one: what the build cache keys pages by.
    public var siteFile: TextFile?
    public var seeds: [SeedFile]
    /// The register of entities, `seeds/entities.yml`, if the site has one.
    public var register: TextFile?
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
    /// The register's name without its extension, which no seed may take.
    static let registerStem = "entities"

    /// Reads everything a build needs, or fails with one diagnostic per unreadable file.
    public static func load(from root: URL) throws(BuildFailure) -> SourceTree {
        try load(from: root, reader: FileReader())
    }

    /// Reads the files through `reader`, which a preview gives to take unchanged files
    /// from its last read.
    static func load(from root: URL, reader: some SourceReader) throws(BuildFailure) -> SourceTree {
        var problems: [Diagnostic] = []
        let seedsURL = root.appendingPathComponent(seedsFolder)
        let templatesURL = root.appendingPathComponent(templatesFolder)
        for (url, folder) in [(seedsURL, seedsFolder), (templatesURL, templatesFolder)] where !FileReader.isDirectory(url) {
            problems.append(Diagnostic(file: folder + "/", "folder not found in \(root.path); `--source` names the folder that holds seeds/ and Templates/"))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        var config = SiteConfig()
        var siteFile: TextFile?
        let siteURL = root.appendingPathComponent(SiteConfig.fileName)
        if FileManager.default.fileExists(atPath: siteURL.path) {
            switch FileReader().read(siteURL.path, path: SiteConfig.fileName, asText: true) {
            case let .text(file):
                siteFile = file
                let (loaded, configProblems) = SiteConfigLoader().load(file)
                config = loaded
                problems += configProblems
            case let .problem(problem): problems.append(problem)
            case .data: break
            }
        }

        // Names are split by hand, on their UTF-8 bytes, not through `URL` or characters,
        // whose operations are slow enough to matter to a preview watching thousands of seeds.
        var wanted: [WantedFile] = []
        let seedsPrefix = seedsURL.path + "/"
        let pathPrefix = seedsFolder + "/"
        for name in sortedEntries(of: seedsURL, problems: &problems, folder: seedsFolder) {
            guard !name.hasPrefix("."), let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { continue }
            let ext = name[name.utf8.index(after: dot)...].lowercased()
            let stem = String(name[..<dot])
            let kind: WantedFile.Kind
            switch ext {
            case _ where name == EntityRegister.fileName: kind = .register
            case "txt": kind = .seed(.scrapedText, stem: stem)
            case "md": kind = .seed(.markdown, stem: stem)
            case "yml", "yaml": kind = .model(stem: stem)
            default: continue
            }
            if case .seed = kind, stem == Self.registerStem {
                // Its model would be the register.
                problems.append(Diagnostic(file: "\(seedsFolder)/\(name)", line: 1, column: 1,
                                           "\(seedsFolder)/\(EntityRegister.fileName) is the register of entities, so no seed may be called '\(stem)'; rename this one"))
                continue
            }
            wanted.append(WantedFile(file: seedsPrefix + name, path: pathPrefix + name, kind: kind))
        }
        for name in recursiveFiles(in: templatesURL) {
            let kind: WantedFile.Kind
            if name.hasPrefix(assetsFolder + "/") {
                kind = .asset(name: String(name.dropFirst(assetsFolder.count + 1)))
            } else if name.hasSuffix(".mustache") {
                kind = .template
            } else {
                continue
            }
            wanted.append(WantedFile(file: "\(templatesURL.path)/\(name)", path: "\(templatesFolder)/\(name)", kind: kind))
        }

        let outcomes = reader.read(wanted.map { SourceRequest(file: $0.file, path: $0.path, asText: $0.kind.isText) })

        var seeds: [SeedFile] = []
        var stems: [String] = []
        var models: [String: TextFile] = [:]
        seeds.reserveCapacity(wanted.count / 2)
        stems.reserveCapacity(wanted.count / 2)
        models.reserveCapacity(wanted.count / 2)
        var register: TextFile?
        var templates: [TextFile] = []
        var assets: [BinaryFile] = []
        // Problems with the templates come after those with the seeds, as they are read.
        var templateProblems: [Diagnostic] = []
        for (file, outcome) in zip(wanted, outcomes) {
            switch (file.kind, outcome) {
            case let (.seed, .problem(problem)), let (.model, .problem(problem)), let (.register, .problem(problem)):
                problems.append(problem)
            case let (_, .problem(problem)):
                templateProblems.append(problem)
            case let (.seed(format, stem), .data(data)):
                seeds.append(SeedFile(path: file.path, format: format, data: data))
                stems.append(stem)
            case let (.model(stem), .text(text)):
                models[stem] = text
            case let (.register, .text(text)):
                register = text
            case let (.asset(name), .data(data)):
                assets.append(BinaryFile(name: name, data: data))
            case let (.template, .text(text)):
                templates.append(text)
            default:
                break
            }
        }
        for index in seeds.indices {
            seeds[index].model = models.removeValue(forKey: stems[index])
        }
        for model in models.values.sorted(by: { $0.path < $1.path }) {
            problems.append(Diagnostic(file: model.path, line: 1, column: 1, "a model without a seed: expected a seed of the same name ending in .txt or .md"))
        }
        problems += templateProblems
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return SourceTree(root: root, config: config, siteFile: siteFile, seeds: seeds, register: register, templates: templates, assets: assets)
    }

    /// A file the build will read, and what it is for.
    private struct WantedFile: Sendable {
        enum Kind: Sendable {
            case seed(SeedFile.Format, stem: String)
            case model(stem: String)
            case register
            case template
            case asset(name: String)

            var isText: Bool {
                switch self {
                case .model, .register, .template: true
                case .seed, .asset: false
                }
            }
        }

        var file: String
        var path: String
        var kind: Kind
    }

    private static func sortedEntries(of url: URL, problems: inout [Diagnostic], folder: String) -> [String] {
        switch FolderListing.names(in: url.path) {
        case let .success(names): return names
        case let .failure(problem):
            problems.append(Diagnostic(file: folder + "/", "cannot list the folder: \(problem.description)"))
            return []
        }
    }

    /// Files under `url`, relative to it, sorted; hidden files and folders are skipped.
    private static func recursiveFiles(in url: URL) -> [String] {
        FolderListing.files(under: url.standardizedFileURL.path)
    }
}
