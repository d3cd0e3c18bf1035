/// The version of Briefing this library belongs to. It is written into the build cache, so
/// that a cache made by another version is not trusted. A release sets it here, and only
/// here; `briefing --version` prints it.
public enum BriefingVersion {
    public static let current = "0.1.0-dev"
}
