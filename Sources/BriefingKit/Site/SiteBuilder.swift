import Foundation

/// The whole pipeline from a source folder to the files of a site. Briefings are read,
/// annotated and rendered on both cores, each written out as soon as it is done and kept
/// only as a small digest; the site-wide pages are made from the digests at the end. So
/// memory grows with what the site-wide pages show, not with the size of the site.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Kept by a long-running preview so that a rebuild redoes only changed briefings
    /// and re-renders only site-wide pages whose content changed.
    public var memory: BuildMemory?
    /// Called after each briefing with how many are done and how many there are.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(options: BuildOptions = BuildOptions(), memory: BuildMemory? = nil) {
        self.options = options
        self.memory = memory
    }

    /// Reads the sources under `source` and plans the site in memory.
    public func plan(source: URL) throws(BuildFailure) -> SitePlan {
        try plan(for: SourceTree.load(from: source))
    }

    public func plan(for sources: SourceTree) throws(BuildFailure) -> SitePlan {
        let collector = SitePlanCollector()
        let report = try build(sources, into: collector)
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
    }

    /// Builds the site of `sources` into `sink`. Nothing is committed here: on a thrown
    /// failure the caller discards what the sink got.
    public func build(_ sources: SourceTree, into sink: some SiteSink) throws(BuildFailure) -> Report {
        let templates: TemplateSet
        if let memory {
            templates = try memory.templates(sources.templates)
        } else {
            templates = try TemplateSet(files: sources.templates)
        }
        let register = try sources.entityRegister()
        let assets = AssetManifest(sources.assets)
        memory?.begin(sources, options: options)
        let baseURL = options.baseURL(for: sources.config)
        let renderer = SiteRenderer(templates: templates, stylesheet: assets.paths["style.css"] ?? "assets/style.css",
                                    script: assets.paths["briefing.js"], baseURL: baseURL, config: sources.config)
        let output = BuildOutput(sink: sink)

        let gathered = try gather(sources.seeds, stamps: sources.stamps, register: register, renderer: renderer, output: output)
        let seedPaths = Set(sources.seeds.map(\.path))
        if let memory, let previous = memory.siteWide(for: seedPaths),
           let patched = try patchSiteWide(previous, with: gathered.changes, renderer: renderer, output: output) {
            memory.rememberSiteWide(patched)
            return Report(paths: (gathered.files + patched.paths).sorted(), warnings: gathered.warnings)
        }
        let listings = gathered.listings.sorted(by: BriefingDigest.isListedBefore)
        let directory = gathered.finishedDirectory
        guard directory.problems.isEmpty else { throw BuildFailure(directory.problems) }

        let sitePages: [SitePage] = [.home, .notFound] + (directory.records.isEmpty ? [] : [.entityIndex])
            + directory.sortedRecords.map(SitePage.entity)
        let failures = ResultSlots<[Diagnostic]>(count: sitePages.count)
        DispatchQueue.concurrentPerform(iterations: sitePages.count) { index in
            do throws(BuildFailure) {
                let page: RenderedPage = switch sitePages[index] {
                case .home: try renderer.homePage(listings)
                case .notFound: try renderer.notFoundPage()
                case .entityIndex: try renderer.entityIndexPage(directory)
                case let .entity(record): try renderer.entityPage(record, directory: directory)
                }
                try output.write(page.path, Data(page.html.utf8))
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
        try output.write(SearchIndex.fileName, SearchIndex(listings: listings, directory: directory).json())
        let pages = gathered.files + output.paths
        for file in try Syndication(baseURL: baseURL, site: sources.config, briefings: listings, pages: pages).files(templates: templates) {
            try output.write(file.path, file.data)
        }
        memory?.rememberSiteWide(.init(paths: output.paths, seeds: seedPaths, directory: directory))
        return Report(paths: (gathered.files + output.paths).sorted(), warnings: gathered.warnings)
    }

    /// Reads, annotates and renders every briefing on both cores, and gathers their
    /// digests; reports the problems of every briefing, not only the first one's.
    private func gather(_ seeds: [SourceTree.SeedFile], stamps: [String: FileStamp], register: EntityRegister, renderer: SiteRenderer,
                        output: BuildOutput) throws(BuildFailure) -> Gathering {
        let gathering = Gathering(count: seeds.count, forPreview: memory != nil)
        let memory = memory
        let progress = progress
        let annotator = Annotator()
        let shelf = ModelShelf()
        DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
            let seed = seeds[index]
            defer { progress?(gathering.finishOne(), seeds.count) }
            let versions = [stamps[seed.path]] + (seed.model.map { [stamps[$0.path]] } ?? [])
            if let digest = memory?.digest(for: seed, stamps: versions), digest.agrees(with: register) {
                gathering.add(digest, at: index, seed: seed.path, reused: true, previous: digest)
                return
            }
            do throws(BuildFailure) {
                let essay = try EssayReader.read(seed.data, file: seed.path, format: seed.format)
                guard gathering.claim(essay.slug, by: seed.path) else { return }
                let loaded = seed.model.map { register.resolve(loaded: memory?.model(for: $0) ?? shelf.load($0)) }
                let briefing = try annotator.annotate(essay, model: loaded?.0, modelDiagnostics: loaded?.1 ?? [])
                let files = try Self.renderPages(of: briefing, renderer: renderer, output: output)
                let digest = renderer.digest(of: briefing, files: files)
                let previous = memory?.remember(digest, for: seed, stamps: versions)
                gathering.add(digest, at: index, seed: seed.path, reused: false, previous: previous)
            } catch {
                memory?.forget(seed)
                gathering.fail(at: index, error.diagnostics)
            }
        }
        let problems = gathering.problems
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return gathering
    }

    /// Writes the files of one briefing; returns their paths. The files are made side by
    /// side: a preview rebuilding one briefing has both cores for it.
    private static func renderPages(of briefing: AnnotatedBriefing, renderer: SiteRenderer, output: BuildOutput) throws(BuildFailure) -> [String] {
        let parts = BriefingPart.allCases
        let results = ResultSlots<Result<[PlannedFile], BuildFailure>>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            results[index] = Result { () throws(BuildFailure) in
                switch parts[index] {
                case .page: try [renderer.briefingPage(briefing)].files
                case .facts: try [renderer.factsPage(briefing)].compactMap { $0 }.files
                case .timeline: try [renderer.timelinePage(briefing)].compactMap { $0 }.files
                case .exports: try DataExports.files(for: briefing)
                case .searchIndex: [PlannedFile(path: SiteRenderer.searchIndexPath(of: briefing), data: SearchIndex(briefing: briefing).json())]
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
        return paths
    }

    /// The files of one briefing, made side by side.
    private enum BriefingPart: CaseIterable {
        case page, facts, timeline, exports, searchIndex
    }

    /// Brings the site-wide pages of the last build up to date after briefings changed
    /// only in what they say about the entities they name: their titles, dates, entity
    /// definitions and the set of names stay. Then only the pages of the entities whose
    /// sentences, counts or companions changed are made again, and the entity index.
    /// Nil when the changes are larger than that.
    private func patchSiteWide(_ previous: BuildMemory.SiteWideState, with changes: [(previous: BriefingDigest?, current: BriefingDigest)],
                               renderer: SiteRenderer, output: BuildOutput) throws(BuildFailure) -> BuildMemory.SiteWideState? {
        var directory = previous.directory
        var touched: Set<String> = []
        for change in changes {
            guard let old = change.previous, let patch = directory.replace(old, with: change.current) else { return nil }
            touched.formUnion(patch)
        }
        let records = touched.sorted().compactMap { directory.records[$0] }
        var pages = try records.map { record throws(BuildFailure) in try renderer.entityPage(record, directory: directory) }
        if !touched.isEmpty { pages.append(try renderer.entityIndexPage(directory)) }
        for page in pages {
            try output.write(page.path, Data(page.html.utf8))
        }
        return .init(paths: previous.paths, seeds: previous.seeds, directory: directory)
    }

    /// Reads, validates and annotates every briefing without rendering it: for reports.
    public func annotate(_ sources: SourceTree) throws(BuildFailure) -> [AnnotatedBriefing] {
        let annotator = Annotator()
        let register = try sources.entityRegister()
        let results = ResultSlots<Result<AnnotatedBriefing, BuildFailure>>(count: sources.seeds.count)
        DispatchQueue.concurrentPerform(iterations: sources.seeds.count) { index in
            let seed = sources.seeds[index]
            results[index] = Result { () throws(BuildFailure) in
                let essay = try EssayReader.read(seed.data, file: seed.path, format: seed.format)
                let loaded = seed.model.map { register.resolve(loaded: ModelLoader().load($0)) }
                return try annotator.annotate(essay, model: loaded?.0, modelDiagnostics: loaded?.1 ?? [])
            }
        }
        var briefings: [AnnotatedBriefing] = []
        var problems: [Diagnostic] = []
        for result in results.values {
            switch result {
            case let .success(briefing): briefings.append(briefing)
            case let .failure(failure): problems += failure.diagnostics
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return briefings
    }
}

/// A page made from every briefing's digest.
private enum SitePage: Sendable {
    case home, notFound, entityIndex
    case entity(EntityDirectory.Record)
}

/// The sink of one build, remembering the paths of the site-wide files it was given.
private final class BuildOutput: @unchecked Sendable {
    let sink: any SiteSink
    // The lock guards `written`.
    private let lock = NSLock()
    private var written: [String] = []

    init(sink: any SiteSink) { self.sink = sink }

    func write(_ path: String, _ data: Data) throws(BuildFailure) {
        try sink.write(path, data)
        lock.withLock { written.append(path) }
    }

    var paths: [String] { lock.withLock { written } }
}

/// What the briefings of one build add up to, filled from both cores.
private final class Gathering: @unchecked Sendable {
    // The lock guards everything below.
    private let lock = NSLock()
    private var done = 0
    private(set) var listings: [BriefingSummaryView] = []
    private(set) var files: [String] = []
    private var directory = EntityDirectory()
    private var warningsBySeed: [[Diagnostic]]
    private var problemsBySeed: [[Diagnostic]]
    /// Seeds by the URL their title makes: two briefings must not share one.
    private var slugOwners: [String: [String]] = [:]

    /// A preview holds every digest anyway: it adds them to the directory newest first at
    /// the end, an order in which the directory counts most appearances instead of
    /// sorting them, and it tracks what changed since its last build. A build adds each
    /// digest as it comes and keeps none.
    private let forPreview: Bool
    private var deferred: [BriefingDigest] = []

    init(count: Int, forPreview: Bool) {
        warningsBySeed = Array(repeating: [], count: count)
        problemsBySeed = Array(repeating: [], count: count)
        self.forPreview = forPreview
    }

    func finishOne() -> Int { lock.withLock { done += 1; return done } }

    /// True when no other seed has made this slug yet.
    func claim(_ slug: String, by seed: String) -> Bool {
        lock.withLock {
            slugOwners[slug, default: []].append(seed)
            return slugOwners[slug]?.count == 1
        }
    }

    /// Briefings whose digest is new or differs from their last one, with the last one.
    private(set) var changes: [(previous: BriefingDigest?, current: BriefingDigest)] = []

    func add(_ digest: BriefingDigest, at index: Int, seed: String, reused: Bool, previous: BriefingDigest?) {
        lock.withLock {
            if forPreview, previous != digest { changes.append((previous, digest)) }
            if reused { slugOwners[digest.slug, default: []].append(seed) }
            listings.append(digest.listing)
            files += digest.files
            if forPreview { deferred.append(digest) } else { directory.add(digest) }
            warningsBySeed[index] = digest.warnings
        }
    }

    func fail(at index: Int, _ diagnostics: [Diagnostic]) {
        lock.withLock { problemsBySeed[index] = diagnostics }
    }

    /// Every problem, in the order of the seeds, then URLs made twice.
    var problems: [Diagnostic] {
        lock.withLock {
            var problems = Array(problemsBySeed.joined())
            for (slug, owners) in slugOwners.sorted(by: { $0.key < $1.key }) where owners.count > 1 {
                let sorted = owners.sorted()
                for other in sorted.dropFirst() {
                    problems.append(Diagnostic(file: other, line: 1, column: 1,
                                               "the title makes the same URL /\(slug)/ as \(sorted[0]); give one of them another title"))
                }
            }
            return problems
        }
    }

    var warnings: [Diagnostic] { lock.withLock { Array(warningsBySeed.joined()) } }

    /// Every entity, with its appearances sorted and trimmed for the pages.
    var finishedDirectory: EntityDirectory {
        var (finished, waiting) = lock.withLock { (directory, deferred) }
        waiting.sort { BriefingDigest.isListedBefore($0.listing, $1.listing) }
        for digest in waiting { finished.add(digest) }
        finished.finish()
        return finished
    }
}

extension [RenderedPage] {
    var files: [PlannedFile] { map { PlannedFile(path: $0.path, data: Data($0.html.utf8)) } }
}
