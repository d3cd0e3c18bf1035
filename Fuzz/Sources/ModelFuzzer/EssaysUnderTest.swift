import BriefingKit
import Foundation
import FuzzPipelines

/// The essays of the repository that fuzzed models are checked against, read once.
enum EssaysUnderTest {
    static let pipeline = ModelPipeline(essays: [
        essay("seeds/000_5c98944540f2f0af.txt"),
        essay("Tests/BriefingKitTests/Fixtures/lakes/lakes.txt"),
    ])

    /// The fuzzer runs from a build folder, so the repository is found from this file.
    private static func essay(_ path: String) -> Essay {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        do {
            let data = try Data(contentsOf: repository.appendingPathComponent(path))
            return try EssayReader.read(data, file: path, format: .scrapedText)
        } catch {
            fatalError("cannot read \(path), an essay models are checked against: \(error)")
        }
    }
}
