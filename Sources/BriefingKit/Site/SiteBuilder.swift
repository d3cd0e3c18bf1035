import Foundation

/// The whole pipeline from a source folder to a site plan, without touching the disk
/// after the sources are read.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions = BuildOptions()) {
        self.options = options
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
        let templates = try TemplateSet(files: sources.templates)
        let directory = try EntityDirectory(briefings: briefings)

        let renderer = SiteRenderer(templates: templates, stylesheet: "assets/style.css", basePath: options.basePath)
        var plan = SitePlan()
        plan.warnings = briefings.flatMap(\.warnings)
        for briefing in briefings {
            plan.add(try renderer.briefingPage(briefing))
            if let facts = try renderer.factsPage(briefing) { plan.add(facts) }
            if let timeline = try renderer.timelinePage(briefing) { plan.add(timeline) }
            for export in try DataExports.files(for: briefing) { plan.add(export.path, export.data) }
        }
        if !directory.records.isEmpty {
            plan.add(try renderer.entityIndexPage(directory))
            for page in try renderer.entityPages(directory, briefings: briefings) { plan.add(page) }
        }
        plan.add(try renderer.homePage(briefings))
        plan.add(try renderer.notFoundPage())
        for asset in sources.assets {
            plan.add("assets/\(asset.name)", asset.data)
        }
        return (plan, briefings)
    }

    /// Reads, validates and annotates every briefing, on both cores; reports the problems
    /// of every briefing, not only the first one's.
    public func annotate(_ sources: SourceTree) throws(BuildFailure) -> [AnnotatedBriefing] {
        let essays = try Self.readEssays(sources.seeds)
        let models = sources.seeds.map { seed in seed.model.map { ModelLoader().load($0) } }
        let annotator = Annotator()
        let results = Self.concurrentMap(Array(zip(essays, models))) { essay, loaded in
            Result { () throws(BuildFailure) in
                try annotator.annotate(essay, model: loaded?.0, modelDiagnostics: loaded?.1 ?? [])
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
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return briefings
    }

    /// Reads every seed, reporting every unreadable one, and checks that no two briefings
    /// would share a URL.
    static func readEssays(_ seeds: [SourceTree.SeedFile]) throws(BuildFailure) -> [Essay] {
        var essays: [Essay] = []
        var problems: [Diagnostic] = []
        var slugs: [String: String] = [:]
        for seed in seeds {
            do {
                let essay = try EssayReader.read(seed.data, file: seed.path, format: seed.format)
                if let other = slugs[essay.slug] {
                    problems.append(Diagnostic(file: seed.path, line: 1, column: 1,
                                               "the title makes the same URL /\(essay.slug)/ as \(other); give one of them another title"))
                }
                slugs[essay.slug] = seed.path
                essays.append(essay)
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return essays
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

/// Build settings that change the output.
public struct BuildOptions: Sendable, Equatable {
    /// The path the site is served under, from `--base-url`; `/` at a domain's root.
    public var basePath: String

    public init(basePath: String = "/") {
        self.basePath = basePath
    }
}
