extension UInt8 {
    /// "0" to "9": the digits figures, dates and designations are written with.
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}
