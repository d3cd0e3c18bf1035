extension Duration {
    /// Whole milliseconds, as the command line tells times.
    var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
