import Foundation

/// Pages rendered by the last build of a preview, with the view each was made from. A
/// page whose view and templates are unchanged is the same page, so it is not rendered
/// again: after an edit to one paragraph, most entity pages are reused as they were.
public final class RenderCache: @unchecked Sendable {
    // The lock guards `pages`; pages are rendered on both cores at once.
    private let lock = NSLock()
    private var pages: [String: Entry] = [:]

    struct Entry {
        var view: any Sendable
        var templates: [TextFile]
        var html: String
    }

    public init() {}

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
