import BriefingKit

/// What `serve` and `build --watch` print after each rebuild, e.g. `rebuilt seeds/a.txt
/// in 38 ms (3 of 126 files changed)`. `Benchmarks/run.sh` reads the time from it.
enum RebuildLine {
    static func text(_ rebuild: SiteRebuilder.Rebuild) -> String {
        "rebuilt \(describe(rebuild.changes)) in \(rebuild.duration.wholeMilliseconds) ms "
            + "(\(rebuild.changedFiles) of \(rebuild.files) files changed)"
    }

    private static func describe(_ changes: [String]) -> String {
        switch changes.count {
        case 0: "the site"
        case 1...3: changes.joined(separator: ", ")
        default: "\(changes.prefix(2).joined(separator: ", ")) and \(changes.count - 2) more"
        }
    }
}
