import ArgumentParser
import BriefingKit
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new site in DIR (new or empty): site.yml, Templates/, seeds/, README.md.")

    @Argument(help: "The folder to make the site in; it must not exist or be empty.", completion: .directory)
    var directory: String

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        try SiteInitializer().create(at: folder)
        Terminal.printLine("made a site in \(folder.path); add an essay to seeds/, then see README.md there")
    }
}
