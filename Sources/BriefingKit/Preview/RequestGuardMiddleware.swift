import Hummingbird

/// Refuses requests that could reach outside the site folder or that a static site has
/// no answer for, before any file is looked at.
struct RequestGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let raw = request.uri.path
        let lowered = raw.lowercased()
        // Encoded slashes, backslashes and NUL bytes have no place in a path to a file.
        let forbidden = ["%00", "%2f", "%5c", "\\"]
        guard raw.hasPrefix("/"), !forbidden.contains(where: { lowered.contains($0) }),
              let decoded = raw.removingPercentEncoding,
              !decoded.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }),
              !decoded.contains("\0")
        else {
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "Bad request\n")))
        }
        return try await next(request, context)
    }
}
