import Foundation
import Hummingbird

/// What the preview adds to Hummingbird's file serving: the site's own `404.html` with
/// status 404, a charset on every text type, and the reload script in HTML pages.
struct SiteResponseMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: URL
    let broadcaster: ReloadBroadcaster
    /// More tags for the page at a path, after the reload script: the page editor's.
    var pageTags: (@Sendable (String) -> String)?

    static var textTypes: Set<String> {
        ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml",
         "application/json", "application/xml", "text/xml", "text/csv", "text/plain", "application/atom+xml"]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch request.uri.path {
        case ReloadScript.eventsPath: return eventStream()
        case ReloadScript.path:
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(string: ReloadScript.source)))
        default: break
        }
        var request = request
        // Ranges are answered here, from the whole file: Hummingbird's file middleware
        // reads a suffix range `-N` as the first N+1 bytes and answers a range past the end
        // with 206. The served HTML is the file plus the reload script, so a range of the
        // file alone would not match it: HTML is always sent whole.
        let isHTML = request.uri.path.hasSuffix("/") || request.uri.path.hasSuffix(".html")
        let range = request.method == .get && !isHTML ? request.headers[.range] : nil
        let ifRange = request.headers[.ifRange]
        if request.headers[.range] != nil {
            var head = request.head
            head.headerFields[.range] = nil
            head.headerFields[.ifRange] = nil
            request = Request(head: head, body: request.body)
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = Response(status: .notFound)
        }
        if response.status == .notFound {
            response = try notFoundPage(head: request.method == .head)
        }
        if let range, response.status == .ok, Self.rangeApplies(ifRange: ifRange, to: response) {
            response = try await Self.answer(range, from: response)
        }
        return try await finish(response, head: request.method == .head, tags: ReloadScript.tag + (pageTags?(request.uri.path) ?? ""))
    }

    /// `If-Range` asks for the range only if the file is still the one its validator names.
    static func rangeApplies(ifRange: String?, to response: Response) -> Bool {
        guard let ifRange else { return true }
        if ifRange.hasPrefix("W/") { return false }
        return ifRange == response.headers[.eTag] || ifRange == response.headers[.lastModified]
    }

    /// The part of a whole-file answer that `range` asks for.
    static func answer(_ range: String, from response: Response) async throws -> Response {
        let collector = BodyCollector()
        try await response.body.write(collector)
        let body = collector.buffer
        let size = body.readableBytes
        let resolved = ByteRange(header: range, size: size)
        var answer = response
        answer.headers[.contentRange] = resolved.contentRange(size: size)
        switch resolved {
        case .whole:
            answer.body = .init(byteBuffer: body)
        case let .part(bytes):
            answer.status = .partialContent
            answer.headers[.contentLength] = String(bytes.count)
            answer.body = .init(byteBuffer: body.getSlice(at: body.readerIndex + bytes.lowerBound, length: bytes.count) ?? ByteBuffer())
        case .unsatisfiable:
            answer.status = .rangeNotSatisfiable
            answer.headers[.contentLength] = "0"
            answer.body = .init()
        }
        return answer
    }

    private func notFoundPage(head: Bool) throws -> Response {
        let data = (try? Data(contentsOf: site.appendingPathComponent(Route.notFound.file))) ?? Data("Not found\n".utf8)
        var headers: HTTPFields = [.contentType: "text/html", .cacheControl: "no-cache"]
        headers[.contentLength] = String(data.count)
        return Response(status: .notFound, headers: headers, body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Adds the charset, and `tags` (the reload script and the like) to HTML.
    private func finish(_ response: Response, head: Bool, tags: String) async throws -> Response {
        var response = response
        guard let type = response.headers[.contentType]?.split(separator: ";").first.map(String.init) else { return response }
        if Self.textTypes.contains(type), !(response.headers[.contentType]?.contains("charset") ?? false) {
            response.headers[.contentType] = "\(type); charset=utf-8"
        }
        guard type == "text/html", response.status == .ok || response.status == .notFound else { return response }
        if head {
            if let length = response.headers[.contentLength].flatMap(Int.init) {
                response.headers[.contentLength] = String(length + tags.utf8.count)
            }
            return response
        }
        let collector = BodyCollector()
        try await response.body.write(collector)
        let html = Self.inject(tags, into: collector.buffer)
        response.headers[.contentLength] = String(html.readableBytes)
        response.body = .init(byteBuffer: html)
        return response
    }

    /// The page with `tags` before its last `</body>`, or at its end. Works
    /// on the bytes: turning a large page into a `String` and searching it backwards
    /// through Foundation would be most of the time of serving it.
    static func inject(_ tags: String, into html: ByteBuffer) -> ByteBuffer {
        let bytes = html.readableBytesView
        let closing = Array("</body>".utf8)
        var cut = bytes.endIndex
        var index = bytes.endIndex - closing.count
        while index >= bytes.startIndex {
            if bytes[index] == closing[0], bytes[index..<index + closing.count].elementsEqual(closing) {
                cut = index
                break
            }
            index -= 1
        }
        var result = ByteBuffer()
        result.reserveCapacity(html.readableBytes + tags.utf8.count)
        result.writeBytes(bytes[..<cut])
        result.writeString(tags)
        result.writeBytes(bytes[cut...])
        return result
    }

    private func eventStream() -> Response {
        let broadcaster = broadcaster
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: .init { writer in
            let events = await broadcaster.subscribe()
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            for await event in events {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        })
    }
}

/// Gathers a response body that Hummingbird would otherwise stream, so that it can be
/// changed before it is sent.
final class BodyCollector: ResponseBodyWriter, @unchecked Sendable {
    // Used by one request's task only.
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
