import ArgumentParser
import BriefingKit
import Foundation

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "The folder to write the site to (default: SOURCE/Public).", completion: .directory)
    var output: String?

    @Option(name: .long, help: "The URL the site is published at, e.g. https://example.org/briefings/ (overrides base_url in site.yml).")
    var baseURL: String?

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http(s) URL, e.g. https://example.org/briefings/")
        }
    }

    func outputURL(source: URL) -> URL {
        output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? source.appendingPathComponent("Public", isDirectory: true)
    }

    var buildOptions: BuildOptions {
        BuildOptions(baseURL: baseURL.flatMap(BaseURL.init))
    }
}
