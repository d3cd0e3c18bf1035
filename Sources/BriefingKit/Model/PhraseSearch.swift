import Foundation

/// Finds many phrases in one text in a single pass, the way a model's quotes are looked
/// up in its essay: searching the essay once per quote would take time in proportion to
/// quotes times essay.
///
/// A phrase of at least eight bytes is found by its first eight, read as one 64-bit word
/// at each offset of the text and looked up in a small hash table that is nearly always
/// empty at that word; a bitset of the phrases' first two bytes turns most offsets away
/// before the hash is worked out. Shorter phrases, rare in a model, are searched for one by one.
enum PhraseSearch {
    static let prefixLength = MemoryLayout<UInt64>.size

    /// For each phrase, every offset in `text` where it starts, ascending; occurrences of
    /// one phrase may overlap. An empty phrase occurs nowhere.
    static func occurrences(of phrases: [[UInt8]], in text: [UInt8]) -> [[Int]] {
        var found = [[Int]](repeating: [], count: phrases.count)
        var table = PrefixTable(capacity: phrases.count)
        for (index, phrase) in phrases.enumerated() {
            if phrase.count >= prefixLength {
                table.insert(phrase: index, prefix: word(in: phrase))
            } else if !phrase.isEmpty {
                found[index] = shortOccurrences(of: phrase, in: text)
            }
        }
        guard !table.isEmpty, text.count >= prefixLength else { return found }
        text.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress else { return }
            for offset in 0...(haystack.count - prefixLength) {
                let prefix = haystack.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                guard table.mayHold(prefix), let group = table.group(of: prefix) else { continue }
                for index in table.phrases(in: group) {
                    let rest = phrases[index].count - prefixLength
                    guard rest <= haystack.count - offset - prefixLength else { continue }
                    let same = rest == 0 || phrases[index].withUnsafeBytes { phrase in
                        guard let start = phrase.baseAddress else { return false }
                        return memcmp(base + offset + prefixLength, start + prefixLength, rest) == 0
                    }
                    if same { found[index].append(offset) }
                }
            }
        }
        return found
    }

    private static func word(in phrase: [UInt8]) -> UInt64 {
        phrase.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    private static func shortOccurrences(of phrase: [UInt8], in text: [UInt8]) -> [Int] {
        var found: [Int] = []
        var start = 0
        while let index = ByteSearch.firstIndex(of: phrase, in: text, from: start) {
            found.append(index)
            start = index + 1
        }
        return found
    }

    /// Phrases by their first eight bytes, in an open-addressed table at most half full.
    private struct PrefixTable {
        /// One bit for each value of a prefix's low 16 bits (its first two bytes on a
        /// little-endian machine; either way the same bits of every load) that some
        /// phrase's prefix has. In prose few pairs of bytes begin a quote's first word.
        private var pairs = [UInt64](repeating: 0, count: 1 << 16 / 64)
        private var slots: [Int32]
        private var prefixes: [UInt64] = []
        private var phrasesByPrefix: [[Int]] = []
        private let shift: UInt64

        init(capacity: Int) {
            var bits = 4
            while 1 << bits < 2 * capacity { bits += 1 }
            slots = Array(repeating: -1, count: 1 << bits)
            shift = UInt64(64 - bits)
        }

        var isEmpty: Bool { prefixes.isEmpty }

        mutating func insert(phrase: Int, prefix: UInt64) {
            let pair = Int(truncatingIfNeeded: prefix & 0xFFFF)
            pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            var slot = self.slot(of: prefix)
            while slots[slot] >= 0 {
                let group = Int(slots[slot])
                if prefixes[group] == prefix {
                    phrasesByPrefix[group].append(phrase)
                    return
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = Int32(prefixes.count)
            prefixes.append(prefix)
            phrasesByPrefix.append([phrase])
        }

        /// False when no phrase can start with `prefix`; true does not mean one does.
        @inline(__always)
        func mayHold(_ prefix: UInt64) -> Bool {
            let pair = Int(truncatingIfNeeded: prefix & 0xFFFF)
            return pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0
        }

        /// The group of phrases starting with `prefix`, if any phrase does.
        func group(of prefix: UInt64) -> Int? {
            var slot = self.slot(of: prefix)
            while slots[slot] >= 0 {
                let group = Int(slots[slot])
                if prefixes[group] == prefix { return group }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }

        func phrases(in group: Int) -> [Int] { phrasesByPrefix[group] }

        /// Fibonacci hashing: the multiplication mixes every byte of the prefix into the
        /// top bits, which pick the slot.
        private func slot(of prefix: UInt64) -> Int {
            Int(truncatingIfNeeded: (prefix &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }
    }
}
