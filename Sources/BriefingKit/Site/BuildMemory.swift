/// What a build may take from the builds before it. `SiteBuilder` runs one pipeline for
/// every build and asks these questions on the way: a build that keeps nothing
/// (`OneShotMemory`) answers so that everything is made, and `Incremental/` answers from
/// what the last build left.
protocol BuildMemory: Sendable {
    /// The templates parsed from `files`.
    func templates(_ files: [TextFile]) throws(BuildFailure) -> TemplateSet
    /// The model in `file`, loaded and checked on its own.
    func model(in file: TextFile) -> (BriefingModel, [Diagnostic])
    /// The digest of a briefing made from this seed and model before, if one is kept: its
    /// files are then as they were, and it is not made again.
    func digest(for seed: SourceTree.SeedFile) -> BriefingDigest?
    /// Keeps the digest of a briefing just made.
    func remember(_ digest: BriefingDigest, for seed: SourceTree.SeedFile)
    /// Forgets a briefing that failed, so that the next build makes it again.
    func forget(_ seed: SourceTree.SeedFile)
    /// True when every digest of the build is kept anyway: the build then adds them to the
    /// entity directory at the end, newest first, an order in which the directory counts
    /// most appearances instead of sorting them. Otherwise it adds each as it comes and
    /// keeps none.
    var keepsDigests: Bool { get }
    /// Brings the site-wide pages of the last build up to date with the briefings just
    /// made, writing into `sink` only the pages that change; returns the paths of all of
    /// them. Nil when they must be made again.
    func patchSiteWide(with renderer: SiteRenderer, into sink: some SiteSink) throws(BuildFailure) -> [String]?
    /// Keeps what the site-wide pages just written were made from.
    func rememberSiteWide(paths: [String], directory: EntityDirectory)
}
