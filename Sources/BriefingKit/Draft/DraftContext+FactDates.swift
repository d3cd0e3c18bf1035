extension DraftContext {
    /// The date a figure is most likely of: the nearest its own clause gives, else the last
    /// one before that clause ("In 2022, exports were valued at $200 million, rising to
    /// $210 million in 2023"; "dates back to 2008, when Belgrade sold NIS for €400
    /// million"), else none: a year after it in another clause is most often of something
    /// else ("will spend $2.4bn, its largest investment since it listed in 2011"), and a
    /// wrong date in a fact box misleads where a missing one only asks to be written. A
    /// date that bounds a span ("since 2023", "prior to 2022") is no figure's.
    func date(ofFigureAt figure: Range<Int>, in paragraph: Int) -> PartialDate? {
        let sentence = sentence(in: paragraph, at: figure.lowerBound)
        // In the sentence's own offsets, which its clauses are found in.
        let sentenceText = text(in: paragraph, sentence)
        let bytes = Array(sentenceText.utf8)
        let local = figure.lowerBound - sentence.lowerBound..<figure.upperBound - sentence.lowerBound
        let mentions = DateMentions.dates(in: sentenceText).filter { !Self.boundsSpan($0, in: bytes) }
        let clauses = DraftWording.clauseRanges(in: bytes)
        guard let own = clauses.first(where: { $0.overlaps(local) || $0.contains(local.lowerBound) }) else { return nil }
        let inClause = mentions.filter { own.contains($0.range.lowerBound) }
        if let nearest = inClause.min(by: { Self.isNearer($0.range, than: $1.range, to: local) }) { return nearest.date }
        return mentions.last(where: { $0.range.upperBound <= own.lowerBound })?.date
    }

    /// The words introducing a date (`DateMentions`) that make it the start or end of a span.
    private static let spanWords: Set<String> = ["since", "until", "before", "after", "through"]

    /// Whether the word introducing the date bounds a span, or is the "to" of "prior to".
    private static func boundsSpan(_ mention: DateMentions.Mention, in bytes: [UInt8]) -> Bool {
        let introducer = String(decoding: bytes[mention.range], as: UTF8.self).lowercased()
            .split(separator: " ").first.map(String.init) ?? ""
        guard introducer == "to" else { return spanWords.contains(introducer) }
        return String(decoding: bytes[..<mention.range.lowerBound], as: UTF8.self).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "," }).last == "prior"
    }

    /// Of two dates, the one with fewer bytes between it and the figure; after the figure
    /// when both are as near ("from $2.8 billion in 2021 to $4.24 billion in 2022").
    private static func isNearer(_ one: Range<Int>, than other: Range<Int>, to figure: Range<Int>) -> Bool {
        func gap(_ date: Range<Int>) -> Int {
            date.lowerBound >= figure.upperBound ? date.lowerBound - figure.upperBound
                : figure.lowerBound >= date.upperBound ? figure.lowerBound - date.upperBound : 0
        }
        return gap(one) != gap(other) ? gap(one) < gap(other) : one.lowerBound > other.lowerBound
    }
}
