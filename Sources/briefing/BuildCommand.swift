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
        var builder = SiteBuilder(options: outputOptions.buildOptions)
        let progress = quiet ? nil : ProgressLine(label: "briefings")
        if let progress {
            builder.progress = { done, total in progress.update(done, of: total) }
        }
        let sources = try SourceTree.load(from: sourceOptions.sourceURL)
        let (report, files, changed) = try SiteWriter.replace(outputURL) { writer throws(BuildFailure) in
            // The line goes before anything else is printed, whether the build succeeds or not.
            defer { progress?.finish() }
            return try builder.build(sources, into: writer)
        }
        for warning in report.warnings { Terminal.printError(warning.description) }
        if !quiet {
            Terminal.printLine("built \(files) files (\(changed) changed) into \(outputURL.path) in \((ContinuousClock.now - started).wholeMilliseconds) ms")
        }
    }
}
