import Foundation
import Hummingbird
import ServiceLifecycle

/// `briefing serve`: serves the built site, watches its sources, rebuilds on change and
/// reloads open pages once the new site is in place.
public struct PreviewServer: Sendable {
    public var host: String
    public var port: Int
    public var rebuilder: SiteRebuilder
    /// A connection that sends nothing for this long is closed, so a silent client never
    /// holds a slot. Event streams are answers in progress, not idle.
    public var idleTimeout: Duration = .seconds(15)
    /// With `--edit`: the page editor's session. Nil, the preview has no editing endpoint.
    public var editing: EditSession?

    public init(host: String, port: Int, rebuilder: SiteRebuilder, editing: EditSession? = nil) {
        self.host = host
        self.port = port
        self.rebuilder = rebuilder
        self.editing = editing
    }

    /// Runs until SIGINT or SIGTERM, or until `stop` returns. `onReady` gets the port
    /// actually bound, which differs from `port` when that is 0.
    public func run(until stop: (@Sendable () async -> Void)? = nil, onReady: @escaping @Sendable (Int) -> Void) async throws {
        guard let broadcaster = rebuilder.broadcaster else { preconditionFailure("a preview server needs a broadcaster") }
        let router = Router()
        let boundPort = BoundPort(port)
        var responses = SiteResponseMiddleware<BasicRequestContext>(site: rebuilder.output, broadcaster: broadcaster)
        if let editing {
            router.add(middleware: EditorMiddleware(session: editing, editor: BriefingEditor(source: rebuilder.source),
                                                    rebuilder: rebuilder, port: boundPort))
            responses.pageTags = EditorMiddleware<BasicRequestContext>.pageTags(session: editing, rebuilder: rebuilder)
        }
        router.add(middleware: RequestGuardMiddleware())
        router.add(middleware: responses)
        router.add(middleware: FileMiddleware(fileProvider: ConfinedFileSystem(root: rebuilder.output), searchForIndexHtml: true))

        let watcher = try FileWatcher(folders: rebuilder.watchedFolders, files: rebuilder.watchedFiles)
        defer { watcher.stop() }
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(idleTimeout.components.seconds) * 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: "briefing"),
            onServerRunning: { channel in
                boundPort.value = channel.localAddress?.port ?? port
                onReady(boundPort.value)
            },
            logger: PreviewLog.logger)
        // Services stop in reverse order: first the open event streams end, so that the
        // server, which waits for every answer in progress, can stop; then the watcher.
        let group = ServiceGroup(configuration: .init(
            services: [WatchService(watcher: watcher, rebuilder: rebuilder), app, EventStreamCloser(broadcaster: broadcaster)],
            gracefulShutdownSignals: [.sigint, .sigterm], logger: PreviewLog.logger))
        let stopper = Task {
            guard let stop else { return }
            await stop()
            await group.triggerGracefulShutdown()
        }
        defer { stopper.cancel() }
        try await group.run()
    }
}

/// Ends every open event stream when the server is asked to stop.
struct EventStreamCloser: Service {
    let broadcaster: ReloadBroadcaster

    func run() async throws {
        try? await gracefulShutdown()
        await broadcaster.finishAll()
    }
}

/// Rebuilds on every change until the server shuts down.
struct WatchService: Service {
    let watcher: FileWatcher
    let rebuilder: SiteRebuilder

    func run() async throws {
        await withGracefulShutdownHandler {
            await rebuilder.watch(watcher.changes())
        } onGracefulShutdown: {
            watcher.stop()
        }
    }
}

extension SiteRebuilder {
    /// `briefing build --watch`: rebuilds on every change until SIGINT or SIGTERM.
    public func watchUntilInterrupted() async throws {
        let watcher = try FileWatcher(folders: watchedFolders, files: watchedFiles)
        let group = ServiceGroup(configuration: .init(
            services: [WatchService(watcher: watcher, rebuilder: self)],
            gracefulShutdownSignals: [.sigint, .sigterm], logger: PreviewLog.logger))
        try await group.run()
    }
}
