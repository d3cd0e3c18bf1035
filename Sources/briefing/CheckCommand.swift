import ArgumentParser
import BriefingKit
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate seeds, models and templates and report figure coverage; writes only where quotes resolved (.briefing-cache/anchors/), unless --fix.")

    @OptionGroup var sourceOptions: SourceOptions

    @Flag(name: .long, help: "List every figure, covered or not, and every unmatched name.")
    var verbose = false

    @Flag(name: .long, help: "Put in place of each quote the essay's edits broke the passage it became, when only its wording changed; list what is left.")
    var fix = false

    func run() throws {
        if fix { try repairQuotes() }
        let sources = try SourceTree.load(from: sourceOptions.sourceURL)
        var builder = SiteBuilder()
        builder.remembersAnchors = true
        let (plan, briefings) = try builder.planAndBriefings(for: sources)
        for warning in plan.warnings { Terminal.printError(warning.description) }
        for briefing in briefings {
            let report = CoverageReport(briefing: briefing)
            Terminal.printLine("\(briefing.essay.file): \(report.briefingTitle)")
            if let model = briefing.model?.model {
                Terminal.printLine("  model: \(counted(model.entities.count, "entity", "entities")), \(counted(model.facts.count, "fact")), "
                    + "\(counted(model.events.count, "event")), \(counted(model.crossReferences.count, "cross-reference"))")
            } else {
                Terminal.printLine("  model: none (add \(briefing.essay.file.replacingOccurrences(of: ".txt", with: ".yml").replacingOccurrences(of: ".md", with: ".yml")) to annotate it)")
            }
            if !report.toReview.isEmpty, let file = briefing.model?.model.file {
                let kinds = [("entity", "entities"), ("fact", "facts"), ("event", "events"), ("cross-reference", "cross-references")]
                    .compactMap { kind, plural -> String? in
                        let count = report.toReview.filter { $0.kind == kind }.count
                        return count == 0 ? nil : counted(count, kind, plural)
                    }
                Terminal.printLine("  to review: \(report.toReview.count) drafted items still marked review: true (\(kinds.joined(separator: ", ")))")
                for item in report.toReview where verbose {
                    Terminal.printLine("    \(file):\(item.position.line)  \(item.kind) \(item.id)")
                }
            }
            let percent = String(format: "%.1f", report.percentCovered)
            Terminal.printLine("  figures: \(report.coveredCount) of \(report.figures.count) covered by a fact (\(percent)%)")
            for figure in report.figures where verbose || figure.factID == nil {
                Terminal.printLine("    \(figure.paragraphID)  \(figure.figure)  → \(figure.factID ?? "no fact")")
            }
            let names = verbose ? report.unmatchedNames : Array(report.unmatchedNames.prefix(15))
            if !names.isEmpty {
                Terminal.printLine("  names no entity alias matches (\(report.unmatchedNames.count)); `briefing draft --merge` adds them:")
                for name in names { Terminal.printLine("    \(name.name) ×\(name.count)") }
            }
        }
        if let registerFile = sources.register {
            let register = try sources.entityRegister()
            let report = RegisterReport(register: register, briefings: briefings)
            for warning in report.warnings { Terminal.printError(warning.description) }
            Terminal.printLine("\(registerFile.path): \(counted(register.entities.count, "entity", "entities"))")
            if !report.toReview.isEmpty {
                Terminal.printLine("  to review: \(counted(report.toReview.count, "entity", "entities")) still marked review: true")
                for item in report.toReview where verbose {
                    Terminal.printLine("    \(registerFile.path):\(item.position.line)  entity \(item.id)")
                }
            }
        }
        let broken = LinkChecker.brokenLinks(in: plan)
        guard broken.isEmpty else {
            broken.forEach { Terminal.printError("broken link: \($0)") }
            throw ExitCode(ExitStatus.invalidInput)
        }
        Terminal.printLine("ok: \(plan.files.count) files would be built; every internal link resolves")
    }

    /// `--fix`: rewrites the quotes it can, says each change, and stops with status 1 if
    /// any broken quote is left, before the check below would report it again.
    private func repairQuotes() throws {
        let report = try QuoteRepair.repair(source: sourceOptions.sourceURL)
        for change in report.changes { Terminal.printLine("fixed \(change)") }
        for left in report.left { Terminal.printError(left.description) }
        if !report.left.isEmpty {
            Terminal.printError("\(counted(report.left.count, "quote")) left to fix by hand")
            throw ExitCode(ExitStatus.invalidInput)
        }
    }
}
