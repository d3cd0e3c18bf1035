/// The memory of a build that keeps nothing for the next one: every template is parsed,
/// every briefing made and every site-wide page rendered. Models with the same text are
/// loaded once, as a series sharing one cast of entities often has.
struct OneShotMemory: BuildMemory {
    private let shelf = ModelShelf()

    func templates(_ files: [TextFile]) throws(BuildFailure) -> TemplateSet { try TemplateSet(files: files) }
    func model(in file: TextFile) -> (BriefingModel, [Diagnostic]) { shelf.load(file) }
    func kept(_ seed: SourceTree.SeedFile) -> KeptBriefing? { nil }
    func remember(_ digest: BriefingDigest, for seed: SourceTree.SeedFile) {}
    func forget(_ seed: SourceTree.SeedFile) {}
    var addsDigestsAtEnd: Bool { false }
    func digest(of kept: KeptBriefing) throws(BuildFailure) -> BriefingDigest {
        throw BuildFailure([Diagnostic(file: kept.seed, "a build that keeps nothing has no briefing to take from the last one")])
    }
    func patchSiteWide(with renderer: SiteRenderer, into sink: some SiteSink) throws(BuildFailure) -> [String]? { nil }
    func rememberSiteWide(paths: [String], directory: EntityDirectory) {}
}
