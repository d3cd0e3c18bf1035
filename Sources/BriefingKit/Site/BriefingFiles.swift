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
    /// changes it.
    public static func hash(of bytes: some Sequence<UInt8>) -> String {
        let hex = String(FNV1a.hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The files of each briefing of `sources`, by slug.
    static func of(_ sources: SourceTree, seedsBySlug: [String: String]) -> [String: BriefingFiles] {
        let seeds = Dictionary(sources.seeds.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return seedsBySlug.compactMapValues { path in
            guard let seed = seeds[path] else { return nil }
            let model = seed.model?.path ?? (path as NSString).deletingPathExtension + ".yml"
            return BriefingFiles(seed: path, model: model, modelHash: seed.model.map { hash(of: $0.text.utf8) } ?? "")
        }
    }
}
