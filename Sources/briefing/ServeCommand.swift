import ArgumentParser
import BriefingKit
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally, and rebuild and reload the browser when a seed, model or template changes.")

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: "The folder to build into and serve (default: SOURCE/Public).", completion: .directory)
    var output: String?

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Flag(name: .long, help: "Annotate in the browser: select words on a briefing page to add a fact, a name, an event or a cross-reference to its model. Loopback addresses only.")
    var edit = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if edit, !EditSession.isLoopback(host) {
            throw ValidationError("--edit writes your model files, so it listens only on this machine: use --host 127.0.0.1 (or localhost), not \(host)")
        }
    }

    func run() async throws {
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
            ?? sourceOptions.sourceURL.appendingPathComponent("Public", isDirectory: true)
        let rebuilder = SiteRebuilder(source: sourceOptions.sourceURL, output: outputURL, options: BuildOptions(baseURL: .preview),
                                      broadcaster: ReloadBroadcaster(), report: { Terminal.printLine(RebuildLine.text($0)) },
                                      reportError: Terminal.printError)
        // A first build that fails still serves whatever site was there, with the error
        // shown in the browser, so that fixing the mistake brings the page up.
        await rebuilder.rebuild()
        let server = PreviewServer(host: host, port: port, rebuilder: rebuilder, editing: edit ? EditSession() : nil)
        do {
            try await server.run { boundPort in
                Terminal.printLine("serving \(outputURL.path) at http://\(host):\(boundPort)/ ; watching site.yml, seeds/ and Templates/; Ctrl-C stops")
                if edit { Terminal.printLine("editing: select words on a briefing page to annotate them; changes go to seeds/") }
            }
        } catch {
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                Terminal.printError("port \(port) on \(host) is already in use; choose another with --port, e.g. --port \(port == 8000 ? 8001 : port + 1)")
                throw ExitCode(ExitStatus.invalidInput)
            }
            throw error
        }
    }
}
