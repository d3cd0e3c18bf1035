import Foundation
import Hummingbird

/// The page editor's endpoints of `briefing serve --edit`, under `/__briefing/edit/`, and
/// its script and stylesheet. Each request must come from a page this preview served
/// (`EditSession`), be JSON and small; it names a briefing by slug, never a file.
struct EditorMiddleware<Context: RequestContext>: RouterMiddleware {
    let session: EditSession
    let editor: BriefingEditor
    let rebuilder: SiteRebuilder
    /// The port the server listens on, known once it runs.
    let port: BoundPort

    static var prefix: String { "/__briefing/edit/" }
    static var scriptPath: String { "/__briefing/editor.js" }
    static var stylesheetPath: String { "/__briefing/editor.css" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        switch path {
        case Self.scriptPath: return Self.file("editor.js", type: "text/javascript; charset=utf-8")
        case Self.stylesheetPath: return Self.file("editor.css", type: "text/css; charset=utf-8")
        default: break
        }
        guard path.hasPrefix(Self.prefix) else { return try await next(request, context) }
        if let refusal = refusal(of: request) { return refusal }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: EditSession.bodyLimit)
        } catch {
            return Self.answer(.contentTooLarge, ["error": "an edit may be at most \(EditSession.bodyLimit / 1024) KB"])
        }
        return await answer(String(path.dropFirst(Self.prefix.count)), body: Data(buffer: body))
    }

    /// Why a request is not one of our pages' edits, or nil when it is.
    func refusal(of request: Request) -> Response? {
        let forbidden = { (why: String) in Self.answer(.forbidden, ["error": why]) }
        guard request.method == .post else { return Self.answer(.methodNotAllowed, ["error": "edits are POST requests"]) }
        let hosts = EditSession.hosts(port: port.value)
        guard let host = request.head.authority, hosts.contains(host.lowercased()) else {
            return forbidden("the request does not name this preview as its host")
        }
        if let origin = request.headers[.origin], !hosts.contains(where: { "http://\($0)" == origin.lowercased() }) {
            return forbidden("the request comes from another site")
        }
        guard let token = request.headers.first(where: { $0.name.canonicalName == Self.tokenField })?.value, Self.same(token, session.token) else {
            return forbidden("the request does not carry this preview's token; reload the page")
        }
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("application/json") else {
            return forbidden("an edit is sent as application/json")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > EditSession.bodyLimit {
            return Self.answer(.contentTooLarge, ["error": "an edit may be at most \(EditSession.bodyLimit / 1024) KB"])
        }
        return nil
    }

    /// The header carrying the token, as HTTP field names are compared: in lower case.
    static var tokenField: String { "x-briefing-token" }

    /// Compares in time that does not depend on where the texts first differ.
    static func same(_ given: String, _ expected: String) -> Bool {
        let given = Array(given.utf8), expected = Array(expected.utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func answer(_ endpoint: String, body: Data) async -> Response {
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        // Broken quotes are repaired from the overlay of a failed build, across the site.
        if endpoint == "repair" {
            do throws(EditFailure) {
                return Self.json(try await editor.repairQuotes(only: object["only"] as? String))
            } catch {
                return Self.answer(.unprocessableContent, ["error": error.message])
            }
        }
        guard let slug = object["briefing"] as? String else {
            return Self.answer(.unprocessableContent, ["error": "the request names no briefing"])
        }
        guard let files = rebuilder.briefing(slug) else {
            return Self.answer(.notFound, ["error": "this site has no briefing '\(slug)' now; reload the page"])
        }
        do throws(EditFailure) {
            switch endpoint {
            case "context":
                return Self.json(try await editor.context(files))
            case "suggest":
                guard let paragraph = object["paragraphID"] as? String, let text = object["text"] as? String else {
                    return Self.answer(.unprocessableContent, ["error": "a suggestion needs the paragraph and the selected text"])
                }
                return Self.json(try await editor.suggest(files, paragraphID: paragraph, text: text))
            case "apply":
                let request: EditRequest
                do {
                    request = try JSONDecoder().decode(EditRequest.self, from: body)
                } catch {
                    return Self.answer(.unprocessableContent, ["error": "the edit cannot be read: \(Self.describe(error))"])
                }
                return Self.json(try await editor.apply(request, files))
            default:
                return Self.answer(.notFound, ["error": "no such edit endpoint"])
            }
        } catch {
            let status: HTTPResponse.Status = switch error.reason {
            case .conflict: .conflict
            case .invalid: .unprocessableContent
            case .notFound: .notFound
            }
            return Self.answer(status, ["error": error.message])
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error { return context.debugDescription }
        if case let DecodingError.typeMismatch(_, context) = error { return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type" }
        if case let DecodingError.keyNotFound(key, _) = error { return "'\(key.stringValue)' is missing" }
        if case let DecodingError.valueNotFound(_, context) = error { return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' is missing" }
        return "it is not a JSON edit"
    }

    private static func answer(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        var response = json(JSONObject.data(object))
        response.status = status
        return response
    }

    private static func json(_ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func file(_ name: String, type: String) -> Response {
        let data = EmbeddedEditor.files[name] ?? Data()
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The editor's tags for the page at `path`: the briefing it belongs to and the hashes
    /// of its model and the register when the page was made, with the token.
    static func pageTags(session: EditSession, rebuilder: SiteRebuilder) -> @Sendable (String) -> String {
        { path in
            let first = path.split(separator: "/", omittingEmptySubsequences: true).first.map(String.init) ?? ""
            let files = rebuilder.briefing(first)
            let slug = files == nil ? "" : first
            return "<link rel=\"stylesheet\" href=\"\(stylesheetPath)\">"
                + "<script src=\"\(scriptPath)\" data-token=\"\(session.token)\" data-briefing=\"\(HTMLText.escape(slug))\""
                + " data-model-hash=\"\(files?.modelHash ?? "")\" data-register-hash=\"\(files?.registerHash ?? "")\" defer></script>"
        }
    }
}

/// The port a server listens on, set once it is bound.
final class BoundPort: @unchecked Sendable {
    // The lock guards `port`.
    private let lock = NSLock()
    private var port: Int

    init(_ port: Int) { self.port = port }

    var value: Int {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}
