import ArgumentParser
import BriefingKit
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from seeds/ and Templates/ into the output folder.")

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "The folder to write the site to (default: SOURCE/Public).", completion: .directory)
    var output: String?

    @Option(name: .long, help: "The URL the site is published at, e.g. https://example.org/briefings/.")
    var baseURL: String?

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http(s) URL, e.g. https://example.org/briefings/")
        }
    }

    func run() throws {
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? sourceOptions.sourceURL.appendingPathComponent("Public", isDirectory: true)
        let options = BuildOptions(basePath: baseURL.flatMap(BaseURL.init)?.path ?? "/")
        let started = ContinuousClock.now
        let plan = try SiteBuilder(options: options).plan(source: sourceOptions.sourceURL)
        for warning in plan.warnings { Terminal.printError(warning.description) }
        try SiteWriter().write(plan, to: outputURL)
        if !quiet {
            let elapsed = ContinuousClock.now - started
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            print("built \(plan.files.count) files into \(outputURL.path) in \(milliseconds) ms")
        }
    }
}
