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

enum FigureTokenizer {
    static func tokens(of text: String) -> [FigureToken] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var tokens: [FigureToken] = []
        var index = 0
        var spaced = false
        var opensLine = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                spaced = true
                if scalar == "\n" || scalar == "\r" { opensLine = true }
                index += 1
                continue
            }
            let start = index
            var token = FigureToken(kind: .symbol, text: "", lower: "", range: 0..<0, spaced: spaced, opensLine: opensLine)
            if isDigit(scalar) {
                token.kind = .number
                index = readNumber(scalars, from: index, into: &token)
            } else if isLetter(scalar) {
                token.kind = .word
                while index < scalars.count, isLetter(scalars[index]) { index += 1 }
            } else {
                index += 1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<index])
            token.text = String(view)
            token.lower = token.kind == .word ? token.text.lowercased() : token.text
            token.range = offsets[start]..<offsets[index]
            tokens.append(token)
            spaced = false
            opensLine = false
        }
        return tokens
    }

    /// Reads "250,000" and "4.24" as one number: a comma groups digits only when exactly
    /// three follow it, so "1,2" and "in 2021, 14" stay apart.
    private static func readNumber(_ scalars: [Unicode.Scalar], from start: Int, into token: inout FigureToken) -> Int {
        var index = start
        var digits = ""
        func digit(at position: Int) -> Bool { position < scalars.count && isDigit(scalars[position]) }
        while digit(at: index) {
            digits.unicodeScalars.append(scalars[index])
            index += 1
        }
        if index - start <= 3 {
            while index < scalars.count, scalars[index] == ",", digit(at: index + 1), digit(at: index + 2), digit(at: index + 3),
                  !digit(at: index + 4) {
                for position in index + 1...index + 3 { digits.unicodeScalars.append(scalars[position]) }
                token.grouped = true
                index += 4
            }
        }
        if index < scalars.count, scalars[index] == ".", digit(at: index + 1) {
            index += 1
            while digit(at: index) {
                digits.unicodeScalars.append(scalars[index])
                token.decimals += 1
                index += 1
            }
        }
        token.mantissa = Double(digits) ?? 0
        return index
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }
}
