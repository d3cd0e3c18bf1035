import Foundation

/// A file of the site and its bytes.
struct PlannedFile: Sendable {
    var path: String
    var data: Data
}
