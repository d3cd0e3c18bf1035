/// FNV-1a, 64 bits: stable across runs and machines, unlike Swift's seeded `Hasher`,
/// and cheaper than hashing a `String`, which normalises Unicode first.
enum FNV1a {
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
