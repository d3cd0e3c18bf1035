import Foundation

/// Reads a seed file of either format into an `Essay`.
public enum EssayReader {
    public enum Format: Sendable { case scrapedText, markdown }

    public static func read(_ data: Data, file: String, format: Format) throws(BuildFailure) -> Essay {
        let text: String
        do {
            text = try SeedText.decode(data, file: file)
        } catch {
            throw BuildFailure([error])
        }
        switch format {
        case .scrapedText:
            do {
                return try ScrapedEssayReader(file: file).read(text)
            } catch {
                throw BuildFailure([error])
            }
        case .markdown:
            return try MarkdownSeedReader(file: file).read(text)
        }
    }
}
