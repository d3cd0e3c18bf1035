import Foundation

/// What a build may take from the builds before it. `SiteBuilder` runs one pipeline for
/// every build and asks these questions on the way: a build that keeps nothing
/// (`OneShotMemory`) answers so that everything is made, and `Incremental/` answers from
/// what the last build left.
protocol BuildMemory: Sendable {
    /// The templates parsed from `files`.
    func templates(_ files: [TextFile]) throws(BuildFailure) -> TemplateSet
    /// The register of entities of `sources`, loaded and checked.
    func register(of sources: SourceTree) throws(BuildFailure) -> EntityRegister
    /// The model in `file`, loaded and checked on its own.
    func model(in file: TextFile) -> (BriefingModel, [Diagnostic])
    /// A briefing made from this seed and model before, whose files are still in place: it
    /// is not made again.
    func kept(_ seed: SourceTree.SeedFile) -> KeptBriefing?
    /// The seed with its bytes and its model's text, which the sources may hold only as
    /// placeholders, read from the source folder `root`.
    func contents(of seed: SourceTree.SeedFile, in root: URL) throws(BuildFailure) -> SourceTree.SeedFile
    /// Keeps the digest of a briefing just made.
    func remember(_ digest: BriefingDigest, for seed: SourceTree.SeedFile)
    /// Forgets a briefing that failed, so that the next build makes it again.
    func forget(_ seed: SourceTree.SeedFile)
    /// True when the build adds every digest to the entity directory at the end, newest
    /// first, an order in which the directory counts most appearances instead of sorting
    /// them: a memory that kept briefings hands their digests over only then
    /// (`digest(of:)`). Otherwise the build adds each digest as it comes and keeps none.
    var addsDigestsAtEnd: Bool { get }
    /// The digest of a kept briefing, for making the entity directory again.
    func digest(of kept: KeptBriefing) throws(BuildFailure) -> BriefingDigest
    /// Brings the site-wide pages of the last build up to date with the briefings just
    /// made, writing into `sink` only the pages that change; returns the paths of all of
    /// them. Nil when they must be made again.
    func patchSiteWide(with renderer: SiteRenderer, into sink: some SiteSink) throws(BuildFailure) -> [String]?
    /// Keeps what the site-wide pages just written were made from.
    func rememberSiteWide(paths: [String], directory: EntityDirectory)
}

extension BuildMemory {
    func register(of sources: SourceTree) throws(BuildFailure) -> EntityRegister { try sources.entityRegister() }
}

/// What the site-wide pages of a build need from a briefing it did not make again: how
/// it is listed, where its files are, and what its editor was warned of.
struct KeptBriefing: Sendable, Equatable {
    var listing: BriefingSummaryView
    var slug: String
    /// The briefing's own files, from the site's root.
    var files: [String]
    var warnings: [Diagnostic]
    /// The seed it was made from, as messages show it.
    var seed = ""
}

extension KeptBriefing {
    init(_ digest: BriefingDigest, seed: String) {
        self.init(listing: digest.listing, slug: digest.slug, files: digest.files, warnings: digest.warnings, seed: seed)
    }
}
