import Foundation
import Testing
@testable import BriefingKit

/// A disk that fills up while Briefing writes: a small tmpfs mounted in a user namespace of
/// its own (`unshare`), so the test needs no privilege and leaves nothing mounted.
@Suite("A full disk")
struct DiskFullTests {
    static let unshare = URL(fileURLWithPath: "/usr/bin/unshare")

    /// True where the kernel lets an unprivileged process mount a tmpfs of its own.
    static let canMountSmallDisk: Bool = {
        guard FileManager.default.isExecutableFile(atPath: unshare.path),
              let result = try? TestSupport.run(unshare, ["-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /tmp"]) else { return false }
        return result.status == 0
    }()

    /// Runs `script` with a 256 KiB disk mounted at `$1` and the briefing binary as `$2`,
    /// then lists what is left on the disk.
    static func onSmallDisk(size: String, _ script: String, arguments: [String]) throws -> TestSupport.RunResult {
        let disk = try TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: disk) }
        let wrapped = """
        mount -t tmpfs -o size=\(size) tmpfs "$1" || exit 99
        cd "$1"
        \(script)
        status=$?
        echo "left: $(find . -mindepth 1 | sort | tr '\\n' ' ')"
        exit $status
        """
        return try TestSupport.run(unshare, ["-rm", "sh", "-c", wrapped, "sh", disk.path, TestSupport.briefingExecutable.path] + arguments)
    }

    @Test("a build that fills the disk says so and leaves the last site", .enabled(if: canMountSmallDisk))
    func build() throws {
        let source = try TestSupport.sourceFolder(seeds: [
            "essay.txt": Data(contentsOf: TestSupport.seedURL),
            "essay.yml": Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("seeds/000_5c98944540f2f0af.yml")),
            "entities.yml": Data(contentsOf: TestSupport.packageRoot.appendingPathComponent("seeds/entities.yml")),
        ])
        defer { try? FileManager.default.removeItem(at: source) }
        // The last good site is one page; the new one needs far more than the disk holds.
        let result = try Self.onSmallDisk(size: "256k", """
            mkdir Public && printf 'the last good site\\n' > Public/index.html
            "$2" build --source "$3" --output "$1/Public" --quiet
            status=$?
            cat Public/index.html
            (exit $status)
            """, arguments: [source.path])
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardError.contains("/Public: the new site cannot be written: the disk is full (at "), "\(result.standardError)")
        #expect(result.standardError.contains("; the last site is left as it was"))
        #expect(result.standardOutput.contains("the last good site\n"))
        #expect(result.standardOutput.contains("left: ./Public ./Public/index.html \n"), "\(result.standardOutput)")
    }

    @Test("a draft that fills the disk says so and writes no model", .enabled(if: canMountSmallDisk))
    func draft() throws {
        let seed = TestSupport.seedURL
        // The essay fits; the model drafted from it does not.
        let result = try Self.onSmallDisk(size: "64k", """
            mkdir seeds && cp "$3" seeds/essay.txt
            "$2" draft seeds/essay.txt
            """, arguments: [seed.path])
        #expect(result.status == 1, "\(result.standardError)")
        // The register, written first, is where the disk fills.
        #expect(result.standardError.contains("seeds/entities.yml: cannot be written: the disk is full; nothing was written"), "\(result.standardError)")
        #expect(result.standardOutput.contains("left: ./seeds ./seeds/essay.txt \n"), "\(result.standardOutput)")
    }
}
