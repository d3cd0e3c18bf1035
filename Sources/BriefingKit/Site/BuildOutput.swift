import Foundation

/// The sink of one build, remembering the paths of the site-wide files it was given.
final class BuildOutput: @unchecked Sendable {
    let sink: any SiteSink
    // The lock guards `written`.
    private let lock = NSLock()
    private var written: [String] = []

    init(sink: any SiteSink) { self.sink = sink }

    func write(_ path: String, _ data: Data) throws(BuildFailure) {
        try sink.write(path, data)
        lock.withLock { written.append(path) }
    }

    var paths: [String] { lock.withLock { written } }
}
