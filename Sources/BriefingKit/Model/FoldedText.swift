import Foundation

/// Text in the form quotes and aliases are compared in: Unicode NFC, curly quotes made
/// straight, runs of white space made one space. Each folded byte remembers the span of
/// the original text it came from, so a match maps back to the words as written.
///
/// Matching works on UTF-8 bytes: searching `String`s costs many times more.
public struct FoldedText: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// For each folded byte, the UTF-8 offset in the original text of the character it
    /// came from, and the offset just after that character.
    private var originStart: [Int] = []
    private var originEnd: [Int] = []

    public init(_ text: String) {
        if foldScalars(text) { return }
        bytes.reserveCapacity(text.utf8.count)
        originStart.reserveCapacity(text.utf8.count)
        originEnd.reserveCapacity(text.utf8.count)
        foldCharacters(text)
    }

    /// Text without combining marks is already in NFC, and can be folded scalar by scalar,
    /// many times faster than character by character. Asked of each non-ASCII scalar as
    /// it is folded, so that the text is not read once more to ask it first.
    private static func mayNeedNormalising(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass != .notReordered
            || (0x1100...0x11FF).contains(scalar.value) || scalar.properties.isGraphemeExtend
    }

    /// Works on the UTF-8 bytes: ASCII, nearly all of an essay, is copied byte by byte,
    /// and only other scalars are decoded. Folding never lengthens text without combining
    /// marks, so the output is written into buffers the size of the input and trimmed:
    /// appending to three arrays byte by byte would be most of the cost of folding. False,
    /// with nothing kept, at a scalar that may need normalising.
    private mutating func foldScalars(_ text: String) -> Bool {
        var text = text
        let capacity = text.utf8.count
        var folded = [UInt8](repeating: 0, count: capacity)
        var starts = [Int](repeating: 0, count: capacity)
        var ends = [Int](repeating: 0, count: capacity)
        let count = text.withUTF8 { utf8 in
            folded.withUnsafeMutableBufferPointer { folded in
                starts.withUnsafeMutableBufferPointer { starts in
                    ends.withUnsafeMutableBufferPointer { ends in
                        var writer = FoldWriter(bytes: folded, starts: starts, ends: ends)
                        return Self.fold(utf8, into: &writer) ? writer.count : nil
                    }
                }
            }
        }
        guard let count else { return false }
        folded.removeSubrange(count...)
        starts.removeSubrange(count...)
        ends.removeSubrange(count...)
        bytes = folded
        originStart = starts
        originEnd = ends
        return true
    }

    /// False at the first scalar that may need normalising.
    private static func fold(_ utf8: UnsafeBufferPointer<UInt8>, into writer: inout FoldWriter) -> Bool {
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    writer.space(from: index, to: index + 1)
                } else {
                    writer.append(byte, from: index, to: index + 1)
                }
                index += 1
                continue
            }
            let end = min(index + (byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2), utf8.count)
            let scalar = decodeScalar(utf8, from: index, to: end)
            if let scalar, mayNeedNormalising(scalar) { return false }
            if let scalar, scalar.properties.isWhitespace {
                writer.space(from: index, to: end)
            } else if let straight = scalar.flatMap(straightQuote) {
                writer.append(straight, from: index, to: end)
            } else {
                for offset in index..<end { writer.append(utf8[offset], from: index, to: end) }
            }
            index = end
        }
        return true
    }

    /// The scalar of one multi-byte UTF-8 sequence; the text is a `String`, so valid.
    private static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Unicode.Scalar? {
        let lead = UInt32(utf8[start])
        var value = end - start == 2 ? lead & 0x1F : end - start == 3 ? lead & 0x0F : lead & 0x07
        for offset in start + 1..<end { value = value << 6 | UInt32(utf8[offset] & 0x3F) }
        return Unicode.Scalar(value)
    }

    /// Writes folded bytes and their origins; a run of white space becomes one space that
    /// stands for the whole run.
    private struct FoldWriter {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let starts: UnsafeMutableBufferPointer<Int>
        let ends: UnsafeMutableBufferPointer<Int>
        var count = 0
        var lastWasSpace = false

        mutating func append(_ byte: UInt8, from start: Int, to end: Int) {
            bytes[count] = byte
            starts[count] = start
            ends[count] = end
            count += 1
            lastWasSpace = false
        }

        mutating func space(from start: Int, to end: Int) {
            if lastWasSpace {
                ends[count - 1] = end
            } else {
                append(UInt8(ascii: " "), from: start, to: end)
                lastWasSpace = true
            }
        }
    }

    private mutating func foldCharacters(_ text: String) {
        var state = FoldState()
        for character in text {
            add(Self.fold(character).utf8, width: character.utf8.count, isWhitespace: character.isWhitespace, state: &state)
        }
    }

    private struct FoldState {
        var offset = 0
        var lastWasSpace = false
    }

    /// Appends one folded unit of the original text; a run of white space becomes one
    /// space that stands for the whole run.
    private mutating func add(_ folded: some Sequence<UInt8>, width: Int, isWhitespace: Bool, state: inout FoldState) {
        defer { state.offset += width }
        if isWhitespace {
            if !state.lastWasSpace { append(UInt8(ascii: " "), from: state.offset, to: state.offset + width) }
            else if let last = originEnd.indices.last { originEnd[last] = state.offset + width }
            state.lastWasSpace = true
            return
        }
        state.lastWasSpace = false
        for byte in folded { append(byte, from: state.offset, to: state.offset + width) }
    }

    private mutating func append(_ byte: UInt8, from start: Int, to end: Int) {
        bytes.append(byte)
        originStart.append(start)
        originEnd.append(end)
    }

    /// The folded form of one character.
    static func fold(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else { return String(character).precomposedStringWithCanonicalMapping }
        return straightQuote(scalar).map { String(UnicodeScalar($0)) } ?? String(character)
    }

    /// The straight quote a curly quote or prime folds to.
    private static func straightQuote(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "‘", "’", "‚", "‛", "′", "ʼ": UInt8(ascii: "'")
        case "“", "”", "„", "‟", "″": UInt8(ascii: "\"")
        default: nil
        }
    }

    /// Folds a phrase written by a person: also trims white space at its ends.
    public static func phrase(_ text: String) -> [UInt8] {
        var folded = FoldedText(text).bytes
        while folded.last == UInt8(ascii: " ") { folded.removeLast() }
        while folded.first == UInt8(ascii: " ") { folded.removeFirst() }
        return folded
    }

    /// The UTF-8 range of the original text that the folded range came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else { return originStart.indices.contains(range.lowerBound) ? originStart[range.lowerBound]..<originStart[range.lowerBound] : 0..<0 }
        return originStart[range.lowerBound]..<originEnd[range.upperBound - 1]
    }

    /// Every place `needle` occurs, left to right, without overlaps.
    public func ranges(of needle: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start = 0
        while let index = ByteSearch.firstIndex(of: needle, in: bytes, from: start) {
            found.append(index..<index + needle.count)
            start = index + needle.count
        }
        return found
    }

    /// True when the range starts and ends at word boundaries: no letter or digit
    /// directly before or after it.
    public func isWholeWord(_ range: Range<Int>) -> Bool {
        !isWordCharacter(endingAt: range.lowerBound) && !isWordCharacter(startingAt: range.upperBound)
    }

    private func isWordCharacter(endingAt end: Int) -> Bool {
        guard end > 0 else { return false }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return Self.isWordScalar(bytes[start..<end])
    }

    private func isWordCharacter(startingAt start: Int) -> Bool {
        guard start < bytes.count else { return false }
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return Self.isWordScalar(bytes[start..<end])
    }

    /// An ASCII letter or digit: the single-byte characters a word is made of.
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isWordScalar(_ utf8: ArraySlice<UInt8>) -> Bool {
        if utf8.count == 1, let byte = utf8.first { return isASCIIWordByte(byte) }
        guard let scalar = String(decoding: utf8, as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
