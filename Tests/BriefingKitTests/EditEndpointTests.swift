import Foundation
import Testing
@testable import BriefingKit

/// `briefing serve --edit` as a page and as an attacker use it: an edit from the page
/// changes only its item's lines and the rebuilt page shows it; anything not from the
/// preview's own pages is refused and writes nothing.
@Suite("serve --edit endpoints", .serialized)
struct EditEndpointTests {
    typealias ServeProcess = ServeEndToEndTests.ServeProcess

    static let slug = "the-two-lakes"

    static func lakesSource() throws -> URL {
        try TestSupport.sourceFolder(seeds: [
            "lakes.txt": Data(contentsOf: TestSupport.fixture("lakes/lakes.txt")),
            "lakes.yml": Data(contentsOf: TestSupport.fixture("lakes/lakes.yml")),
        ])
    }

    /// The page as the preview serves it, with the editor's token and the hashes of the
    /// model and the register.
    struct Page {
        var token: String
        var modelHash: String
        var registerHash: String
        var html: String

        init(_ client: RawHTTP, port: Int, slug: String = EditEndpointTests.slug) throws {
            html = try client.exchange("GET /\(slug)/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n").text
            let script = try #require(HTMLPage(html).all("script").first { $0.attributes["data-token"] != nil })
            token = script.attributes["data-token"] ?? ""
            modelHash = script.attributes["data-model-hash"] ?? ""
            registerHash = script.attributes["data-register-hash"] ?? ""
            #expect(script.attributes["data-briefing"] == slug)
        }
    }

    /// A preview started with --edit on `source`, and the page of one briefing as it serves it.
    final class EditingPreview {
        let source: URL
        let server: ServeProcess
        let client: RawHTTP
        let slug: String
        let modelURL: URL
        var page: Page

        init(_ source: URL, slug: String, model: String) throws {
            self.source = source
            self.slug = slug
            server = try ServeProcess(source: source, arguments: ["--edit"])
            client = RawHTTP(port: server.port)
            modelURL = source.appendingPathComponent(model)
            page = try Page(client, port: server.port, slug: slug)
        }

        deinit {
            _ = server.stop()
            try? FileManager.default.removeItem(at: source)
        }

        var port: Int { server.port }
        var modelBytes: Data { (try? Data(contentsOf: modelURL)) ?? Data() }

        /// Sends `body` to the endpoint `name` as the page would, with `changes` to its headers.
        func post(_ name: String, _ body: String, headers changes: [String: String?] = [:]) throws -> RawHTTP.Reply {
            try client.exchange(EditEndpointTests.post("/__briefing/edit/\(name)", body, port: port, token: page.token, headers: changes))
        }

        /// How many rebuilds after a change to a source the server has told of so far.
        private var rebuilds = 0

        /// The page again, once the preview has rebuilt after `file` changed.
        func reloaded(after file: String) throws -> Page {
            rebuilds += 1
            #expect(server.readOutput(until: "rebuilt \(file)", times: rebuilds))
            page = try Page(client, port: port, slug: slug)
            return page
        }
    }

    /// A POST as a page of the preview sends it, with `changes` to its headers.
    static func post(_ path: String, _ body: String, port: Int, token: String, headers changes: [String: String?] = [:]) -> String {
        var headers: [String: String?] = ["Host": "127.0.0.1:\(port)", "Origin": "http://127.0.0.1:\(port)",
                                          "Content-Type": "application/json", "X-Briefing-Token": token]
        headers.merge(changes) { _, new in new }
        let lines = headers.compactMap { key, value in value.map { "\(key): \($0)\r\n" } }.sorted().joined()
        return "POST \(path) HTTP/1.1\r\n\(lines)Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    static func json(_ reply: RawHTTP.Reply) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] ?? [:]
    }

