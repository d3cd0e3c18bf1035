import BriefingKit
import Foundation

/// What a build does with the bytes of a seed, up to the essay's HTML: decode them, read
/// them as a scraped seed and as a Markdown seed, and parse and render what reads. For
/// a scraped seed it also checks `briefing convert`: the Markdown seed it makes must read
/// back as the same briefing.
public enum IngestPipeline {
    public static func run(_ data: Data) throws(BrokenPromise) {
        let lineCount = DiagnosticPlacement.lineCount(of: data)
        for (format, file) in [(EssayReader.Format.scrapedText, "seeds/fuzz.txt"), (.markdown, "seeds/fuzz.md")] {
            let essay: Essay
            do {
                essay = try EssayReader.read(data, file: file, format: format)
            } catch {
                try DiagnosticPlacement.checkFailure(error, file: file, lineCount: lineCount)
                continue
            }
            let html = try bodyHTML(of: essay)
            if format == .scrapedText {
                try checkConversion(of: essay, bodyHTML: html)
            }
        }
    }

    /// An essay without a model has nothing to check, so annotating it cannot fail.
    static func bodyHTML(of essay: Essay) throws(BrokenPromise) -> String {
        do {
            return try Annotator().annotate(essay).bodyHTML
        } catch {
            throw BrokenPromise("annotating an essay without a model failed: \(error)")
        }
    }

    static func checkConversion(of essay: Essay, bodyHTML: String) throws(BrokenPromise) {
        let markdown = EssayMarkdown.document(of: essay)
        let reread: Essay
        do {
            reread = try EssayReader.read(Data(markdown.utf8), file: "seeds/fuzz.md", format: .markdown)
        } catch {
            throw BrokenPromise("the Markdown seed that convert makes does not read: \(error)\n\(markdown)")
        }
        // Front matter holds one caption: convert keeps the first.
        var expected = essay.metadata
        expected.captions = Array(expected.captions.prefix(1))
        guard reread.metadata == expected else {
            throw BrokenPromise("convert changed the header: \(expected) became \(reread.metadata)\n\(markdown)")
        }
        let rereadHTML = try Self.bodyHTML(of: reread)
        guard rereadHTML == bodyHTML else {
            throw BrokenPromise("convert changed the body: \(bodyHTML) became \(rereadHTML)\n\(markdown)")
        }
    }
}
