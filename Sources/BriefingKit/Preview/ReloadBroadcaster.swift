import Foundation

/// What the preview tells open pages.
public enum PreviewEvent: Sendable, Equatable {
    /// The site changed and is all in place: reload.
    case reload
    /// The last rebuild failed; the message is shown over the page.
    case buildError(String)
    /// Keeps idle connections open and finds the ones that closed.
    case heartbeat

    /// The event as Server-Sent Events text.
    var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: reload\n\n"
        case let .buildError(message):
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
            return "event: build-error\n\(lines)\n\n"
        case .heartbeat: return ": heartbeat\n\n"
        }
    }
}

/// Hands every event to every open page.
public actor ReloadBroadcaster {
    private var subscribers: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
    /// The error of the last build if it failed, for pages opened since.
    private var currentError: String?
    private var heartbeat: Task<Void, Never>?

    public init() {}

    public var subscriberCount: Int { subscribers.count }

    public func subscribe() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        if let currentError { continuation.yield(.buildError(currentError)) }
        startHeartbeat()
        return stream
    }

    public func send(_ event: PreviewEvent) {
        switch event {
        case .reload: currentError = nil
        case let .buildError(message): currentError = message
        case .heartbeat: break
        }
        for continuation in subscribers.values { continuation.yield(event) }
    }

    public func finishAll() {
        heartbeat?.cancel()
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    private func startHeartbeat() {
        guard heartbeat == nil else { return }
        heartbeat = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await self?.send(.heartbeat)
            }
        }
    }
}
