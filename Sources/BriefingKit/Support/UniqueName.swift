extension Set<String> {
    /// `base`, or `base-2`, `base-3`… the first not yet in the set, which it then holds:
    /// how section ids and drafted ids stay unique while reading as their words.
    mutating func claimUnique(_ base: String) -> String {
        var candidate = base
        var counter = 2
        while contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        insert(candidate)
        return candidate
    }
}
