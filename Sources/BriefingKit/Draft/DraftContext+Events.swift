extension DraftContext {
    /// An event per sentence that dates something, at the sentence's first date, linked to
    /// the facts drafted from the same sentence.
    mutating func draftEvents(facts: [Fact]) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        for paragraph in corpus.paragraphs.indices {
            for sentence in sentences[paragraph] {
                guard let mention = dates(in: paragraph, sentence).first,
                      let quote = chooser.quote(in: paragraph, containing: mention.range) else { continue }
                let sentenceText = text(in: paragraph, sentence)
                let local = mention.range.lowerBound - sentence.lowerBound..<mention.range.upperBound - sentence.lowerBound
                var title = DraftWording.clause(of: sentenceText, around: local, removing: true)
                if title.isEmpty { title = DraftWording.clause(of: sentenceText, around: local) }
                let linked = facts.map(\.id).filter { id in
                    guard let start = factQuoteStarts[id] else { return false }
                    return start.paragraph == paragraph && sentence.contains(start.offset)
                }
                let id = ids.claim("\(mention.date.year)-" + DraftWording.id(from: title, words: 4, fallback: "event"), in: .event)
                events.append(TimelineEvent(id: id, when: mention.date, title: title, quote: Quote(text(in: paragraph, quote), at: Self.unwritten),
                                            entities: entities(in: paragraph, sentence), facts: linked, review: true,
                                            position: Self.unwritten))
            }
        }
        return events
    }
}
