import Foundation
import Testing
@testable import BriefingKit

/// `briefing serve` as a user runs it: edits to a seed, a model and a template reach the
/// browser, a broken model keeps the old page and reports the error, Ctrl-C stops it.
@Suite("briefing serve end to end", .serialized)
struct ServeEndToEndTests {
    final class ServeProcess {
        let process = Process()
        let output = Pipe()
        var port = 0
        /// What the server printed so far.
        var printed = ""

        init(source: URL, arguments: [String] = []) throws {
            process.executableURL = try TestSupport.briefingExecutable
            process.arguments = ["serve", "--source", source.path, "--port", "0"] + arguments
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while port == 0, Date() < deadline {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                printed += String(decoding: chunk, as: UTF8.self)
                if let match = printed.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//) { port = Int(match.output.1) ?? 0 }
            }
            guard port != 0 else { throw TestFailure("serve did not start: \(printed)") }
        }

        /// Reads what the server prints until `text` has appeared `times` times in all, or
        /// `seconds` pass; true if it did.
        func readOutput(until text: String, times: Int, seconds: Int = 20) -> Bool {
            let deadline = Date().addingTimeInterval(TimeInterval(seconds))
            while printed.components(separatedBy: text).count - 1 < times, Date() < deadline {
                _ = readOutput(until: "\u{0}", seconds: 1)
            }
            return printed.components(separatedBy: text).count - 1 >= times
        }

        /// Reads what the server prints until `text` appears or `seconds` pass; true if it did.
        func readOutput(until text: String, seconds: Int = 20) -> Bool {
            let descriptor = output.fileHandleForReading.fileDescriptor
            let deadline = Date().addingTimeInterval(TimeInterval(seconds))
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !printed.contains(text), Date() < deadline {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 100) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                printed += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            return printed.contains(text)
        }

        func stop() -> Int32 {
            process.interrupt()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// Reads server-sent events from an open stream until one named `name` arrives.
    static func waitForEvent(_ name: String, on socketFD: Int32, seconds: Int = 20) -> String? {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 8192)
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
            if count <= 0 { continue }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
            if let range = text.range(of: "event: \(name)\n") {
                let rest = text[range.upperBound...]
                if let end = rest.range(of: "\n\n") { return String(rest[..<end.lowerBound]) }
            }
        }
        return nil
    }

    static func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try save(text.replacingOccurrences(of: old, with: new), to: file)
    }

    /// Like an editor: writes a temporary file, then renames it over the original.
    static func save(_ text: String, to file: URL) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).tmp")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else { throw TestFailure("rename failed: \(errno)") }
    }

    @Test("edits are served after the reload event; a broken model keeps the old page")
    func editCycle() async throws {
        let source = try TestSupport.sourceFolder(seeds: [
            "lakes.txt": Data(contentsOf: TestSupport.fixture("lakes/lakes.txt")),
            "lakes.yml": Data(contentsOf: TestSupport.fixture("lakes/lakes.yml")),
        ])
        let server = try ServeProcess(source: source)
        let client = RawHTTP(port: server.port)
        let events = try client.connect()
        defer { close(events) }
        RawHTTP.send("GET /__briefing/events HTTP/1.1\r\nHost: x\r\n\r\n", to: events)
        #expect(Self.waitForEvent("reload", on: events, seconds: 1) == nil)

        // A seed edit.
        try Self.replace("Nobody expects the river", with: "Nobody believes the river", in: source.appendingPathComponent("seeds/lakes.txt"))
        #expect(Self.waitForEvent("reload", on: events) != nil)
        #expect(try client.get("/the-two-lakes/").text.contains("Nobody believes the river"))

        // A broken model: the error reaches the page, the old page stays.
        let model = source.appendingPathComponent("seeds/lakes.yml")
        try Self.replace("quote: \"draws 40 percent of its water from it\"", with: "quote: \"draws 45 percent\"", in: model)
        let error = Self.waitForEvent("build-error", on: events)
        #expect(error?.contains("data: seeds/lakes.yml:") == true, "\(error ?? "no event")")
        #expect(error?.contains("quote of fact 'water-share' not found") == true)
        let page = try client.get("/the-two-lakes/")
        #expect(page.status == 200 && page.text.contains("Nobody believes the river"))

        // Fixing it reloads; so does a template edit.
        try Self.replace("quote: \"draws 45 percent\"", with: "quote: \"draws 40 percent of its water from it\"", in: model)
        #expect(Self.waitForEvent("reload", on: events) != nil)
        let template = source.appendingPathComponent("Templates/briefing.mustache")
        try Self.save(String(contentsOf: template, encoding: .utf8) + "<!-- edited: {{title}} -->\n", to: template)
        #expect(Self.waitForEvent("reload", on: events) != nil)
        #expect(try client.get("/the-two-lakes/").text.contains("<!-- edited: The Two Lakes -->"))

        #expect(server.stop() == 0)
        #expect(throws: (any Error).self) { try client.get("/") }
    }

    @Test("serve prints each rebuild: what changed, how long it took and how many files changed")
    func rebuildLines() throws {
        let source = try TestSupport.sourceFolder(seeds: [
            "lakes.txt": Data(contentsOf: TestSupport.fixture("lakes/lakes.txt")),
            "lakes.yml": Data(contentsOf: TestSupport.fixture("lakes/lakes.yml")),
        ])
        let server = try ServeProcess(source: source)
        #expect(server.printed.contains(/rebuilt the site in \d+ ms \(\d+ of \d+ files changed\)\n/), "\(server.printed)")
        try Self.replace("Nobody expects the river", with: "Nobody believes the river", in: source.appendingPathComponent("seeds/lakes.txt"))
        #expect(server.readOutput(until: "rebuilt seeds/lakes.txt in"), "\(server.printed)")
        #expect(server.printed.contains(/rebuilt seeds\/lakes\.txt in \d+ ms \([1-9]\d* of \d+ files changed\)\n/), "\(server.printed)")
        #expect(server.stop() == 0)
    }

    @Test("a port in use gives a clear error")
    func portInUse() async throws {
        let source = try TestSupport.sourceFolder(seeds: ["lakes.txt": Data(contentsOf: TestSupport.fixture("lakes/lakes.txt"))])
        let server = try ServeProcess(source: source)
        let second = try TestSupport.runBriefing(["serve", "--source", source.path, "--port", String(server.port)])
        #expect(second.status == 1)
        #expect(second.standardError.contains("port \(server.port) on 127.0.0.1 is already in use; choose another with --port"))
        #expect(server.stop() == 0)
    }
}
