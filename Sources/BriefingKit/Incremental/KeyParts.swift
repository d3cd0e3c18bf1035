/// The parts a cache key is made of, each with its length, so that no two lists of parts
/// run together into the same bytes; the key is their `ContentHash`.
struct KeyParts {
    private var bytes: [UInt8] = []

    mutating func add(_ text: String) {
        add(UInt64(text.utf8.count))
        bytes += text.utf8
    }

    mutating func add(_ data: some Collection<UInt8>) {
        add(UInt64(data.count))
        bytes += data
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    var key: UInt64 { ContentHash.hash(bytes) }
}
