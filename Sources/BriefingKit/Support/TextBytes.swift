import Foundation

/// A text's UTF-8 bytes taken whole, for texts as long as a model file: `utf8` views
/// are walked a byte at a time, and `==` and hashing a `String` normalise its Unicode.
enum TextBytes {
    /// The build's content hash of the text's bytes.
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { ContentHash.hash(UnsafeRawBufferPointer($0)) }
    }

    /// True when the two texts are the same bytes; an accent written two ways is two texts.
    static func areEqual(_ left: String, _ right: String) -> Bool {
        var left = left, right = right
        guard left.utf8.count == right.utf8.count else { return false }
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else { return true }
                return memcmp(leftStart, rightStart, leftBytes.count) == 0
            }
        }
    }
}
