import Foundation
import Testing

@Suite("briefing --version")
struct VersionTests {
    /// The VersionStamper tool the StampVersion plugin runs, built beside `briefing`.
    static var stamper: URL {
        get throws {
            let url = try TestSupport.briefingExecutable.deletingLastPathComponent().appendingPathComponent("VersionStamper")
            guard FileManager.default.isExecutableFile(atPath: url.path) else { throw TestFailure("VersionStamper was not built") }
            return url
        }
    }

    @Test("prints the number in VERSION and whether it is a dev build or the commit of a release")
    func printsVersion() throws {
        let versionFile = TestSupport.packageRoot.appendingPathComponent("VERSION")
        let version = try String(contentsOf: versionFile, encoding: .utf8).trimmingCharacters(in: .newlines)
        let result = try TestSupport.runBriefing(["--version"])
        #expect(result.status == 0, "\(result.standardError)")
        let line = result.standardOutput.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("\(version) ("), "\(line)")
        #expect(line.wholeMatch(of: /[^ ]+ \((dev build|commit [0-9a-f]{7,40}(-dirty)?)\)/) != nil, "\(line)")
    }

    @Test("stamps a version with a pre-release part, with and without a commit")
    func stampsSource() throws {
        let folder = try TestSupport.scratchFolder()
        let versionFile = folder.appendingPathComponent("VERSION")
        let output = folder.appendingPathComponent("BuildStamp.swift")
        try Data("2.10.0-rc.1\n".utf8).write(to: versionFile)

        let dev = try TestSupport.run(try Self.stamper, [versionFile.path, output.path, ""])
        #expect(dev.status == 0, "\(dev.standardError)")
        let devSource = try String(contentsOf: output, encoding: .utf8)
        #expect(devSource.contains(#"static let version = "2.10.0-rc.1""#))
        #expect(devSource.contains("static let commit: String? = nil"))

        let release = try TestSupport.run(try Self.stamper, [versionFile.path, output.path, "0123abc-dirty"])
        #expect(release.status == 0, "\(release.standardError)")
        #expect(try String(contentsOf: output, encoding: .utf8).contains(#"static let commit: String? = "0123abc-dirty""#))
    }

    @Test("refuses a VERSION that is not a version, with its file and line, and a commit that is not one")
    func refusesBadInput() throws {
        let folder = try TestSupport.scratchFolder()
        let versionFile = folder.appendingPathComponent("VERSION")
        let output = folder.appendingPathComponent("BuildStamp.swift")

        try Data("release 3\n".utf8).write(to: versionFile)
        let notVersion = try TestSupport.run(try Self.stamper, [versionFile.path, output.path, ""])
        #expect(notVersion.status == 1)
        #expect(notVersion.standardError.hasPrefix("\(versionFile.path):1:1: "), "\(notVersion.standardError)")

        try Data("1.0.0\n\nnotes\n".utf8).write(to: versionFile)
        let twoLines = try TestSupport.run(try Self.stamper, [versionFile.path, output.path, ""])
        #expect(twoLines.status == 1)
        #expect(twoLines.standardError.hasPrefix("\(versionFile.path):3:1: "), "\(twoLines.standardError)")

        try Data("1.0.0\n".utf8).write(to: versionFile)
        let badCommit = try TestSupport.run(try Self.stamper, [versionFile.path, output.path, "HEAD; rm -rf /"])
        #expect(badCommit.status == 1)
        #expect(badCommit.standardError.contains("BRIEFING_COMMIT"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
