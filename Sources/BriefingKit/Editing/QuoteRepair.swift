import Foundation

/// `briefing check --fix`: puts, in place of each quote the author's edits broke, the
/// passage it most likely became (`QuoteReanchor`, with where the quote resolved at the
/// last build, `QuoteAnchorStore`), when that passage is a copy-edit of it; reports the quotes it could not place and those whose figure changed. Only the
/// changed quote strings of a model file are rewritten, atomically.
public enum QuoteRepair {
    /// One quote rewritten.
    public struct Change: Sendable, CustomStringConvertible {
        public var file: String
        public var position: SourcePosition
        public var owner: String
        public var old: String
        public var new: String
        public var description: String { "\(file):\(position.line):\(position.column): \(owner): \"\(old)\" → \"\(new)\"" }
    }

    public struct Report: Sendable {
        public var changes: [Change] = []
        /// Broken quotes left as they were, each said with its place and why.
        public var left: [Diagnostic] = []
    }

    /// `only`, when given, names the one quote to repair, as messages name it: `fact 'x'`.
    public static func repair(source: URL, only: String? = nil) throws(BuildFailure) -> Report {
        let sources = try SourceTree.load(from: source)
        var report = Report()
        let store = QuoteAnchorStore(source: source)
        for seed in sources.seeds {
            guard let modelFile = seed.model else { continue }
            let essay = try EssayReader.read(seed.data, file: seed.path, format: seed.format)
            let corpus = QuoteCorpus(EssayAnchoring().outline(of: EssayAnchoring.document(of: essay)))
            let (model, _) = ModelLoader().load(modelFile)
            var text = modelFile.text
            var changes: [Change] = []
            let advisor = QuoteReanchor(remembered: store.anchors(for: seed.path))
            let quotes = model.facts.map { ($0.quote, "fact '\($0.id)'", true) } + model.events.map { ($0.quote, "event '\($0.id)'", false) }
                + model.crossReferences.map { ($0.quote, "cross-reference '\($0.id)'", false) }
            // From the end of the file up, so that each rewrite leaves the places of the rest.
            for (quote, owner, isFact) in quotes.sorted(by: { ($0.0.position.line, $0.0.position.column) > ($1.0.position.line, $1.0.position.column) })
                where (only == nil || only == owner) && corpus.matches(of: quote.text).isEmpty {
                let place = { (why: String) in Diagnostic(file: modelFile.path, line: quote.position.line, column: quote.position.column, why) }
                guard let advice = advisor.advice(for: quote.text, isFact: isFact, in: corpus) else {
                    report.left.append(place("quote of \(owner) not found, and no passage is enough like it to take its place; quote the words it should mark"))
                    continue
                }
                switch advice.kind {
                case let .figureChanged(old, new):
                    report.left.append(place("quote of \(owner) now reads \"\(advice.passage)\" (\(advice.paragraphID)), whose figure changed: \(old.isEmpty ? "none" : old) became \(new.isEmpty ? "none" : new); left for you to check"))
                case .moved:
                    guard let rewritten = QuoteScalar.replacing(at: quote.position, in: text, with: advice.passage) else {
                        report.left.append(place("quote of \(owner) now reads \"\(advice.passage)\" (\(advice.paragraphID)), but it is not written on one line, so --fix cannot rewrite it; put the new words in yourself"))
                        continue
                    }
                    text = rewritten
                    changes.append(Change(file: modelFile.path, position: quote.position, owner: owner, old: quote.text, new: advice.passage))
                }
            }
            guard !changes.isEmpty else { continue }
            try AtomicFile.write(Data(text.utf8), to: source.appendingPathComponent(modelFile.path), mode: .replace, shownAs: modelFile.path)
            report.changes += changes.reversed()
        }
        report.left.sort { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
        return report
    }
}