    /// A news report by another writer, with a short model of its own.
    static func strikeSource() throws -> URL {
        let model = """
            # Written by hand.
            entities:
              - id: port-of-rotterdam
                name: Port of Rotterdam
                kind: place
                aliases: [Port of Rotterdam]
            facts:
              - id: dock-workers
                figure: "about 4,500"
                label: "Dock workers who stopped work"
                quote: "about 4,500 dock workers"

            """
        return try TestSupport.sourceFolder(seeds: [
            "strike.txt": Data(contentsOf: TestSupport.fixture("essays/port-strike.txt")), "strike.yml": Data(model.utf8),
        ])
    }

    @Test("an added fact is appended to the model, every other byte kept, and the rebuilt page shows its box")
    func addFact() throws {
        let slug = "dockers-walk-out-at-rotterdam"
        let preview = try EditingPreview(Self.strikeSource(), slug: slug, model: "seeds/strike.yml")
        let page = preview.page
        let before = String(decoding: preview.modelBytes, as: UTF8.self)

        // Part-words at both ends: the quote is the whole words they touch.
        let suggestion = Self.json(try preview.post("suggest",
            #"{"briefing": "dockers-walk-out-at-rotterdam", "paragraphID": "p-2", "text": "andles about 440m tonn"}"#))
        #expect(suggestion["quote"] as? String == "handles about 440m tonnes")
        #expect(suggestion["unique"] as? Bool == true)
        #expect((suggestion["figure"] as? String)?.contains("440m tonnes") == true, "\(suggestion)")
        #expect(suggestion["value"] as? Double == 440_000_000)
        #expect(suggestion["unit"] as? String == "tonnes")

        let add = """
            {"briefing": "\(slug)", "modelHash": "\(page.modelHash)", "action": "add", "kind": "fact",
             "item": {"id": "cargo-a-year", "figure": "440m tonnes", "label": "Cargo the port handles a year",
                      "quote": "handles about 440m tonnes", "value": 440000000, "unit": "tonnes", "entities": ["port-of-rotterdam"]}}
            """
        let reply = try preview.post("apply", add)
        #expect(reply.status == 200, "\(reply.text)")
        let after = String(decoding: preview.modelBytes, as: UTF8.self)
        // The new item follows the last fact; nothing else moved.
        #expect(after == before + """
              - id: cargo-a-year
                figure: "440m tonnes"
                label: "Cargo the port handles a year"
                quote: "handles about 440m tonnes"
                entities: [port-of-rotterdam]
                value: 440000000
                unit: "tonnes"

            """)
        #expect(Self.json(reply)["modelHash"] as? String == BriefingFiles.hash(of: Data(after.utf8)))

        let rebuilt = try preview.reloaded(after: "seeds/strike.yml")
        #expect(HTMLPage(rebuilt.html).element(id: Anchor.factBox("cargo-a-year").id) != nil)
        #expect(rebuilt.modelHash == BriefingFiles.hash(of: Data(after.utf8)))
    }

    @Test("a page the preview took from the build cache carries its model's hash, so an edit from it is not refused as stale")
    func pageFromCache() throws {
        let source = try Self.lakesSource()
        let build = try TestSupport.runBriefing(["build", "--source", source.path, "--quiet"])
        #expect(build.status == 0, "\(build.standardError)")
        let preview = try EditingPreview(source, slug: Self.slug, model: "seeds/lakes.yml")
        #expect(preview.page.modelHash == BriefingFiles.hash(of: preview.modelBytes))
    }

    @Test("editing, removing, accepting and dismissing change only their item's lines; a new name goes to the register")
    func changeItems() throws {
        let slug = "dockers-walk-out-at-rotterdam"
        let source = try Self.strikeSource()
        let model = source.appendingPathComponent("seeds/strike.yml")
        // The hand-written fact is marked for review too.
        var text = try String(contentsOf: model, encoding: .utf8)
            .replacingOccurrences(of: "    quote: \"about 4,500 dock workers\"\n", with: "    quote: \"about 4,500 dock workers\"\n    review: true\n")
        text += """
              - id: cargo
                figure: "440m tonnes"
                label: "Cargo a year"
                quote: "handles about 440m tonnes"
                review: true
              - id: vessels
                figure: "12 vessels"
                label: "Vessels diverted"
                quote: "diverted 12 vessels"
                review: true

            """
        try Data(text.utf8).write(to: model)
        let preview = try EditingPreview(source, slug: slug, model: "seeds/strike.yml")
        func body(_ action: String, _ kind: String, id: String, item: String, accept: Bool = false) -> String {
            #"{"briefing": "\#(slug)", "modelHash": "\#(preview.page.modelHash)", "registerHash": "\#(preview.page.registerHash)", "action": "\#(action)", "kind": "\#(kind)", "id": "\#(id)", "accept": \#(accept), "item": \#(item)}"#
        }
        func apply(_ action: String, _ kind: String, id: String, item: String = "null", accept: Bool = false) throws -> String {
            let reply = try preview.post("apply", body(action, kind, id: id, item: item, accept: accept))
            #expect(reply.status == 200, "\(action) \(id): \(reply.text)")
            _ = try preview.reloaded(after: "seeds/")
            return String(decoding: preview.modelBytes, as: UTF8.self)
        }
        var expected = text.replacingOccurrences(of: "    quote: \"handles about 440m tonnes\"\n    review: true\n", with: "    quote: \"handles about 440m tonnes\"\n")
        #expect(try apply("accept", "fact", id: "cargo") == expected)
        // Editing a drafted item leaves it marked (it can still be dismissed): only accepting
        // it, or ticking the form's Reviewed box, says it was reviewed.
        expected = expected.replacingOccurrences(of: "    label: \"Vessels diverted\"\n", with: "    label: \"Ships sent to other ports\"\n")
        #expect(try apply("update", "fact", id: "vessels",
                          item: #"{"id": "vessels", "figure": "12 vessels", "label": "Ships sent to other ports", "quote": "diverted 12 vessels"}"#) == expected)
        expected = expected.replacingOccurrences(of: "  - id: vessels\n    figure: \"12 vessels\"\n    label: \"Ships sent to other ports\"\n    quote: \"diverted 12 vessels\"\n    review: true\n", with: "")
        #expect(try apply("dismiss", "fact", id: "vessels") == expected)
        let updated = try apply("update", "fact", id: "cargo",
                                item: #"{"id": "cargo", "figure": "about 440m tonnes", "label": "Cargo the port handles a year", "quote": "handles about 440m tonnes", "value": 440000000, "unit": "tonnes"}"#)
        expected = expected.replacingOccurrences(of: "    figure: \"440m tonnes\"\n    label: \"Cargo a year\"\n    quote: \"handles about 440m tonnes\"\n",
                                                 with: "    figure: \"about 440m tonnes\"\n    label: \"Cargo the port handles a year\"\n    quote: \"handles about 440m tonnes\"\n    value: 440000000\n    unit: \"tonnes\"\n")
        #expect(updated == expected)
        let reviewed = try apply("update", "fact", id: "dock-workers",
                                 item: #"{"id": "dock-workers", "figure": "about 4,500", "label": "Dock workers on strike", "quote": "about 4,500 dock workers"}"#,
                                 accept: true)
        expected = expected.replacingOccurrences(of: "    label: \"Dock workers who stopped work\"\n    quote: \"about 4,500 dock workers\"\n    review: true\n",
                                                 with: "    label: \"Dock workers on strike\"\n    quote: \"about 4,500 dock workers\"\n")
        #expect(reviewed == expected)
        expected = expected.replacingOccurrences(of: "  - id: dock-workers\n    figure: \"about 4,500\"\n    label: \"Dock workers on strike\"\n    quote: \"about 4,500 dock workers\"\n", with: "")
        #expect(try apply("remove", "fact", id: "dock-workers") == expected)

        // A spelling for an entity the model defines goes to its aliases; a new name to the register.
        let aliased = try apply("add", "alias", id: "port-of-rotterdam", item: #"{"alias": "Rotterdam"}"#)
        #expect(aliased == expected.replacingOccurrences(of: "aliases: [Port of Rotterdam]", with: "aliases: [Port of Rotterdam, \"Rotterdam\"]"))
        let named = try apply("add", "entity", id: "", item: #"{"id": "ing", "name": "ING", "kind": "organisation", "aliases": ["ING"]}"#)
        #expect(named.contains("  - ing\n"))
        let registerURL = source.appendingPathComponent("seeds/entities.yml")
        let register = try String(contentsOf: registerURL, encoding: .utf8)
        #expect(register == "entities:\n  - id: ing\n    name: \"ING\"\n    kind: organisation\n    aliases: [\"ING\"]\n")

        // A name edited from a page made before someone else changed the register is refused:
        // saving it would undo their change.
        let changedElsewhere = register + "  - id: abn-amro\n    name: \"ABN AMRO\"\n    kind: organisation\n    aliases: [\"ABN AMRO\"]\n"
        try Data(changedElsewhere.utf8).write(to: registerURL)
        let refused = try preview.post("apply", body("update", "entity", id: "ing",
                                                     item: #"{"id": "ing", "name": "ING Groep", "kind": "organisation", "aliases": ["ING"]}"#))
        #expect(refused.status == 409, "\(refused.text)")
        #expect(refused.text.contains("register"))
        #expect(try String(contentsOf: registerURL, encoding: .utf8) == changedElsewhere)
    }

    @Test("a save against a changed model, or one the validator refuses, writes nothing and says why")
    func refusedEdits() throws {
        let preview = try EditingPreview(Self.lakesSource(), slug: Self.slug, model: "seeds/lakes.yml")
        let page = preview.page
        let before = preview.modelBytes

        let missingQuote = """
            {"briefing": "the-two-lakes", "modelHash": "\(page.modelHash)", "action": "add", "kind": "fact",
             "item": {"id": "made-up", "figure": "9 lakes", "label": "Lakes", "quote": "nine lakes in all"}}
            """
        let invalid = try preview.post("apply", missingQuote)
        #expect(invalid.status == 422)
        #expect((Self.json(invalid)["error"] as? String)?.contains("quote of fact 'made-up' not found") == true, "\(invalid.text)")

        let stale = missingQuote.replacingOccurrences(of: page.modelHash, with: "0000000000000000")
        let conflict = try preview.post("apply", stale)
        #expect(conflict.status == 409)
        #expect(Self.json(conflict)["error"] as? String == "the model changed since this page was loaded: reload")
        #expect(preview.modelBytes == before)
    }

    @Test("requests that do not come from the preview's own pages are refused and write nothing")
    func hostileRequests() throws {
        let preview = try EditingPreview(Self.lakesSource(), slug: Self.slug, model: "seeds/lakes.yml")
        let page = preview.page
        let before = preview.modelBytes
        let port = preview.port
        let body = """
            {"briefing": "the-two-lakes", "modelHash": "\(page.modelHash)", "action": "add", "kind": "event",
             "item": {"id": "hostile", "when": "2019", "title": "Written by an attacker", "quote": "The Ostrava council met in 2019"}}
            """
        let attempts: [(what: String, request: String, status: Int)] = [
            ("no token", Self.post("/__briefing/edit/apply", body, port: port, token: page.token, headers: ["X-Briefing-Token": nil]), 403),
            ("a wrong token", Self.post("/__briefing/edit/apply", body, port: port, token: String(page.token.reversed())), 403),
            ("a foreign Origin", Self.post("/__briefing/edit/apply", body, port: port, token: page.token, headers: ["Origin": "https://evil.example"]), 403),
            ("a foreign Host (DNS rebinding)", Self.post("/__briefing/edit/apply", body, port: port, token: page.token, headers: ["Host": "evil.example:\(port)"]), 403),
            ("a cross-site form post", Self.post("/__briefing/edit/apply", "briefing=the-two-lakes", port: port, token: page.token,
                                                 headers: ["Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example", "X-Briefing-Token": nil]), 403),
            ("a text/plain body", Self.post("/__briefing/edit/apply", body, port: port, token: page.token, headers: ["Content-Type": "text/plain"]), 403),
            ("an oversized body", Self.post("/__briefing/edit/apply", String(repeating: " ", count: 70_000) + body, port: port, token: page.token), 413),
            ("a GET", "GET /__briefing/edit/apply HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", 405),
            ("an unknown field", Self.post("/__briefing/edit/apply", body.replacingOccurrences(of: "\"title\"", with: "\"path\": \"../../etc/passwd\", \"title\""), port: port, token: page.token), 422),
            ("another briefing's name", Self.post("/__briefing/edit/apply", body.replacingOccurrences(of: "the-two-lakes", with: "../seeds/lakes"), port: port, token: page.token), 404),
        ]
        for attempt in attempts {
            let reply = try preview.client.exchange(attempt.request)
            #expect(reply.status == attempt.status, "\(attempt.what): \(reply.status) \(reply.text)")
        }
        #expect(preview.modelBytes == before)
        #expect(!preview.server.readOutput(until: "rebuilt seeds/lakes.yml", seconds: 1))
    }

    @Test("a quote an edit to the essay broke is put right from the overlay, and the site rebuilds")
    func repairFromOverlay() throws {
        let preview = try EditingPreview(Self.lakesSource(), slug: Self.slug, model: "seeds/lakes.yml")
        let before = String(decoding: preview.modelBytes, as: UTF8.self)
        let seed = preview.source.appendingPathComponent("seeds/lakes.txt")
        let text = try String(contentsOf: seed, encoding: .utf8)
        try ServeEndToEndTests.save(text.replacingOccurrences(of: "draws 40 percent of its water", with: "draws 40 percent of all its water"), to: seed)
        #expect(preview.server.readOutput(until: "run briefing check --fix"))

        let reply = try preview.post("repair", #"{"only": "fact 'water-share'"}"#)
        #expect(reply.status == 200, "\(reply.text)")
        #expect((Self.json(reply)["changed"] as? [String])?.count == 1)
        #expect(String(decoding: preview.modelBytes, as: UTF8.self)
                == before.replacingOccurrences(of: "\"draws 40 percent of its water from it\"", with: "\"draws 40 percent of all its water from it\""))
        _ = try preview.reloaded(after: "seeds/lakes.yml")
    }

    @Test("without --edit there is no editing endpoint, no editor and no token in the pages")
    func withoutEdit() throws {
        let source = try Self.lakesSource()
        defer { try? FileManager.default.removeItem(at: source) }
        let server = try ServeProcess(source: source)
        defer { _ = server.stop() }
        let client = RawHTTP(port: server.port)
        let page = try client.get("/\(Self.slug)/")
        #expect(!page.text.contains("data-token"))
        #expect(try client.get("/__briefing/editor.js").status == 404)
        let post = try client.exchange(Self.post("/__briefing/edit/apply", "{}", port: server.port, token: ""))
        #expect(post.status == 405)
        // The built site holds no editor either.
        let built = try TestSupport.snapshot(of: source.appendingPathComponent("Public"))
        #expect(!built.values.contains { String(decoding: $0, as: UTF8.self).contains("__briefing") })
    }

    @Test("--edit on an address other machines reach is refused before anything starts")
    func editNeedsLoopback() throws {
        let source = try Self.lakesSource()
        defer { try? FileManager.default.removeItem(at: source) }
        let result = try TestSupport.runBriefing(["serve", "--source", source.path, "--edit", "--host", "0.0.0.0", "--port", "0"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--edit writes your model files, so it listens only on this machine"))
    }
}
