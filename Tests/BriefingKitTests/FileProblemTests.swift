import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BriefingKit

/// What a user's file system can do to a build, each said in plain words with the path.
@Suite("File problems")
struct FileProblemTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var what: String
        /// Makes the bad file `seeds/bad.txt` in the given seeds folder.
        var make: @Sendable (URL) throws -> Void
        var message: String
        var testDescription: String { what }
    }

    static let cases: [Case] = [
        Case(what: "a symbolic link loop", make: { seeds in
            try FileManager.default.createSymbolicLink(atPath: seeds.appendingPathComponent("bad.txt").path, withDestinationPath: "other")
            try FileManager.default.createSymbolicLink(atPath: seeds.appendingPathComponent("other").path, withDestinationPath: "bad.txt")
        }, message: "seeds/bad.txt: is a symbolic link that leads round in a loop; point it at a real file"),
        Case(what: "a link to nothing", make: { seeds in
            try FileManager.default.createSymbolicLink(atPath: seeds.appendingPathComponent("bad.txt").path, withDestinationPath: "missing.txt")
        }, message: "seeds/bad.txt: does not exist (or is a symbolic link to something that does not)"),
        Case(what: "a named pipe", make: { seeds in
            guard mkfifo(seeds.appendingPathComponent("bad.txt").path, 0o644) == 0 else { throw TestFailure("mkfifo failed") }
        }, message: "seeds/bad.txt: is not a regular file (a pipe, socket or device); expected a file"),
        Case(what: "a folder named like a seed", make: { seeds in
            try FileManager.default.createDirectory(at: seeds.appendingPathComponent("bad.txt"), withIntermediateDirectories: false)
        }, message: "seeds/bad.txt: is a folder, expected a file"),
        Case(what: "a file nobody may read", make: { seeds in
            let url = seeds.appendingPathComponent("bad.txt")
            try Data("- Home\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
        }, message: "seeds/bad.txt: cannot be read or written: permission denied; check its owner and mode, and its folder's"),
    ]

    @Test("each is reported at its path, in plain words", arguments: cases)
    func reported(_ testCase: Case) throws {
        // Permissions do not bind root, who runs CI here: that case is checked for others only.
        if testCase.what == "a file nobody may read", getuid() == 0 { return }
        let root = try TestSupport.sourceFolder(seeds: [:])
        defer { try? FileManager.default.removeItem(at: root) }
        try testCase.make(root.appendingPathComponent("seeds"))
        do {
            _ = try SourceTree.load(from: root)
            Issue.record("\(testCase.what) was read")
        } catch {
            #expect(error.diagnostics.map(\.description) == [testCase.message])
        }
    }

    @Test("a user's file that cannot be written is said so with its path, and nothing is left behind")
    func unwritable() throws {
        let folder = try TestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-folder/m.yml")
        do {
            try AtomicFile.write(Data("x\n".utf8), to: missing, mode: .create, shownAs: "seeds/m.yml")
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["seeds/m.yml: its folder does not exist (or is a symbolic link to something that does not); nothing was written"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
