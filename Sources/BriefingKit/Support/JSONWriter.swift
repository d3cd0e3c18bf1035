/// A value that writes itself as JSON. Objects write their keys in UTF-8 byte order,
/// which is the order `JSONEncoder` with `.sortedKeys` gives on Linux, so that the
/// exports stay byte-identical to what earlier versions wrote.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

/// Writes JSON as UTF-8 bytes, laid out exactly as Foundation's `JSONEncoder` lays it
/// out with sorted keys and unescaped slashes. `Encodable` goes through existentials,
/// dynamic casts and intermediate boxes, which a site's exports pay for on every value;
/// this writes each byte once.
struct JSONWriter {
    enum Format {
        /// One value per line, two spaces per level, `"key" : value`.
        case pretty
        /// No white space at all.
        case compact
        /// Compact, with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026`,
        /// which JSON reads the same: text from a seed or a model embedded in a
        /// `<script>` element can then neither end the element nor open a comment in it.
        case script
    }

    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private let escapesMarkup: Bool
    private var depth = 0
    /// Whether the innermost open array or object has no member yet.
    private var isFirstMember = true

    init(format: Format) {
        pretty = format == .pretty
        escapesMarkup = format == .script
    }

    static func bytes(of value: some JSONWritable, format: Format) -> [UInt8] {
        var writer = JSONWriter(format: format)
        value.write(to: &writer)
        return writer.bytes
    }

    // MARK: Containers

    /// An object whose body writes its members with `field`, in ascending key order.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<Elements: Sequence>(_ elements: Elements) where Elements.Element: JSONWritable {
        open(UInt8(ascii: "["))
        for element in elements {
            beginMember()
            element.write(to: &self)
        }
        close(UInt8(ascii: "]"))
    }

    /// A dictionary as an object, its keys sorted by their UTF-8 bytes.
    mutating func object<Value: JSONWritable>(_ dictionary: [String: Value]) {
        let sorted = dictionary.sorted { Self.precedes($0.key, $1.key) }
        object { json in
            for (key, value) in sorted {
                json.beginMember()
                json.string(key)
                json.separateKey()
                value.write(to: &json)
            }
        }
    }

    /// UTF-8 byte order, compared on the strings' own storage, which is quicker than
    /// going through `String.UTF8View` one byte at a time.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        var left = left, right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in leftBytes.lexicographicallyPrecedes(rightBytes) }
        }
    }

    // MARK: Members of an object

    /// `name` is a literal key that needs no escaping.
    mutating func field(_ name: StaticString, _ value: some JSONWritable) {
        key(name)
        value.write(to: &self)
    }

    /// Nothing at all when `value` is nil, as a synthesized `Encodable` conformance does.
    mutating func field(_ name: StaticString, _ value: (some JSONWritable)?) {
        guard let value else { return }
        field(name, value)
    }

    private mutating func key(_ name: StaticString) {
        beginMember()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        separateKey()
    }

    // MARK: Scalars

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if written == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// As `JSONEncoder` writes a `Double`: Swift's shortest round-tripping form without a
    /// trailing `.0`, so `400000000`, `0.5`, `1e+20`, `-0`. JSON cannot hold NaN or
    /// infinity; callers that may see them reject them first, and `null` stands in here.
    mutating func number(_ value: Double) {
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        let text = value.description
        bytes.append(contentsOf: text.hasSuffix(".0") ? text.utf8.dropLast(2) : text.utf8[...])
    }

    /// As `number` writes the integer as a `Double`: every integer of magnitude below 2^53
    /// is exact there, and written as its own digits and `.0`, which `number` drops. Its
    /// digits are written straight, without the trip through `Double`.
    mutating func integer(_ value: Int) {
        guard value.magnitude < 1 << 53 else { return number(Double(value)) }
        bytes.append(contentsOf: String(value).utf8)
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        depth += 1
        isFirstMember = true
    }

    /// Foundation closes even an empty container on a line of its own: `[\n\n]`.
    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent()
        }
        bytes.append(bracket)
        isFirstMember = false
    }

    private mutating func beginMember() {
        if !isFirstMember {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
        }
        isFirstMember = false
        if pretty { indent() }
    }

    private mutating func separateKey() {
        if pretty {
            bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: " ")])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Bytes that may need an escape: most bytes of a text need none, and one table look-up
    /// lets the loop pass them by.
    private static let mayNeedEscape = ByteSearch.table { $0 < 0x20 || "\"\\<>&".utf8.contains($0) }

    /// Copies runs of plain bytes whole; escapes what `JSONEncoder` escapes: quote,
    /// backslash and the control characters below U+0020 (`\b \f \n \r \t` by name, the
    /// rest as `\u00XX` in lowercase hex), plus `<`, `>` and `&` for a script.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        Self.mayNeedEscape.withUnsafeBufferPointer { table in appendEscaped(text, table: table) }
    }

    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<Bool>) {
        var runStart = 0
        for index in text.indices {
            let byte = text[index]
            guard table[Int(byte)] else { continue }
            // The letter after the backslash, or nil for a `\u00XX` escape.
            let named: UInt8?
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): named = byte
            case 0x08: named = UInt8(ascii: "b")
            case 0x0C: named = UInt8(ascii: "f")
            case UInt8(ascii: "\n"): named = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): named = UInt8(ascii: "r")
            case UInt8(ascii: "\t"): named = UInt8(ascii: "t")
            case 0x00..<0x20: named = nil
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                guard escapesMarkup else { continue }
                named = nil
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            runStart = index + 1
            if let named {
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(named)
            } else {
                appendUnicodeEscape(byte)
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }

    private mutating func appendUnicodeEscape(_ byte: UInt8) {
        let hexDigits: StaticString = "0123456789abcdef"
        bytes.append(contentsOf: "\\u00".utf8)
        hexDigits.withUTF8Buffer { digits in
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
    }
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Double: JSONWritable {
    func write(to json: inout JSONWriter) { json.number(self) }
}

extension Int: JSONWritable {
    func write(to json: inout JSONWriter) { json.integer(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) { json.array(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    func write(to json: inout JSONWriter) { json.object(self) }
}
