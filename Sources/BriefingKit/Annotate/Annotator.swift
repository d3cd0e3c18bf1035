/// Turns an essay into its annotated HTML body. The cmark tree lives only inside
/// `annotate`, so nothing after this stage sees it.
public struct Annotator: Sendable {
    public init() {}

    public func annotate(_ essay: Essay) -> AnnotatedBriefing {
        let document = MarkdownDocument(markdown: EssayMarkdown.body(of: essay))
        document.consolidateTextNodes()
        let anchoring = EssayAnchoring()
        let outline = anchoring.outline(of: document)
        anchoring.applyAnchors(of: outline, to: document)
        return AnnotatedBriefing(essay: essay, outline: outline, bodyHTML: document.renderHTML())
    }
}
