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
                                          broadcaster: nil, report: Terminal.printLine, reportError: Terminal.printError)
            await rebuilder.rebuild()
            Terminal.printLine("watching seeds/ and Templates/ in \(sourceOptions.sourceURL.path); Ctrl-C stops")
            try await rebuilder.watchUntilInterrupted()
            return
        }
        let started = ContinuousClock.now
        let plan = try SiteBuilder(options: outputOptions.buildOptions).plan(source: sourceOptions.sourceURL)
        for warning in plan.warnings { Terminal.printError(warning.description) }
        try SiteWriter().write(plan, to: outputURL)
        if !quiet {
            Terminal.printLine("built \(plan.files.count) files into \(outputURL.path) in \(SiteRebuilder.milliseconds(ContinuousClock.now - started)) ms")
        }
    }
}
