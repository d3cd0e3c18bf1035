import Foundation

/// Pages rendered by the last build, with the view each was made from: after an edit to
/// one paragraph, most entity pages are reused as they were.
final class RenderCache: PageCache, @unchecked Sendable {
    // The lock guards `pages`; pages are rendered on both cores at once.
    private let lock = NSLock()
    private var pages: [String: Entry] = [:]

    struct Entry {
        var view: any Sendable
        var templates: [TextFile]
        var html: String
    }

    func html<View: Equatable & Sendable>(for path: String, view: View, templates: [TextFile]) -> String? {
        lock.withLock {
            guard let entry = pages[path], entry.templates == templates, let cached = entry.view as? View, cached == view else { return nil }
            return entry.html
        }
    }

    func store<View: Equatable & Sendable>(_ html: String, for path: String, view: View, templates: [TextFile]) {
        lock.withLock { pages[path] = Entry(view: view, templates: templates, html: html) }
    }
}
