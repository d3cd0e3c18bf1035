import Foundation
@testable import BriefingKit

/// Paths and helpers shared by the tests: the package's own seed and templates, and
/// scratch folders that are removed afterwards.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let seedName = "000_5c98944540f2f0af"
    static var seedURL: URL { packageRoot.appendingPathComponent("seeds/\(seedName).txt") }
    static var templatesURL: URL { packageRoot.appendingPathComponent("Templates") }

    static func fixture(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw TestFailure("fixture \(name) is missing")
        }
        return url
    }

    static func seedText() throws -> String {
        try SeedText.decode(Data(contentsOf: seedURL), file: "seeds/\(seedName).txt")
    }

    static func seedEssay() throws -> Essay {
        try ScrapedEssayReader(file: "seeds/\(seedName).txt").read(seedText())
    }

    /// A new empty folder under the system's temporary folder.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A source folder holding copies of the repository's templates and the given seeds.
    static func sourceFolder(seeds: [String: Data], includeSeedModel: Bool = false) throws -> URL {
        let root = try scratchFolder()
        let seedsFolder = root.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seedsFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: templatesURL, to: root.appendingPathComponent("Templates"))
        for (name, data) in seeds {
            try data.write(to: seedsFolder.appendingPathComponent(name))
        }
        return root
    }

    /// The lakes model with its entities moved into a register of their own: the
    /// register's text, and the model naming them by id.
    static func lakesWithRegister() throws -> (register: String, model: String) {
        let model = try String(contentsOf: fixture("lakes/lakes.yml"), encoding: .utf8)
        guard let start = model.range(of: "entities:\n"), let end = model.range(of: "facts:\n") else {
            throw TestFailure("the lakes model has no entities before its facts")
        }
        return ("entities:\n" + model[start.upperBound..<end.lowerBound],
                model.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "entities: [lake-vir, ostrava, lake-mala]\n"))
    }

    /// The repository's register of entities, which the seed's model names by id.
    static func seedRegister() throws -> Data {
        try Data(contentsOf: packageRoot.appendingPathComponent("seeds/entities.yml"))
    }

    /// The register and the model files under `root`'s `seeds/`, resolved: what a build
    /// validates for the model of `seed`.
    static func resolvedModel(at root: URL, seed: String) throws -> (BriefingModel, [Diagnostic]) {
        let modelFile = String(seed.dropLast(seed.hasSuffix(".md") ? 2 : 3)) + "yml"
        let text = try String(contentsOf: root.appendingPathComponent(modelFile), encoding: .utf8)
        let registerURL = root.appendingPathComponent(EntityRegister.path)
        var register = EntityRegister()
        if FileManager.default.fileExists(atPath: registerURL.path) {
            let (loaded, problems) = EntityRegisterLoader().load(TextFile(path: EntityRegister.path, text: try String(contentsOf: registerURL, encoding: .utf8)))
            guard problems.isEmpty else { throw BuildFailure(problems) }
            register = loaded
        }
        return register.resolve(loaded: ModelLoader().load(TextFile(path: modelFile, text: text)))
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The built `briefing` executable beside the test bundle.
    static var briefingExecutable: URL {
        get throws {
            var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("briefing")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
            let fallback = packageRoot.appendingPathComponent(".build/debug/briefing")
            guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
                throw TestFailure("the briefing executable was not built; run `swift build` first")
            }
            return fallback
        }
    }

    struct RunResult {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> RunResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus,
                         standardOutput: String(decoding: outputData, as: UTF8.self),
                         standardError: String(decoding: errorData, as: UTF8.self))
    }

    static func runBriefing(_ arguments: [String], in directory: URL? = nil) throws -> RunResult {
        try run(briefingExecutable, arguments, in: directory)
    }
}

extension Collection<String> {
    /// The paths with fingerprinted asset names put back to their source names
    /// (`assets/style.3f2a1c09d4.css` → `assets/style.css`), for comparing lists of pages.
    var withoutFingerprints: [String] {
        map { $0.replacingOccurrences(of: #"\.[0-9a-f]{10}\.(css|js)$"#, with: ".$1", options: .regularExpression) }.sorted()
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The text a reader sees in an HTML fragment: tags dropped, entities decoded.
enum HTMLTextExtractor {
    static func text(of html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The inner HTML of each `<p id="p-N">`, in order, without its ¶ permalink.
    static func bodyParagraphs(in html: String) -> [(id: String, html: String)] {
        html.matches(of: /<p id="(p-\d+)">(.*?)<\/p>/.dotMatchesNewlines()).map { match in
            let inner = String(match.output.2).replacingOccurrences(of: " <a class=\"pilcrow\"[^>]*>¶</a>$", with: "", options: .regularExpression)
            return (String(match.output.1), inner)
        }
    }
}
