import Foundation

/// What makes an edit request come from a page this preview served: a secret made for
/// this run, which only those pages carry, and the preview's own address in `Origin` and
/// `Host`. A page of another site can neither read the secret nor send a request with
/// our origin, and a name that merely resolves to 127.0.0.1 (DNS rebinding) fails `Host`.
public struct EditSession: Sendable {
    /// 32 random bytes in hex.
    public let token: String
    /// The largest request body an edit may have.
    static let bodyLimit = 64 * 1024

    public init() {
        var generator = SystemRandomNumberGenerator()
        token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    init(token: String) { self.token = token }

    /// The names under which the preview on `port` is this machine.
    static func hosts(port: Int) -> Set<String> {
        Set(["127.0.0.1", "localhost", "[::1]"].map { "\($0):\(port)" })
    }

    /// True when `host` is an address a preview may listen on and still edit: loopback only.
    public static func isLoopback(_ host: String) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }
}
