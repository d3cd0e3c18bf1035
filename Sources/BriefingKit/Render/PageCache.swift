/// Pages kept from an earlier build with the view each was made from. A page whose view
/// and templates are unchanged is the same page, so it need not be rendered again.
/// Render asks; what is kept between builds lives in `Incremental/`.
protocol PageCache: Sendable {
    /// The page at `path` as last rendered, if it was rendered from `view` with `templates`.
    func html<View: Equatable & Sendable>(for path: String, view: View, templates: [TextFile]) -> String?
    func store<View: Equatable & Sendable>(_ html: String, for path: String, view: View, templates: [TextFile])
}
