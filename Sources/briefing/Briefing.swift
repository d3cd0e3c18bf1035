import ArgumentParser
import BriefingKit
import Foundation

@main
struct Briefing: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Turns essays into annotated briefing websites.",
        version: BriefingVersion.description,
        subcommands: [InitCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, DraftCommand.self,
                      EntitiesCommand.self, ConvertCommand.self]
    )

    /// Exit status: 0 success, 1 invalid input, 2 usage error; the same promise as the
    /// tools Briefing's users know, whatever ArgumentParser's defaults are.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as BuildFailure {
            Terminal.printError(failure.description)
            Foundation.exit(ExitStatus.invalidInput)
        } catch let diagnostic as Diagnostic {
            Terminal.printError(diagnostic.description)
            Foundation.exit(ExitStatus.invalidInput)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                Terminal.printLine(message)
                Foundation.exit(ExitStatus.success)
            }
            // A command that has already said why it fails exits with no message of its own.
            if !message.isEmpty { Terminal.printError(message) }
            Foundation.exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
    }
}

enum ExitStatus {
    static let success: Int32 = 0
    static let invalidInput: Int32 = 1
    static let usage: Int32 = 2
}
