import Foundation
import Testing
@testable import BriefingKit

/// A build killed at any moment leaves no half-written file: a build that makes the whole
/// site leaves the old site or the new one; one that updates the last site in place (its
/// cache found the output as it left it) may leave, for the few renames it takes, some
/// pages new and some old, each whole. The next build brings the site up to date and
/// clears what the killed one left behind.
@Suite("Atomic output", .serialized)
struct AtomicOutputTests {
    @Test("SIGKILL at random moments never leaves a half-written site")
    func killedBuilds() throws {
        let seed = try String(contentsOf: TestSupport.seedURL, encoding: .utf8)
        let variants = [seed, seed.replacingOccurrences(of: "An untold number of", with: "A killed number of")]
        let source = try TestSupport.sourceFolder(seeds: ["essay.txt": Data(variants[0].utf8)])
        let seedFile = source.appendingPathComponent("seeds/essay.txt")
        let output = source.appendingPathComponent("Public")
        let executable = try TestSupport.briefingExecutable

        // The two complete sites a build can leave.
        var sites: [[String: Data]] = []
        for variant in variants {
            try Data(variant.utf8).write(to: seedFile)
            #expect(try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"]).status == 0)
            sites.append(try TestSupport.snapshot(of: output))
        }
        #expect(sites[0] != sites[1])

        var generator = SystemRandomNumberGenerator()
        var killedMidway = 0
        for round in 0..<24 {
            try Data(variants[round % 2].utf8).write(to: seedFile)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["build", "--source", source.path, "--quiet"]
            try process.run()
            usleep(UInt32.random(in: 0...250_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            let left = try TestSupport.snapshot(of: output)
            #expect(left.keys.sorted() == sites[0].keys.sorted(), "round \(round): the output has other files than both sites")
            for (path, data) in left where data != sites[0][path] && data != sites[1][path] {
                Issue.record("round \(round): \(path) is in neither site: half-written")
            }
            // Whatever was left, the next build makes the site of the seed as it is now.
            #expect(try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"]).status == 0)
            #expect(try TestSupport.snapshot(of: output) == sites[round % 2], "round \(round): the next build did not mend the site")
        }
        #expect(killedMidway > 0, "no build was killed before it finished")

        #expect(try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.contains("briefing-") && $0 != ".briefing-cache" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
