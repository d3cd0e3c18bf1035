import Foundation

/// Needles by their first two bytes (or only byte), in flat tables indexed by those
/// bytes: each place in a text is looked up with one array read, where hashing a key per
/// place would cost more than the comparisons it saves. Two-byte openings are indexed by
/// their low seven bits each, which keeps ASCII pairs apart in a table small enough to be
/// made for every briefing (a full 2¹⁶ one was a quarter megabyte to clear each time);
/// the pairs that share a slot are told apart by comparing the needle, as every match is.
struct OpeningTable: Sendable {
    /// All needles' bytes, one after another.
    private let needleBytes: [UInt8]
    private let needleStarts: [Int]
    /// Group of each two-byte opening's `pairKey`, 0 for none.
    private let pairGroups: [Int32]
    /// Group of each one-byte needle's byte, 0 for none.
    private let singleGroups: [Int32]
    /// The needles of group `g` are `members[groupStarts[g - 1]..<groupStarts[g]]`.
    private let members: [Int]
    private let groupStarts: [Int]
    /// Bytes that start some needle: most places in a text are passed over on this alone.
    private let openingBytes: [Bool]

    init(needles: [[UInt8]]) {
        needleBytes = needles.flatMap { $0 }
        needleStarts = needles.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        var pairs: [Int: [Int]] = [:]
        var singles: [Int: [Int]] = [:]
        var openingBytes = [Bool](repeating: false, count: 256)
        for (index, needle) in needles.enumerated() where !needle.isEmpty {
            openingBytes[Int(needle[0])] = true
            if needle.count == 1 {
                singles[Int(needle[0]), default: []].append(index)
            } else {
                pairs[Self.pairKey(needle[0], needle[1]), default: []].append(index)
            }
        }
        var members: [Int] = []
        var groupStarts = [0]
        func table(_ groups: [Int: [Int]], size: Int) -> [Int32] {
            var table = [Int32](repeating: 0, count: size)
            for (key, indices) in groups.sorted(by: { $0.key < $1.key }) {
                members += indices
                groupStarts.append(members.count)
                table[key] = Int32(groupStarts.count - 1)
            }
            return table
        }
        pairGroups = table(pairs, size: 1 << 14)
        singleGroups = table(singles, size: 1 << 8)
        self.members = members
        self.groupStarts = groupStarts
        self.openingBytes = openingBytes
    }

    @inline(__always)
    private static func pairKey(_ first: UInt8, _ second: UInt8) -> Int {
        Int(first & 0x7F) << 7 | Int(second & 0x7F)
    }

    /// Every place each needle occurs in `text`, overlaps included, in no particular order.
    /// With `atWordStarts`, places right after an ASCII letter or digit are passed over
    /// before any table is read: a needle there starts inside a word, and most places in a
    /// text are.
    func occurrences(in text: UnsafeBufferPointer<UInt8>, atWordStarts: Bool = false) -> [(candidate: Int, start: Int)] {
        var found: [(candidate: Int, start: Int)] = []
        guard let base = text.baseAddress else { return found }
        needleBytes.withUnsafeBufferPointer { needles in
            // No needles, no groups: nothing below is reached.
            guard let needles = needles.baseAddress else { return }
            func collect(_ group: Int32, at index: Int) {
                guard group > 0 else { return }
                for member in members[groupStarts[Int(group) - 1]..<groupStarts[Int(group)]] {
                    let start = needleStarts[member], count = needleStarts[member + 1] - start
                    guard count <= text.count - index else { continue }
                    if count == 1 || memcmp(base + index, needles + start, count) == 0 {
                        found.append((member, index))
                    }
                }
            }
            for index in text.indices where openingBytes[Int(text[index])]
                && !(atWordStarts && index > 0 && FoldedText.isASCIIWordByte(text[index - 1])) {
                collect(singleGroups[Int(text[index])], at: index)
                if index + 1 < text.count { collect(pairGroups[Self.pairKey(text[index], text[index + 1])], at: index) }
            }
        }
        return found
    }
}
