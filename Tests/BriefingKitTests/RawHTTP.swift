import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a socket: tests send exactly the bytes they mean, which
/// URLSession would normalise (dot segments, encodings) or refuse to send.
struct RawHTTP {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let port: Int

    /// Connects to 127.0.0.1:port; the caller closes the descriptor.
    func connect() throws -> Int32 {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        // Only a guard against a hung server, never a measure of speed: the server's
        // handlers run on Swift's cooperative threads, two on this machine, which other
        // tests' long synchronous work (a whole seed annotated again) can hold for half a
        // minute while the whole suite runs in parallel.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socketFD)
            throw TestFailure("cannot connect to port \(port)")
        }
        return socketFD
    }

    static func send(_ text: String, to socketFD: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(socketFD, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Sends `request` as written and reads one whole reply.
    func exchange(_ request: String) throws -> Reply {
        let socketFD = try connect()
        defer { close(socketFD) }
        Self.send(request, to: socketFD)
        return try Self.readReply(from: socketFD, expectBody: !request.hasPrefix("HEAD "))
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> Reply {
        let extra = headers.map { "\($0.key): \($0.value)\r\n" }.joined()
        return try exchange("GET \(path) HTTP/1.1\r\nHost: localhost\r\n\(extra)Connection: close\r\n\r\n")
    }

    static func readReply(from socketFD: Int32, expectBody: Bool) throws -> Reply {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var headerEnd: Range<Data.Index>?
        var needed: Int?
        while true {
            if let end = headerEnd, let needed, data.count - end.upperBound >= needed { break }
            let count = buffer.withUnsafeMutableBytes { recv(socketFD, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
                let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
                needed = expectBody ? length : 0
            }
        }
        guard let end = headerEnd else { throw TestFailure("no reply header; got \(data.count) bytes") }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).split(separator: "\r\n")
        let status = lines.first.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return Reply(status: status, headers: headers, body: Data(data[end.upperBound...]))
    }
}
