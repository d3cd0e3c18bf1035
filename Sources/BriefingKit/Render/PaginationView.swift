/// Where a page of a list split into pages stands, and the links to its neighbours: what
/// `partials/pagination.mustache` shows and what `<link rel=prev/next>` points at.
struct PaginationView: Equatable, Sendable {
    /// Counted from 1.
    var number: Int
    var count: Int
    var previousURL: String?
    var nextURL: String?
    /// What the links say: "Newer" and "Older" on the home page, which lists newest first.
    var previousLabel: String
    var nextLabel: String

    /// `entries` in pages of `size`: always one page at least, empty when there is nothing.
    static func pages<Entry>(_ entries: [Entry], size: Int) -> [ArraySlice<Entry>] {
        let size = max(1, size)
        guard !entries.isEmpty else { return [entries[...]] }
        return stride(from: 0, to: entries.count, by: size).map { entries[$0..<min(entries.count, $0 + size)] }
    }
}

extension PaginationView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "number": number.templateValue,
            "count": count.templateValue,
            "previousURL": previousURL.templateValue,
            "nextURL": nextURL.templateValue,
            "previousLabel": previousLabel.templateValue,
            "nextLabel": nextLabel.templateValue,
        ])
    }
}

/// A kind of entity in the entity index's list of kinds: its heading and the link to
/// its group, on whichever page of the index the group starts.
struct EntityKindLinkView: Equatable, Sendable {
    var heading: String
    var url: String
}

extension EntityKindLinkView: TemplateValue {
    var templateValue: TemplateData {
        .fields([
            "heading": heading.templateValue,
            "url": url.templateValue,
        ])
    }
}
