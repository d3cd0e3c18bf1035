/// What `briefing --version` prints: the number in VERSION and, for a binary made by
/// scripts/release, the commit it was built from; any other build says it is a dev build.
enum BriefingVersion {
    static var description: String {
        guard let commit = BuildStamp.commit else { return "\(BuildStamp.version) (dev build)" }
        return "\(BuildStamp.version) (commit \(commit))"
    }
}
