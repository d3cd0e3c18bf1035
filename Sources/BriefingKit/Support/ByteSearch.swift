import Foundation

/// Finding a run of bytes in a larger one, the way Briefing searches text: on UTF-8
/// bytes, since searching `String`s costs many times more.
enum ByteSearch {
    /// A table saying, for each byte, whether it is one of `characters`' UTF-8 bytes:
    /// scanners look a byte up in it instead of comparing it with each character.
    static func table(of characters: String) -> [Bool] {
        table { characters.utf8.contains($0) }
    }

    /// A table saying, for each byte, whether `isMember` holds for it.
    static func table(where isMember: (UInt8) -> Bool) -> [Bool] {
        (0...UInt8.max).map(isMember)
    }

    /// Where `needle` first occurs in `haystack` at or after `start`.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count, start >= 0 else { return nil }
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pattern in
                guard let hayStart = hay.baseAddress, let patternStart = pattern.baseAddress else { return nil }
                // memchr finds candidates for the first byte many bytes at a time.
                var index = start
                while index <= last {
                    guard let found = memchr(hayStart + index, Int32(first), last - index + 1) else { return nil }
                    let position = hayStart.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hayStart + position, patternStart, pattern.count) == 0 { return position }
                    index = position + 1
                }
                return nil
            }
        }
    }
}
