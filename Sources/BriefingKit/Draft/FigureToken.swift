/// One word, number or mark of a text as the figure scanner sees it: where it sits in
/// the text's UTF-8 and whether whitespace separates it from the token before, which is
/// what tells "4.2m" from "4.2 m" and "MiG-29" from "a 29".
struct FigureToken: Sendable {
    enum Kind: Sendable { case word, number, symbol }

    var kind: Kind
    var text: String
    var lower: String
    var range: Range<Int>
    /// Whitespace separates this token from the one before it.
    var spaced: Bool
    /// The token opens the text or a line.
    var opensLine: Bool
    /// For numbers: the digits as one integer ("4.24" → 424) and how many of them follow
    /// the decimal point, so that scaling stays exact ("$4.24 billion" → 424e9 / 100).
    var mantissa: Double = 0
    var decimals: Int = 0
    /// For numbers: written with thousands separators ("250,000").
    var grouped = false

    var value: Double { scaled(by: 1) }

    func scaled(by factor: Double) -> Double {
        var divisor = 1.0
        for _ in 0..<decimals { divisor *= 10 }
        return mantissa * factor / divisor
    }

    /// Digits alone, as years, list markers and model numbers are written.
    var isPlainInteger: Bool { kind == .number && !grouped && decimals == 0 }

    var isCapitalised: Bool { text.first?.isUppercase == true }
}

/// Splits a text into figure tokens, working on its UTF-8 bytes: the scanner runs on
/// every paragraph of every essay, and most of a text is ASCII.
enum FigureTokenizer {
    static func tokens(of text: String) -> [FigureToken] {
        let bytes = Array(text.utf8)
        var tokens: [FigureToken] = []
        var index = 0
        var spaced = false
        var opensLine = true
        while index < bytes.count {
            let (scalar, width) = scalar(in: bytes, at: index)
            if isSpace(scalar) {
                spaced = true
                if scalar == "\n" || scalar == "\r" { opensLine = true }
                index += width
                continue
            }
            let start = index
            var token = FigureToken(kind: .symbol, text: "", lower: "", range: 0..<0, spaced: spaced, opensLine: opensLine)
            if bytes[index].isASCIIDigit {
                token.kind = .number
                index = readNumber(bytes, from: index, into: &token)
            } else if isLetter(scalar) {
                token.kind = .word
                index += width
                var ascii = scalar.isASCII
                while index < bytes.count {
                    let (next, nextWidth) = self.scalar(in: bytes, at: index)
                    guard isLetter(next) else { break }
                    ascii = ascii && next.isASCII
                    index += nextWidth
                }
                token.lower = ascii ? lowercasedASCII(bytes[start..<index]) : ""
            } else {
                index += width
            }
            token.text = String(decoding: bytes[start..<index], as: UTF8.self)
            if token.lower.isEmpty { token.lower = token.kind == .word ? token.text.lowercased() : token.text }
            token.range = start..<index
            tokens.append(token)
            spaced = false
            opensLine = false
        }
        return tokens
    }

    /// The scalar starting at `index` of well-formed UTF-8, and its width in bytes.
    private static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }

    /// Reads "250,000" and "4.24" as one number: a comma groups digits only when exactly
    /// three follow it, so "1,2" and "in 2021, 14" stay apart.
    private static func readNumber(_ bytes: [UInt8], from start: Int, into token: inout FigureToken) -> Int {
        var index = start
        var mantissa = 0.0
        func digit(at position: Int) -> Bool { position < bytes.count && bytes[position].isASCIIDigit }
        func take(_ position: Int) { mantissa = mantissa * 10 + Double(bytes[position] - UInt8(ascii: "0")) }
        while digit(at: index) {
            take(index)
            index += 1
        }
        if index - start <= 3 {
            while index < bytes.count, bytes[index] == UInt8(ascii: ","), digit(at: index + 1), digit(at: index + 2),
                  digit(at: index + 3), !digit(at: index + 4) {
                for position in index + 1...index + 3 { take(position) }
                token.grouped = true
                index += 4
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "."), digit(at: index + 1) {
            index += 1
            while digit(at: index) {
                take(index)
                token.decimals += 1
                index += 1
            }
        }
        token.mantissa = mantissa
        return index
    }

    private static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        return scalar.properties.isAlphabetic
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || ("\t"..."\r").contains(scalar) }
        return scalar.properties.isWhitespace
    }
}
