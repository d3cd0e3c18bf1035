import Foundation

/// The whole pipeline from a source folder to the files of a site. Briefings are read,
/// annotated and rendered on both cores, each written out as soon as it is done and kept
/// only as a small digest; the site-wide pages are made from the digests at the end. So
/// memory grows with what the site-wide pages show, not with the size of the site.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// What the builds before this one left, for a build that keeps it (`Incremental/`);
    /// nil for one that keeps nothing.
    var memory: (any BuildMemory)?
    /// Called after each briefing with how many are done and how many there are.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Whether each briefing annotated without a problem leaves where its quotes resolved
    /// in the source folder's cache (`QuoteAnchorStore`), and a broken quote is re-anchored
    /// with what the last such build left. Off, the source folder is only read.
    public var remembersAnchors = false

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
    }

    init(options: BuildOptions, memory: any BuildMemory) {
        self.options = options
        self.memory = memory
    }

    /// Reads the sources under `source` and plans the site in memory.
    public func plan(source: URL) throws(BuildFailure) -> SitePlan {
        try plan(for: SourceTree.load(from: source))
    }

    public func plan(for sources: SourceTree) throws(BuildFailure) -> SitePlan {
        try plan(for: sources, keeping: nil)
    }

    /// The plan of the site and every briefing as annotated on the way, in the order of
    /// the seeds: what `check` reports on, from one pass. Unlike a build, it holds every
    /// annotated briefing at once.
    public func planAndBriefings(for sources: SourceTree) throws(BuildFailure) -> (plan: SitePlan, briefings: [AnnotatedBriefing]) {
        let annotated = ResultSlots<AnnotatedBriefing>(count: sources.seeds.count)
        let plan = try plan(for: sources, keeping: annotated)
        return (plan, annotated.values)
    }

    private func plan(for sources: SourceTree, keeping annotated: ResultSlots<AnnotatedBriefing>?) throws(BuildFailure) -> SitePlan {
        let collector = SitePlanCollector()
        let report = try build(sources, into: collector, keeping: annotated)
        var plan = collector.collected
        plan.warnings = report.warnings
        return plan
    }

    /// What a build made.
    public struct Report: Sendable {
        /// Every file of the site, sorted, including those of briefings a preview did
        /// not render again because they did not change.
        public var paths: [String]
        /// Problems worth telling the editor that did not stop the build.
        public var warnings: [Diagnostic]
        /// The seed of each briefing (`seeds/essay.txt`), by its slug.
        public var seedsBySlug: [String: String] = [:]
    }

    /// Builds the site of `sources` into `sink`. Nothing is committed here: on a thrown
    /// failure the caller discards what the sink got.
    public func build(_ sources: SourceTree, into sink: some SiteSink) throws(BuildFailure) -> Report {
        try build(sources, into: sink, keeping: nil)
    }

    /// `annotated`, when given, gets every briefing this build annotates.
    private func build(_ sources: SourceTree, into sink: some SiteSink,
                       keeping annotated: ResultSlots<AnnotatedBriefing>?) throws(BuildFailure) -> Report {
        let memory = memory ?? OneShotMemory()
        let templates = try memory.templates(sources.templates)
        let register = try memory.register(of: sources)
        let assets = AssetManifest(sources.assets)
        let baseURL = options.baseURL(for: sources.config)
        let renderer = SiteRenderer(templates: templates, assetNames: assets.names, baseURL: baseURL, config: sources.config)
        let output = BuildOutput(sink: sink)

        let anchors = remembersAnchors ? QuoteAnchorStore(source: sources.root) : nil
        let gathered = try gather(sources.seeds, from: sources.root, memory: memory, register: register, renderer: renderer,
                                  output: output, anchors: anchors, keeping: annotated)
        if let siteWide = try memory.patchSiteWide(with: renderer, into: sink) {
            return Report(paths: (gathered.files + siteWide).sorted(), warnings: gathered.warnings, seedsBySlug: gathered.seedsBySlug)
        }
        let listings = gathered.listings.sorted(by: BriefingDigest.isListedBefore)
        let directory = try gathered.finishedDirectory(loading: memory.digest(of:))
        guard directory.problems.isEmpty else { throw BuildFailure(directory.problems) }
        let reserved = directory.sortedRecords.filter { Route.reservedEntityIDs.contains($0.entity.id) }.map { record in
            Diagnostic(file: record.definedIn, line: record.entity.position.line, column: record.entity.position.column,
                       "the entity id '\(record.entity.id)' makes the URL /\(Route.entity(id: record.entity.id).address), where the entity index keeps its later pages; give the entity another id")
        }
        guard reserved.isEmpty else { throw BuildFailure(reserved) }

        let sitePages: [SitePage] = [.home, .notFound] + (directory.records.isEmpty ? [] : [.entityIndex])
            + directory.sortedRecords.map(SitePage.entity)
        let failures = ResultSlots<[Diagnostic]>(count: sitePages.count)
        DispatchQueue.concurrentPerform(iterations: sitePages.count) { index in
            do throws(BuildFailure) {
                let pages: [RenderedPage] = switch sitePages[index] {
                case .home: try renderer.homePages(listings)
                case .notFound: [try renderer.notFoundPage()]
                case .entityIndex: try renderer.entityIndexPages(directory)
                case let .entity(record): [try renderer.entityPage(record, directory: directory)]
                }
                for page in pages {
                    try output.write(page.path, Data(page.html.utf8))
                }
            } catch {
                failures[index] = error.diagnostics
            }
        }
        // Every page a broken template renders reports the same problem: once is enough.
        var seen: Set<Diagnostic> = []
        let problems = failures.values.joined().filter { seen.insert($0).inserted }
        guard problems.isEmpty else { throw BuildFailure(problems) }

        for asset in assets.files {
            try output.write(asset.path, asset.data)
        }
        try output.write(Route.siteSearchIndex.file, SearchIndex(listings: listings, directory: directory).json())
        let pages = gathered.files + output.paths
        for file in try Syndication(baseURL: baseURL, site: sources.config, briefings: listings, pages: pages).files(templates: templates) {
            try output.write(file.path, file.data)
        }
        memory.rememberSiteWide(paths: output.paths, directory: directory)
        return Report(paths: (gathered.files + output.paths).sorted(), warnings: gathered.warnings + directory.warnings,
                      seedsBySlug: gathered.seedsBySlug)
    }

    /// Reads, annotates and renders every briefing on both cores, and gathers their
    /// digests; reports the problems of every briefing, not only the first one's.
    private func gather(_ seeds: [SourceTree.SeedFile], from root: URL, memory: any BuildMemory, register: EntityRegister,
                        renderer: SiteRenderer, output: BuildOutput, anchors: QuoteAnchorStore?,
                        keeping annotated: ResultSlots<AnnotatedBriefing>?) throws(BuildFailure) -> Gathering {
        let gathering = Gathering(count: seeds.count, addsAtEnd: memory.addsDigestsAtEnd)
        let progress = progress
        // Briefings kept from the last build first, a look-up each; then the others on both
        // cores. One alone, as after a preview's save, is made on this thread: inside
        // concurrentPerform, renderPages' own concurrentPerform would render its files one
        // after another, and a preview waits for all of them.
        var toMake: [Int] = []
        for (index, seed) in seeds.enumerated() {
            if let kept = memory.kept(seed) {
                gathering.add(kept, at: index)
                progress?(gathering.finishOne(), seeds.count)
            } else {
                toMake.append(index)
            }
        }
        let make: @Sendable (Int) -> Void = { index in
            let seed = seeds[index]
            defer { progress?(gathering.finishOne(), seeds.count) }
            do throws(BuildFailure) {
                // Read only now, one briefing at a time; a seed saved again with the same
                // bytes is kept after all.
                let seed = try memory.contents(of: seed, in: root)
                if let kept = memory.kept(seed) {
                    gathering.add(kept, at: index)
                    return
                }
                let essay = try EssayReader.read(seed.data, file: seed.path, format: seed.format)
                guard gathering.claim(essay.slug, by: seed.path) else { return }
                let loaded = seed.model.map { register.resolve(loaded: memory.model(in: $0)) }
                // The memory is read before the briefing is annotated, so that it is written
                // again only when it changed; it is decoded only for a quote not found.
                let remembered = loaded == nil ? nil : anchors?.bytes(for: seed.path)
                let advisor = QuoteReanchor(rememberedBy: { remembered.map { QuoteAnchorStore.anchors(in: $0, seed: seed.path) } ?? [] })
                let briefing = try Annotator(advisor: advisor).annotate(essay, model: loaded?.0, modelDiagnostics: loaded?.1 ?? [])
                if loaded != nil { anchors?.remember(briefing.quoteAnchors, for: seed.path, previous: remembered) }
                annotated?[index] = briefing
                let digest = try Self.renderPages(of: briefing, renderer: renderer, output: output)
                memory.remember(digest, for: seed)
                gathering.add(digest, at: index, seed: seed.path)
            } catch {
                memory.forget(seed)
                gathering.fail(at: index, error.diagnostics)
            }
        }
        if toMake.count == 1 {
            make(toMake[0])
        } else {
            let indices = toMake
            DispatchQueue.concurrentPerform(iterations: indices.count) { make(indices[$0]) }
        }
        let problems = gathering.problems
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return gathering
    }

    /// Writes the files of one briefing; returns its digest. The files and the digest are
    /// made side by side: a preview rebuilding one briefing has both cores for it, and
    /// waits for the longest of them, the page, not for the digest after it. The digest
    /// needs only the files' paths, put in at the end.
    private static func renderPages(of briefing: AnnotatedBriefing, renderer: SiteRenderer, output: BuildOutput) throws(BuildFailure) -> BriefingDigest {
        let parts = BriefingPart.allCases
        let results = ResultSlots<Result<[PlannedFile], BuildFailure>>(count: parts.count)
        let digests = ResultSlots<BriefingDigest>(count: 1)
        DispatchQueue.concurrentPerform(iterations: parts.count + 1) { index in
            guard index < parts.count else {
                digests[0] = renderer.digest(of: briefing, files: [])
                return
            }
            results[index] = Result { () throws(BuildFailure) in
                switch parts[index] {
                case .page: try [renderer.briefingPage(briefing)].files
                case .facts: try [renderer.factsPage(briefing)].compactMap { $0 }.files
                case .timeline: try [renderer.timelinePage(briefing)].compactMap { $0 }.files
                case .exports: try DataExports.files(for: briefing)
                }
            }
        }
        var paths: [String] = []
        for result in results.values {
            for file in try result.get() {
                try output.sink.write(file.path, file.data)
                paths.append(file.path)
            }
        }
        var digest = digests[0] ?? renderer.digest(of: briefing, files: [])
        digest.files = paths
        return digest
    }

    /// The files of one briefing, made side by side.
    private enum BriefingPart: CaseIterable {
        case page, facts, timeline, exports
    }
}

/// Pages made from every briefing's digest: the home page's and the entity index's, each
/// as many pages as their lists fill.
private enum SitePage: Sendable {
    case home, notFound, entityIndex
    case entity(EntityDirectory.Record)
}

extension [RenderedPage] {
    var files: [PlannedFile] { map { PlannedFile(path: $0.path, data: Data($0.html.utf8)) } }
}
