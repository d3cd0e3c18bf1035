import ArgumentParser
import BriefingKit
import Foundation

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Print the Markdown that Briefing makes of a seed (front matter and body).")

    @Argument(help: "A seed: scraped plain text (.txt) or Markdown (.md).", completion: .file())
    var file: String

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let data = try FileBytes.read(url.path, shownAs: file)
        let format: EssayReader.Format = url.pathExtension.lowercased() == "md" ? .markdown : .scrapedText
        let essay = try EssayReader.read(data, file: file, format: format)
        print(EssayMarkdown.document(of: essay), terminator: "")
    }
}
