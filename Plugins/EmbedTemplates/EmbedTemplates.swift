import Foundation
import PackagePlugin

/// Generates the Swift sources that carry every file of `Templates/` and of the page
/// editor inside the library, so that `briefing init` and `serve --edit` work wherever
/// the binary is installed, and the embedded copies are remade on every build that
/// changes the files.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "TemplateEmbedder").url
        return [
            embed(context.package.directoryURL.appending(path: "Templates"), as: "EmbeddedTemplates", tool: tool,
                  context: context, what: "the default templates"),
            // The page editor of `briefing serve --edit`: served by the preview, never
            // written into a site.
            embed(context.package.directoryURL.appending(path: "Sources/\(target.name)/Preview/Editor"), as: "EmbeddedEditor", tool: tool,
                  context: context, what: "the page editor"),
        ]
    }

    private func embed(_ folder: URL, as type: String, tool: URL, context: PluginContext, what: String) -> Command {
        let output = context.pluginWorkDirectoryURL.appending(path: "\(type)Files.swift")
        // Listed here so that the build reruns the generator when any of them changes,
        // and the folders themselves so that an added or removed file does too.
        var inputs: [URL] = [folder]
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        return .buildCommand(
            displayName: "Embedding \(what)",
            executable: tool,
            arguments: [folder.path, output.path, type],
            inputFiles: inputs,
            outputFiles: [output])
    }
}
