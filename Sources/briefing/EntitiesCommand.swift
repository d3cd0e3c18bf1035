import ArgumentParser
import BriefingKit
import Foundation

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Say which entity definitions the models hold; with --consolidate, move them into seeds/entities.yml.",
        discussion: """
            Definitions of one id that agree become one entry of the register, and each model names \
            it by id where its definition was; definitions that differ are reported with both places \
            and left as they are. Every other byte of the models stays as it was. Exits 1 while \
            definitions that differ remain.
            """)

    @OptionGroup var sourceOptions: SourceOptions

    @Flag(name: .long, help: "Move the models' definitions into the register (without it, only say what would move).")
    var consolidate = false

    func run() throws {
        let sources = try SourceTree.load(from: sourceOptions.sourceURL)
        let plan = try EntityConsolidation(sources)
        if consolidate { try plan.write(into: sourceOptions.sourceURL) }
        let register = EntityRegister.path
        let models = plan.files.map(\.path).filter { $0 != register }
        if plan.moved.isEmpty, plan.alreadyRegistered.isEmpty {
            Terminal.printLine("nothing to move: the models define no entity \(register) could take")
        } else {
            let verb = consolidate ? "moved" : "would move"
            let created = plan.createsRegister && !plan.moved.isEmpty ? " (a new file)" : ""
            Terminal.printLine("\(verb) \(counted(plan.moved.count, "entity", "entities")) into \(register)\(created)")
            if !plan.alreadyRegistered.isEmpty {
                let named = consolidate ? "now name by id" : "would name by id"
                Terminal.printLine("\(counted(plan.alreadyRegistered.count, "entity", "entities")) \(register) already held as written: the models \(named)")
            }
            Terminal.printLine("\(consolidate ? "changed" : "would change") \(models.joined(separator: ", "))")
            if !consolidate { Terminal.printLine("`briefing entities --consolidate` does it") }
        }
        guard plan.differing.isEmpty else {
            for problem in plan.differing { Terminal.printError(problem.description) }
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
