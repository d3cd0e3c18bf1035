import Foundation

/// Finding a run of bytes in a larger one, the way Briefing searches text: on UTF-8
/// bytes, since searching `String`s was an order of magnitude slower.
enum ByteSearch {
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
