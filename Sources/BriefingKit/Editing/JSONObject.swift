import Foundation

/// The editor's answers as JSON: plain objects, keys sorted, for a script to read.
enum JSONObject {
    static func data(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }

    /// `value`, or JSON's null.
    static func orNull(_ value: Any?) -> Any { value ?? NSNull() }
}
