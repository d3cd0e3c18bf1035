import ArgumentParser
import BriefingKit
import Foundation

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Write a starting model for a seed: its figures, names, dated events and cross-references, each marked for review.",
        discussion: """
            Writes seeds/NAME.yml beside seeds/NAME.txt (or .md) and never replaces an existing model. \
            The model names entities by id: names seeds/entities.yml knows take their ids (a new \
            spelling is added to the entry's aliases), new names become new entries there. \
            With --merge, adds to the existing model only the figures no fact covers and the names \
            no alias matches, leaving every byte already in it as it was.
            """)

    @Argument(help: "The seed to draft: seeds/NAME.txt or seeds/NAME.md.", completion: .file(extensions: ["txt", "md"]))
    var seed: String

    @Flag(name: .long, help: "Add what an existing model lacks instead of refusing to touch it.")
    var merge = false

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let outcome = try SeedDraft().run(seed: seed, root: root, merge: merge)
        for problem in outcome.dropped {
            Terminal.printError("left out of the draft: \(problem.description)")
        }
        let added = outcome.added
        let counts = [counted(added.entityReferences.count, "entity", "entities"), counted(added.facts.count, "fact"),
                      counted(added.events.count, "event"), counted(added.crossReferences.count, "cross-reference")].joined(separator: ", ")
        let verb = outcome.merged ? "added to" : "wrote"
        Terminal.printLine("\(verb) \(outcome.modelFile): \(counts), each marked review: true")
        if !outcome.registered.isEmpty || !outcome.newAliases.isEmpty {
            var parts: [String] = []
            if !outcome.registered.isEmpty { parts.append("\(counted(outcome.registered.count, "new entity", "new entities"))") }
            let spellings = outcome.newAliases.reduce(0) { $0 + $1.aliases.count }
            if spellings > 0 {
                parts.append("\(counted(spellings, "new spelling")) of \(counted(outcome.newAliases.count, "entity", "entities")) it held")
            }
            Terminal.printLine("added to \(outcome.registerFile): \(parts.joined(separator: " and ")), marked review: true")
        }
        Terminal.printLine("next: read them against the essay, then `briefing check` and `briefing serve`")
    }
}
