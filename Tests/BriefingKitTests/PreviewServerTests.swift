import Foundation
import Testing
@testable import BriefingKit

/// The preview server, in process, on a port the system picks, serving the lakes site.
@Suite("Preview server", .serialized)
struct PreviewServerTests {
    /// Builds the lakes site, starts the server, runs `body` with a client, stops it.
    /// The stylesheet's published path, fingerprint included.
    static func stylesheet(in output: URL) throws -> String {
        let name = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("assets").path)
            .first { $0.hasPrefix("style.") && $0.hasSuffix(".css") }
        return "/assets/" + (try #require(name))
    }

    static func withServer(_ body: (RawHTTP, URL) async throws -> Void) async throws {
        let source = try TestSupport.sourceFolder(seeds: [
            "lakes.txt": Data(contentsOf: TestSupport.fixture("lakes/lakes.txt")),
            "lakes.yml": Data(contentsOf: TestSupport.fixture("lakes/lakes.yml")),
        ])
        let output = source.appendingPathComponent("Public")
        let rebuilder = SiteRebuilder(source: source, output: output, options: BuildOptions(), broadcaster: ReloadBroadcaster(),
                                      report: { _ in }, reportError: { _ in })
        #expect(await rebuilder.rebuild())
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        var server = PreviewServer(host: "127.0.0.1", port: 0, rebuilder: rebuilder)
        server.idleTimeout = .seconds(2)
        let (stops, stopSink) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            try await server.run(until: { for await _ in stops { return } }, onReady: { portSink.yield($0) })
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
        do {
            try await body(RawHTTP(port: port), output)
        } catch {
            stopSink.yield()
            _ = await task.result
            throw error
        }
        // Stopped the way Ctrl-C stops it, and waited for: each test starts clean.
        stopSink.yield()
        try await task.value
    }

    @Test("pages, assets, folders, redirects and the site's 404 page")
    func serving() async throws {
        try await Self.withServer { client, output in
            let css = try Self.stylesheet(in: output)
            let home = try client.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("<script src=\"/__briefing/reload.js\" defer></script></body>"))
            #expect(Int(home.headers["content-length"] ?? "") == home.body.count)

            let redirect = try client.get("/the-two-lakes")
            #expect(redirect.status == 301)
            #expect(redirect.headers["location"] == "/the-two-lakes/")

            let types = [css: "text/css; charset=utf-8", "/assets/favicon.svg": "image/svg+xml; charset=utf-8", "/the-two-lakes/briefing.json": "application/json; charset=utf-8",
                         "/the-two-lakes/facts.csv": "text/csv; charset=utf-8", "/__briefing/reload.js": "text/javascript; charset=utf-8"]
            for (path, type) in types {
                let reply = try client.get(path)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.headers["content-type"] == type, "\(path)")
            }

