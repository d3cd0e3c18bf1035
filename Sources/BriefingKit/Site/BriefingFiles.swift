import Foundation

/// The source files of one built briefing, and a fingerprint of its model as the build
/// read it: what the page editor of the preview needs to find a page's model and to tell
/// whether it changed since the page was made.
public struct BriefingFiles: Sendable, Equatable {
    /// `seeds/essay.txt`.
    public var seed: String
    /// `seeds/essay.yml`, whether or not it exists yet.
    public var model: String
    /// Of the model's bytes as the build read them; empty when there was no model.
    public var modelHash: String

    public init(seed: String, model: String, modelHash: String) {
        self.seed = seed
        self.model = model
        self.modelHash = modelHash
    }

    /// The fingerprint of a model file's bytes: a change by anyone, anywhere in the file,
    /// changes it. The build's own content hash, so that a model the build took from its
    /// cache has a fingerprint without being read.
    public static func hash(of bytes: some ContiguousBytes) -> String {
        hex(ContentHash.hash(bytes))
    }

    static func hex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The files of each briefing of `sources`, by slug; `modelHash` knows the content
    /// hash of a model file by its path, when the build knows it without the model's text.
    static func of(_ sources: SourceTree, seedsBySlug: [String: String],
                   modelHash: (String) -> UInt64? = { _ in nil }) -> [String: BriefingFiles] {
        let seeds = Dictionary(sources.seeds.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return seedsBySlug.compactMapValues { path in
            guard let seed = seeds[path] else { return nil }
            let model = seed.model?.path ?? (path as NSString).deletingPathExtension + ".yml"
            let fingerprint = seed.model.map { file in modelHash(file.path).map(hex) ?? hash(of: Data(file.text.utf8)) } ?? ""
            return BriefingFiles(seed: path, model: model, modelHash: fingerprint)
        }
    }
}
