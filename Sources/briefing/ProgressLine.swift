import BriefingKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One line on the terminal that a long build keeps rewriting: briefings done of the
/// total and the time so far. Off a terminal it writes nothing, so logs and pipes stay
/// clean; a build that ends quickly never shows it.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let started = ContinuousClock.now
    // The lock guards the two fields below; briefings finish on both cores.
    private let lock = NSLock()
    private var lastDrawn: ContinuousClock.Instant?
    private var shown = false

    /// Redraws at most this often, and not before the build has taken this long.
    static let interval = Duration.milliseconds(100)
    static let delay = Duration.milliseconds(300)

    /// Nil when standard error is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    func update(_ done: Int, of total: Int) {
        let now = ContinuousClock.now
        let line: String? = lock.withLock {
            guard now - started >= Self.delay || (shown && done == total) else { return nil }
            if let lastDrawn, now - lastDrawn < Self.interval, done < total { return nil }
            lastDrawn = now
            shown = true
            let seconds = Double((now - started).wholeMilliseconds) / 1000
            return "\r\u{1B}[K\(done)/\(total) \(label) · \(String(format: "%.1f", seconds)) s"
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Clears the line, leaving the terminal as it was.
    func finish() {
        let wasShown = lock.withLock { shown }
        if wasShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
