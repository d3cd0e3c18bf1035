import Foundation

/// Models loaded during one build, by their text: briefings whose model files hold the
/// same bytes (a series sharing one cast of entities, a template model copied per
/// essay) parse it once. Each gets the model under its own file name. Only the last few
/// are kept, so that a site of distinct models does not hold them all.
final class ModelShelf: @unchecked Sendable {
    // The lock guards `loaded` and `order`; briefings load their models on both cores.
    private let lock = NSLock()
    private var loaded: [UInt64: [(text: String, model: BriefingModel, diagnostics: [Diagnostic])]] = [:]
    /// Keys from the oldest stored to the newest.
    private var order: [UInt64] = []
    static let capacity = 8

    func load(_ file: TextFile) -> (BriefingModel, [Diagnostic]) {
        let key = TextBytes.hash(file.text)
        if let shelved = lock.withLock({ loaded[key]?.first { TextBytes.areEqual($0.text, file.text) } }) {
            var model = shelved.model
            model.file = file.path
            let diagnostics = shelved.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.file = file.path
                return diagnostic
            }
            return (model, diagnostics)
        }
        let (model, diagnostics) = ModelLoader().load(file)
        lock.withLock {
            loaded[key, default: []].append((file.text, model, diagnostics))
            order.append(key)
            if order.count > Self.capacity { loaded[order.removeFirst()] = nil }
        }
        return (model, diagnostics)
    }
}
