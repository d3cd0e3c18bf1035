import Foundation

/// Why a file of the build cache cannot be used. A build that meets one does not trust
/// the cache and makes everything again; `reason` says why, in plain words.
struct CacheDamage: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }

    static let truncated = CacheDamage("it ends early, as a build stopped while writing it leaves it")
}

/// Lays out what the build cache keeps as bytes: unsigned numbers as LEB128, signed ones
/// zigzagged, and every string once, in a table before the body that the body refers to
/// by number. Briefings repeat their sentences, titles and links many times over, so the
/// table keeps a digest a fraction of the size of its text.
struct CacheWriter {
    private var body: [UInt8] = []
    /// The table of strings as it is written: each string's length, then its bytes.
    private var table: [UInt8] = []
    private var strings = StringNumbers()
    /// False to write every string in place, for comparing two values byte by byte: no
    /// table, and nothing hashed.
    private let interning: Bool

    init(interning: Bool = true) {
        self.interning = interning
    }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        body.append(UInt8(rest))
    }

    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func bool(_ value: Bool) { body.append(value ? 1 : 0) }

    /// Eight bytes, as hashes are: they would not shrink as LEB128.
    mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { body.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        guard interning else {
            unsigned(UInt64(value.utf8.count))
            body += value.utf8
            return
        }
        var value = value
        let number = value.withUTF8 { bytes in
            strings.number(of: UnsafeRawBufferPointer(bytes), table: &table)
        }
        unsigned(UInt64(number))
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout CacheWriter, Value) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }

    mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }

    mutating func array<Element>(_ values: [Element], _ write: (inout CacheWriter, Element) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// A dictionary in the order of its keys, so that equal dictionaries give equal bytes.
    mutating func dictionary<Value>(_ values: [String: Value], _ write: (inout CacheWriter, Value) -> Void) {
        unsigned(UInt64(values.count))
        // Sorted with their values, so that no key is hashed again to look its value up.
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            string(key)
            write(&self, value)
        }
    }

    /// The table of strings, then the body.
    var bytes: [UInt8] {
        guard interning else { return body }
        var head = CacheWriter(interning: false)
        head.unsigned(UInt64(strings.count))
        head.body.reserveCapacity(head.body.count + table.count + body.count)
        head.body += table
        head.body += body
        return head.body
    }
}

/// The strings a `CacheWriter` has put in its table, by their UTF-8 bytes: an open
/// table of their hashes, each slot holding a string's number and where its bytes are.
/// Strings are told apart byte by byte, not as Swift compares them (`é` written as one
/// scalar or two is one `String` but two texts, and a cache must give back the one it was
/// given). A `Dictionary` of strings hashed every sentence, link and title of a digest
/// through `Hasher`, which made writing the digests a tenth of a large site's first build.
private struct StringNumbers {
    private struct Slot {
        var hash: UInt64
        /// The string's number plus one; zero for an empty slot.
        var number: Int
        /// Where the string's bytes start in the table, and how many there are.
        var start: Int
        var length: Int
    }

    private static let empty = Slot(hash: 0, number: 0, start: 0, length: 0)
    /// Made at the first string: a writer that writes none needs none.
    private var slots: [Slot] = []
    private(set) var count = 0

    /// The number of the string `bytes`, which is added to `table` (its length as LEB128,
    /// then its bytes) when it is new.
    mutating func number(of bytes: UnsafeRawBufferPointer, table: inout [UInt8]) -> Int {
        if slots.isEmpty { slots = Array(repeating: Self.empty, count: 256) }
        let hash = ContentHash.hash(bytes)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].number != 0 {
            let slot = slots[index]
            if slot.hash == hash, slot.length == bytes.count, Self.table(table, at: slot.start, equals: bytes) {
                return slot.number - 1
            }
            index = (index + 1) & mask
        }
        var length = UInt64(bytes.count)
        while length >= 0x80 {
            table.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        table.append(UInt8(length))
        let start = table.count
        table.append(contentsOf: bytes)
        count += 1
        slots[index] = Slot(hash: hash, number: count, start: start, length: bytes.count)
        // At most half full, so that a probe ends soon.
        if count * 2 > slots.count { grow() }
        return count - 1
    }

    private static func table(_ table: [UInt8], at start: Int, equals bytes: UnsafeRawBufferPointer) -> Bool {
        table.withUnsafeBytes { stored in
            guard let base = stored.baseAddress, let other = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(base + start, other, bytes.count) == 0
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Self.empty, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.number != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].number != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

/// Reads what `CacheWriter` wrote, checking every count and length against the bytes
/// left, so that no damaged file can make it read past its end or allocate without bound.
struct CacheReader {
    private let bytes: [UInt8]
    private var offset = 0
    private var table: [String] = []

    init(_ bytes: [UInt8]) throws(CacheDamage) {
        self.bytes = bytes
        let count = try length()
        table.reserveCapacity(count)
        for _ in 0..<count {
            let size = try length()
            let end = offset + size
            guard let text = String(validating: bytes[offset..<end], as: UTF8.self) else { throw CacheDamage("it holds text that is not UTF-8") }
            table.append(text)
            offset = end
        }
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func unsigned() throws(CacheDamage) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw .truncated }
            guard shift < 64 else { throw CacheDamage("it holds a number too large to be one of its own") }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(CacheDamage) -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let int = Int(exactly: value) else { throw CacheDamage("it holds a number out of range") }
        return int
    }

    mutating func bool() throws(CacheDamage) -> Bool {
        guard offset < bytes.count else { throw .truncated }
        defer { offset += 1 }
        switch bytes[offset] {
        case 0: return false
        case 1: return true
        default: throw CacheDamage("it holds a flag that is neither yes nor no")
        }
    }

    mutating func word() throws(CacheDamage) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw .truncated }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func string() throws(CacheDamage) -> String {
        let number = try unsigned()
        guard number < UInt64(table.count) else { throw CacheDamage("it refers to a string it does not hold") }
        return table[Int(number)]
    }

    mutating func optional<Value>(_ read: (inout CacheReader) throws(CacheDamage) -> Value) throws(CacheDamage) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func optionalString() throws(CacheDamage) -> String? { try optional { reader throws(CacheDamage) in try reader.string() } }

    mutating func array<Element>(_ read: (inout CacheReader) throws(CacheDamage) -> Element) throws(CacheDamage) -> [Element] {
        // Every element takes at least one byte.
        let count = try length()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws(CacheDamage) -> [String] { try array { reader throws(CacheDamage) in try reader.string() } }

    mutating func dictionary<Value>(_ read: (inout CacheReader) throws(CacheDamage) -> Value) throws(CacheDamage) -> [String: Value] {
        let count = try length()
        var values: [String: Value] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            values[key] = try read(&self)
        }
        return values
    }

    /// A count or size, which cannot exceed the bytes left.
    private mutating func length() throws(CacheDamage) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - offset) else { throw .truncated }
        return Int(value)
    }
}
