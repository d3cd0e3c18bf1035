import Logging

enum PreviewLog {
    /// Hummingbird logs every request at `info`; a preview prints only what matters.
    static let logger: Logger = {
        var logger = Logger(label: "briefing.serve")
        logger.logLevel = .warning
        return logger
    }()
}
