import Foundation

/// The briefing's data for other tools: `briefing.json` (the validated model, with the
/// paragraph each quote resolved to) and `facts.csv`.
enum DataExports {
    static func files(for briefing: AnnotatedBriefing) throws(BuildFailure) -> [PlannedFile] {
        guard let model = briefing.model else { return [] }
        // JSON cannot hold them; the model loader refuses them, a model built in code may not.
        if let fact = model.model.facts.first(where: { !($0.value?.isFinite ?? true) }) {
            throw BuildFailure([Diagnostic(file: model.model.file,
                                           "cannot export the model as JSON: the value of fact '\(fact.id)' is not a finite number")])
        }
        // Compact: it is read by programs, and a person reading it has a formatter at hand.
        var json = JSONWriter.bytes(of: BriefingExport(briefing: briefing, model: model), format: .compact)
        json.append(UInt8(ascii: "\n"))
        return [PlannedFile(path: Route.briefingData(slug: briefing.slug).file, data: Data(json)),
                PlannedFile(path: Route.factsTable(slug: briefing.slug).file, data: Data(factsCSV(model).utf8))]
    }

    static func factsCSV(_ model: ValidatedModel) -> String {
        let header = ["id", "figure", "label", "when", "value", "unit", "compare", "entities", "paragraph", "quote"]
        let rows = model.model.facts.map { fact in
            [fact.id, fact.figure, fact.label, fact.when?.description ?? "", fact.value.map(BriefingExport.number) ?? "",
             fact.unit ?? "", fact.compare ?? "", fact.entities.joined(separator: " "),
             model.factMatches[fact.id]?.paragraphID ?? "", fact.quote.text]
        }
        return ([header] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    /// Looked for as bytes, as a CSV reader sees them: as characters, a CR LF line break
    /// is one character that is neither CR nor LF, and a comma with an accent on it is no
    /// comma, yet both break a row.
    static func csvField(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + doublingQuotes(text) + "\""
    }

    /// `text` with each `"` written twice. Foundation's `replacingOccurrences` costs many
    /// times more; it is kept for a quote next to a non-ASCII byte, where it may see the
    /// quote as part of a character with a mark on it and leave it alone.
    static func doublingQuotes(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let quotes = bytes.indices.filter { bytes[$0] == 0x22 }
        guard !quotes.isEmpty else { return text }
        guard quotes.allSatisfy({ ($0 == 0 || bytes[$0 - 1] < 0x80) && ($0 + 1 == bytes.count || bytes[$0 + 1] < 0x80) }) else {
            return text.replacingOccurrences(of: "\"", with: "\"\"")
        }
        let utf8 = text.utf8
        var doubled = ""
        doubled.reserveCapacity(bytes.count + quotes.count)
        var start = utf8.startIndex
        for quote in quotes {
            let end = utf8.index(utf8.startIndex, offsetBy: quote + 1)
            doubled += text[start..<end]
            doubled += "\""
            start = end
        }
        doubled += text[start...]
        return doubled
    }
}
