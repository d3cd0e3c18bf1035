import ArgumentParser
import BriefingKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the seeds, models and templates without writing anything.")

    @OptionGroup var sourceOptions: SourceOptions

    func run() throws {
        let plan = try SiteBuilder().plan(source: sourceOptions.sourceURL)
        print("ok: \(plan.files.count) files would be built")
    }
}
