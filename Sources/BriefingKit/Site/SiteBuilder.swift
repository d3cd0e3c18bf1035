import Foundation

/// The whole pipeline from a source folder to a site plan, without touching the disk
/// after the sources are read.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Kept by a long-running preview so that a rebuild redoes only changed briefings
    /// and re-renders only pages whose content changed.
    public var cache: AnnotationCache?
    public var renderCache: RenderCache?

    public init(options: BuildOptions = BuildOptions(), cache: AnnotationCache? = nil, renderCache: RenderCache? = nil) {
        self.options = options
        self.cache = cache
        self.renderCache = renderCache
    }

    /// Reads the sources under `source` and plans the site.
    public func plan(source: URL) throws(BuildFailure) -> SitePlan {
        try plan(for: SourceTree.load(from: source))
    }

    public func plan(for sources: SourceTree) throws(BuildFailure) -> SitePlan {
        try site(for: sources).plan
    }

    /// The plan and the annotated briefings it was made from, for reports.
    public func site(for sources: SourceTree) throws(BuildFailure) -> (plan: SitePlan, briefings: [AnnotatedBriefing]) {
        let briefings = try annotate(sources)
        var templates = try TemplateSet(files: sources.templates)
        templates.cache = renderCache
        let directory = try EntityDirectory(briefings: briefings)

        let assets = AssetManifest(sources.assets)
        let renderer = SiteRenderer(templates: templates, stylesheet: assets.paths["style.css"] ?? "assets/style.css",
                                    script: assets.paths["briefing.js"], baseURL: options.baseURL)
        let bySlug = Dictionary(briefings.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var jobs: [RenderJob] = []
        for briefing in briefings {
            jobs.append { [try renderer.briefingPage(briefing)].files }
            jobs.append { [try renderer.factsPage(briefing), try renderer.timelinePage(briefing)].compactMap { $0 }.files }
            jobs.append { try DataExports.files(for: briefing) }
        }
        for record in directory.sortedRecords {
            jobs.append { [try renderer.entityPage(record, directory: directory, bySlug: bySlug)].files }
        }
        if !directory.records.isEmpty {
            jobs.append { [try renderer.entityIndexPage(directory)].files }
        }
        jobs.append { [try renderer.homePage(briefings), try renderer.notFoundPage()].files }

        var plan = SitePlan()
        plan.warnings = briefings.flatMap(\.warnings)
        var problems: [Diagnostic] = []
        for result in Self.concurrentMap(jobs, { job in Result { try job() } }) {
            switch result {
            case let .success(files): for file in files { plan.add(file.path, file.data) }
            case let .failure(failure as BuildFailure): problems += failure.diagnostics
            case let .failure(error): problems.append(Diagnostic(file: SourceTree.templatesFolder + "/", "rendering failed: \(error)"))
            }
        }
        // Every page a broken template renders reports the same problem: once is enough.
        var seen: Set<Diagnostic> = []
        problems = problems.filter { seen.insert($0).inserted }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        for asset in assets.files {
            plan.add(asset.path, asset.data)
        }
        plan.add("search.json", try SearchIndex(briefings: briefings).json())
        for file in Syndication(baseURL: options.baseURL, briefings: briefings, pages: plan.paths).files {
            plan.add(file.path, file.data)
        }
        return (plan, briefings)
    }

    /// Reads, validates and annotates every briefing, on both cores; reports the problems
    /// of every briefing, not only the first one's.
    public func annotate(_ sources: SourceTree) throws(BuildFailure) -> [AnnotatedBriefing] {
        let cache = cache
        cache?.keepOnly(sources.seeds)
        let annotator = Annotator()
        let results = Self.concurrentMap(sources.seeds) { seed in
            Result { () throws(BuildFailure) in
                if let cached = cache?.briefing(for: seed) { return cached }
                let essay = try EssayReader.read(seed.data, file: seed.path, format: seed.format)
                let loaded = seed.model.map { cache?.model(for: $0) ?? ModelLoader().load($0) }
                let briefing = try annotator.annotate(essay, model: loaded?.0, modelDiagnostics: loaded?.1 ?? [])
                cache?.store(briefing, for: seed)
                return briefing
            }
        }
        var briefings: [AnnotatedBriefing] = []
        var problems: [Diagnostic] = []
        for result in results {
            switch result {
            case let .success(briefing): briefings.append(briefing)
            case let .failure(failure): problems += failure.diagnostics
            }
        }
        problems += Self.duplicateSlugs(briefings)
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return briefings
    }

    /// Two briefings must not share a URL.
    static func duplicateSlugs(_ briefings: [AnnotatedBriefing]) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var problems: [Diagnostic] = []
        for briefing in briefings {
            if let other = owners[briefing.slug] {
                problems.append(Diagnostic(file: briefing.essay.file, line: 1, column: 1,
                                           "the title makes the same URL /\(briefing.slug)/ as \(other); give one of them another title"))
            } else {
                owners[briefing.slug] = briefing.essay.file
            }
        }
        return problems
    }

    /// Maps on both cores, keeping the input's order so that output stays deterministic.
    static func concurrentMap<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results[index] = transform(inputs[index])
        }
        return results.values
    }
}

/// One piece of rendering that can run on either core.
typealias RenderJob = @Sendable () throws -> [PlannedFile]

/// A file of the site and its bytes.
struct PlannedFile: Sendable {
    var path: String
    var data: Data
}

extension [RenderedPage] {
    var files: [PlannedFile] { map { PlannedFile(path: $0.path, data: Data($0.html.utf8)) } }
}

/// Build settings that change the output.
public struct BuildOptions: Sendable, Equatable {
    /// Where the site is published, from `--base-url`.
    public var baseURL: BaseURL

    public init(baseURL: BaseURL = .preview) {
        self.baseURL = baseURL
    }
}
