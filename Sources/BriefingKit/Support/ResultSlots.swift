import Foundation

/// A fixed number of slots that concurrent workers fill, each its own index.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    // Safe because every index is written by exactly one worker and read only after
    // all workers finished; the lock makes the writes visible to the reader.
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
