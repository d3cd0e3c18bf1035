import BriefingKit
import Foundation

/// What a build does with the bytes of a model: decode them, load the model, and check
/// and apply it to each of the given essays.
public struct ModelPipeline: Sendable {
    public var essays: [Essay]

    public init(essays: [Essay]) { self.essays = essays }

    static let file = "seeds/fuzz.yml"

    public func run(_ data: Data) throws(BrokenPromise) {
        let lineCount = DiagnosticPlacement.lineCount(of: data)
        let text: String
        do {
            text = try SeedText.decode(data, file: Self.file)
        } catch {
            try DiagnosticPlacement.check([error], file: Self.file, lineCount: lineCount)
            return
        }
        let (model, loadDiagnostics) = ModelLoader().load(TextFile(path: Self.file, text: text))
        try DiagnosticPlacement.check(loadDiagnostics, file: Self.file, lineCount: lineCount)
        for essay in essays {
            let briefing: AnnotatedBriefing
            do {
                briefing = try Annotator().annotate(essay, model: model, modelDiagnostics: loadDiagnostics)
            } catch {
                try DiagnosticPlacement.checkFailure(error, file: Self.file, lineCount: lineCount)
                continue
            }
            if let error = briefing.warnings.first(where: { $0.severity == .error }) {
                throw BrokenPromise("an annotated briefing carries an error: \(error)")
            }
            try DiagnosticPlacement.check(briefing.warnings, file: Self.file, lineCount: lineCount)
        }
    }
}
