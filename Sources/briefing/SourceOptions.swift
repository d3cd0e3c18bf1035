import ArgumentParser
import Foundation

struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding seeds/ and Templates/.", completion: .directory)
    var source: String = "."

    var sourceURL: URL { URL(fileURLWithPath: source, isDirectory: true).standardizedFileURL }
}