            let missing = try client.get("/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Page not found"))

            let listing = try client.get("/assets/")
            #expect(listing.status == 404, "no folder listings")
        }
    }

    @Test("ETag and Last-Modified give 304; HEAD has no body; Range gives 206")
    func caching() async throws {
        try await Self.withServer { client, output in
            let css = try Self.stylesheet(in: output)
            let first = try client.get(css)
            let etag = try #require(first.headers["etag"])
            #expect(try client.get(css, headers: ["If-None-Match": etag]).status == 304)
            let modified = try #require(first.headers["last-modified"])
            #expect(try client.get(css, headers: ["If-Modified-Since": modified]).status == 304)

            let head = try client.exchange("HEAD /the-two-lakes/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let page = try client.get("/the-two-lakes/")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.headers["content-length"] == page.headers["content-length"])

            let range = try client.get(css, headers: ["Range": "bytes=0-9"])
            #expect(range.status == 206)
            #expect(range.body == first.body.prefix(10))
        }
    }

    @Test("ranges are served as RFC 9110 says: suffixes from the end, past the end 416, the rest ignored")
    func ranges() async throws {
        try await Self.withServer { client, output in
            let css = try Self.stylesheet(in: output)
            let whole = try client.get(css).body
            let size = whole.count
            #expect(size > 100)
            func get(_ range: String, _ extra: [String: String] = [:]) throws -> RawHTTP.Reply {
                try client.get(css, headers: ["Range": range].merging(extra) { first, _ in first })
            }
            let suffix = try get("bytes=-10")
            #expect(suffix.status == 206)
            #expect(suffix.body == whole.suffix(10))
            #expect(suffix.headers["content-range"] == "bytes \(size - 10)-\(size - 1)/\(size)")
            #expect(suffix.headers["content-length"] == "10")

            let middle = try get("bytes=5-14")
            #expect(middle.status == 206 && middle.body == whole[whole.startIndex + 5..<whole.startIndex + 15])
            let open = try get("bytes=\(size - 3)-")
            #expect(open.status == 206 && open.body == whole.suffix(3))
            let beyond = try get("bytes=10-\(size + 500)")
            #expect(beyond.status == 206 && beyond.body == whole.dropFirst(10))
            #expect(beyond.headers["content-range"] == "bytes 10-\(size - 1)/\(size)")
            let longSuffix = try get("bytes=-\(size * 2)")
            #expect(longSuffix.status == 206 && longSuffix.body == whole)

            for unsatisfiable in ["bytes=\(size)-", "bytes=\(size + 5)-\(size + 9)", "bytes=-0", "bytes=99999999999999999999999-"] {
                let reply = try get(unsatisfiable)
                #expect(reply.status == 416, "\(unsatisfiable)")
                #expect(reply.headers["content-range"] == "bytes */\(size)", "\(unsatisfiable)")
                #expect(reply.body.isEmpty)
            }
            // A field a server may ignore gets the whole file.
            for ignored in ["bytes=9-5", "bytes=0-1,5-6", "items=0-5", "bytes=a-b", "bytes=-"] {
                let reply = try get(ignored)
                #expect(reply.status == 200 && reply.body == whole, "\(ignored)")
            }
            // If-Range: the range only while the file is the one the validator names. The
            // preview's ETags are weak, which If-Range never matches; its dates do.
            let headers = try client.get(css).headers
            let modified = try #require(headers["last-modified"])
            #expect(try get("bytes=0-3", ["If-Range": modified]).status == 206)
            #expect(try get("bytes=0-3", ["If-Range": "Mon, 01 Jan 2001 00:00:00 GMT"]).status == 200)
            let etag = try #require(headers["etag"])
            #expect(etag.hasPrefix("W/"))
            #expect(try get("bytes=0-3", ["If-Range": etag]).status == 200)
            // A page is its file plus the reload script: always sent whole.
            #expect(try client.get("/the-two-lakes/", headers: ["Range": "bytes=-10"]).status == 200)
        }
    }

    @Test("no way out of the site folder", arguments: [
        "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2fetc%2fpasswd", "/assets%2ffavicon.svg",
        "/..\\..\\etc\\passwd", "/assets/%5c..%5cfavicon.svg", "/index.html%00.css", "/./index.html",
    ])
    func traversal(_ path: String) async throws {
        try await Self.withServer { client, _ in
            let reply = try client.exchange("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(reply.status == 400, "\(path) gave \(reply.status)")
            #expect(!reply.text.contains("root:"))
        }
    }

    @Test("a symbolic link pointing outside the site is not followed")
    func symlinkEscape() async throws {
        try await Self.withServer { client, output in
            let outside = try TestSupport.scratchFolder().appendingPathComponent("secret.txt")
            try Data("secret".utf8).write(to: outside)
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("leak.txt"), withDestinationURL: outside)
            try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("inside.css"),
                                                       withDestinationURL: output.appendingPathComponent(String(try Self.stylesheet(in: output).dropFirst())))
            let leak = try client.get("/leak.txt")
            #expect(leak.status == 404)
            #expect(!leak.text.contains("secret"))
            #expect(try client.get("/inside.css").status == 200)
        }
    }

    @Test("malformed requests get 400, other methods 405")
    func malformed() async throws {
        try await Self.withServer { client, _ in
            let garbage = try client.exchange("GARBAGE\r\n\r\n")
            let badEncoding = try client.exchange("GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let post = try client.exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            #expect(garbage.status == 400)
            #expect(badEncoding.status == 400)
            #expect(post.status == 405)
        }
    }

    @Test("a silent client neither blocks others nor stays connected")
    func silentClient() async throws {
        try await Self.withServer { client, _ in
            let silent = try client.connect()
            defer { close(silent) }
            let partial = try client.connect()
            defer { close(partial) }
            RawHTTP.send("GET / HTTP/1.1\r\nHost: x\r\n", to: partial)
            let started = ContinuousClock.now
            #expect(try client.get("/").status == 200)
            #expect(ContinuousClock.now - started < .seconds(1))
            // The idle timeout is 2 s here: the silent connection is closed by the server.
            var byte: UInt8 = 0
            let received = recv(silent, &byte, 1, 0)
            #expect(received == 0, "the server closes an idle connection")
        }
    }
}
