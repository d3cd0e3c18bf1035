import Foundation
import PackagePlugin

/// Generates the Swift source that tells `briefing --version` the number in `VERSION`
/// and, for a release, the commit it was built from. scripts/release names the commit
/// in BRIEFING_COMMIT; without it the binary calls itself a dev build. The commit is an
/// argument of the command, so a build with another commit (or none) remakes the source.
@main
struct StampVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let versionFile = context.package.directoryURL.appending(path: "VERSION")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildStamp.swift")
        let commit = ProcessInfo.processInfo.environment["BRIEFING_COMMIT"] ?? ""
        return [.buildCommand(
            displayName: "Stamping the version of \(target.name)",
            executable: try context.tool(named: "VersionStamper").url,
            arguments: [versionFile.path, output.path, commit],
            inputFiles: [versionFile],
            outputFiles: [output])]
    }
}
