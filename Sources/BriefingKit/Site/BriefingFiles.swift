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
    /// Of the register's bytes as the build read them; empty when the site had none.
    public var registerHash: String

    public init(seed: String, model: String, modelHash: String, registerHash: String = "") {
        self.seed = seed
        self.model = model
        self.modelHash = modelHash
        self.registerHash = registerHash
    }

    /// The fingerprint of a model file's bytes: a change by anyone, anywhere in the file,
    /// changes it. The build's own content hash, so that a model the build took from its
    /// cache has a fingerprint without being read.
    public static func hash(of bytes: some ContiguousBytes) -> String {
        hex(ContentHash.hash(bytes))
    }

    /// The fingerprint of a file's text as read, or "" for a file that is not there.
    static func hash(ofText text: String?) -> String {
        text.map { hex(TextBytes.hash($0)) } ?? ""
    }

    static func hex(_ hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

}

/// The source files of every briefing of one build, by slug, each worked out when asked:
/// the preview asks for one page's at a time, and only when the page editor opens it, while
/// it builds again after every save.
public struct BuiltBriefings: Sendable {
    private let seeds: [SourceTree.SeedFile]
    private let seedsBySlug: [String: String]
    private let sources: [String: SourceIdentity]
    private let register: TextFile?

    public static let none = BuiltBriefings(seeds: [], seedsBySlug: [:], sources: [:], register: nil)

    /// The briefings made from `seeds`, their seeds by slug; `sources`, the source files
    /// the build knows the content hashes of, which it may not have read; the register as
    /// the build read it.
    init(seeds: [SourceTree.SeedFile], seedsBySlug: [String: String], sources: [String: SourceIdentity], register: TextFile?) {
        self.seeds = seeds
        self.seedsBySlug = seedsBySlug
        self.sources = sources
        self.register = register
    }

    public subscript(slug: String) -> BriefingFiles? {
        guard let path = seedsBySlug[slug], let seed = seeds.first(where: { $0.path == path }) else { return nil }
        let model = seed.model?.path ?? (path as NSString).deletingPathExtension + ".yml"
        let fingerprint = seed.model.map { file in sources[file.path].map { BriefingFiles.hex($0.hash) } ?? BriefingFiles.hash(ofText: file.text) } ?? ""
        return BriefingFiles(seed: path, model: model, modelHash: fingerprint, registerHash: BriefingFiles.hash(ofText: register?.text))
    }
}
