import Foundation

/// The site-wide pages as last written (home, 404, entity index and pages, the site's
/// search index, feed, sitemap, robots.txt, assets) and what they were made from.
struct SiteWidePages {
    var paths: [String]
    var seeds: Set<String>
    var directory: EntityDirectory

    /// A briefing made again, with the digest it had before, if any.
    struct Change {
        var previous: BriefingDigest?
        var current: BriefingDigest
    }

    /// Brings the pages up to date after briefings changed only in what they say about
    /// the entities they name: their titles, dates, entity definitions and the set of
    /// names stay. Then only the pages of the entities whose sentences, counts or
    /// companions changed are made again, and the entity index; they are written into
    /// `sink`. Nil when the changes are larger than that.
    func patched(with changes: [Change], renderer: SiteRenderer, into sink: some SiteSink) throws(BuildFailure) -> SiteWidePages? {
        var directory = directory
        var touched: Set<String> = []
        for change in changes {
            guard let old = change.previous, let patch = directory.replace(old, with: change.current) else { return nil }
            touched.formUnion(patch)
        }
        // A briefing the page does not show in full changes only what it counts.
        touched = touched.filter { directory.records[$0] != self.directory.records[$0] }
        let records = touched.sorted().compactMap { directory.records[$0] }
        var pages = try records.map { record throws(BuildFailure) in try renderer.entityPage(record, directory: directory) }
        if !touched.isEmpty { pages += try renderer.entityIndexPages(directory) }
        for page in pages {
            try sink.write(page.path, Data(page.html.utf8))
        }
        return SiteWidePages(paths: paths, seeds: seeds, directory: directory)
    }
}
