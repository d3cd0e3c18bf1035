import Foundation
import PackagePlugin

/// Generates the Swift source that carries every file of `Templates/` inside the
/// library, so that `briefing init` works wherever the binary is installed and the
/// embedded copy is remade from `Templates/` on every build that changes it.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplateFiles.swift")
        // Listed here so that the build reruns the generator when any of them changes,
        // and the folders themselves so that an added or removed file does too.
        var inputs: [URL] = [templates]
        if let walker = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        return [.buildCommand(
            displayName: "Embedding the default templates in \(target.name)",
            executable: try context.tool(named: "TemplateEmbedder").url,
            arguments: [templates.path, output.path],
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
