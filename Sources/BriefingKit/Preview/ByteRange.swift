/// One `Range: bytes=…` request resolved against a representation of a known size, as
/// RFC 9110 §14 says: `first-last`, `first-` and the suffix form `-length` (the last
/// `length` bytes).
enum ByteRange: Equatable {
    /// Serve the whole representation with 200: no range, or one a server may ignore
    /// (several ranges, another unit, a malformed or invalid field).
    case whole
    /// Serve these bytes with 206 and `Content-Range: bytes first-last/size`.
    case part(ClosedRange<Int>)
    /// No byte of the representation is in the range: 416 with `Content-Range: bytes */size`.
    case unsatisfiable

    init(header: String?, size: Int) {
        guard let header else { self = .whole; return }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes="), !trimmed.contains(",") else { self = .whole; return }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !(parts[0].isEmpty && parts[1].isEmpty),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { self = .whole; return }
        // Digits too many for an Int stand for a number larger than any file.
        let first = parts[0].isEmpty ? nil : Int(parts[0]) ?? Int.max
        let second = parts[1].isEmpty ? nil : Int(parts[1]) ?? Int.max
        guard let first else {
            // A suffix range: the last N bytes, all of them when N exceeds the size.
            guard let length = second, length > 0, size > 0 else { self = .unsatisfiable; return }
            self = .part(max(size - length, 0)...(size - 1))
            return
        }
        // An end before the start makes the field invalid, which a server ignores.
        if let second, second < first { self = .whole; return }
        guard first < size else { self = .unsatisfiable; return }
        // An end past the last byte, or none, means the last byte.
        self = .part(first...min(second ?? size - 1, size - 1))
    }

    /// The `Content-Range` value of this answer for a representation of `size` bytes.
    func contentRange(size: Int) -> String? {
        switch self {
        case .whole: nil
        case let .part(range): "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
        case .unsatisfiable: "bytes */\(size)"
        }
    }
}
