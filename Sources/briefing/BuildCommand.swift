import ArgumentParser
import BriefingKit
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from seeds/ and Templates/ into the output folder.")

    @OptionGroup var sourceOptions: SourceOptions
    @OptionGroup var outputOptions: OutputOptions

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    @Flag(name: .long, help: "After building, rebuild whenever seeds/ or Templates/ change (Ctrl-C stops).")
    var watch = false

    @Flag(name: .long, help: "Make every briefing, neither reading nor writing the build cache (.briefing-cache/).")
    var noCache = false

    func validate() throws { try outputOptions.validate() }

    func run() async throws {
        let outputURL = outputOptions.outputURL(source: sourceOptions.sourceURL)
        if watch {
            let rebuilder = SiteRebuilder(source: sourceOptions.sourceURL, output: outputURL, options: outputOptions.buildOptions,
                                          broadcaster: nil, report: { Terminal.printLine(RebuildLine.text($0)) },
                                          reportError: Terminal.printError)
            await rebuilder.rebuild()
            Terminal.printLine("watching site.yml, seeds/ and Templates/ in \(sourceOptions.sourceURL.path); Ctrl-C stops")
            try await rebuilder.watchUntilInterrupted()
            return
        }
        let started = ContinuousClock.now
        let progress = quiet ? nil : ProgressLine(label: "briefings")
        let (warnings, files, changed) = try noCache ? build(into: outputURL, progress: progress) : cachedBuild(into: outputURL, progress: progress)
        for warning in warnings { Terminal.printError(warning.description) }
        if !quiet {
            Terminal.printLine("built \(files) files (\(changed) changed) into \(outputURL.path) in \((ContinuousClock.now - started).wholeMilliseconds) ms")
        }
    }

    /// Every briefing made, the site written beside the output and swapped in.
    private func build(into outputURL: URL, progress: ProgressLine?) throws -> (warnings: [Diagnostic], files: Int, changed: Int) {
        var builder = SiteBuilder(options: outputOptions.buildOptions)
        builder.remembersAnchors = true
        if let progress {
            builder.progress = { done, total in progress.update(done, of: total) }
        }
        let sources = try SourceTree.load(from: sourceOptions.sourceURL)
        let (report, files, changed) = try SiteWriter.replace(outputURL) { writer throws(BuildFailure) in
            // The line goes before anything else is printed, whether the build succeeds or not.
            defer { progress?.finish() }
            return try builder.build(sources, into: writer)
        }
        return (report.warnings, files, changed)
    }

    /// Only what changed since the last build made, through the cache.
    private func cachedBuild(into outputURL: URL, progress: ProgressLine?) throws -> (warnings: [Diagnostic], files: Int, changed: Int) {
        let build = IncrementalBuild(source: sourceOptions.sourceURL, output: outputURL, options: outputOptions.buildOptions)
        if let progress {
            build.progress = { done, total in progress.update(done, of: total) }
        }
        let outcome: IncrementalBuild.Outcome
        do {
            defer { progress?.finish() }
            outcome = try build.build()
        }
        // Said even with --quiet, as warnings are: a build that could not use its cache
        // takes far longer, and whoever reads the log should know why.
        for notice in outcome.cacheNotices + build.saveCache() { Terminal.printError(notice) }
        return (outcome.warnings, outcome.paths.count, outcome.changed)
    }
}
