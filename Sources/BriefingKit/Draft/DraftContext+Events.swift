extension DraftContext {
    /// An event per sentence that dates something, at the sentence's first date, linked to
    /// the facts drafted from the same sentence.
    mutating func draftEvents(facts: [Fact]) -> [TimelineEvent] {
        var events: [TimelineEvent] = []
        let factPlaces = facts.map { corpus.matches(of: $0.quote.text).first }
        for paragraph in corpus.paragraphs.indices {
            for sentence in sentences[paragraph] {
                guard let mention = dates(in: paragraph, sentence).first,
                      let quote = chooser.quote(in: paragraph, containing: mention.range) else { continue }
                let sentenceText = text(in: paragraph, sentence)
                let local = mention.range.lowerBound - sentence.lowerBound..<mention.range.upperBound - sentence.lowerBound
                var title = DraftWording.clause(of: sentenceText, around: local, removing: true)
                if title.isEmpty { title = DraftWording.clause(of: sentenceText, around: local) }
                let paragraphID = corpus.paragraphs[paragraph].id
                let linked = zip(facts, factPlaces).filter { _, place in
                    guard let place, place.paragraphID == paragraphID else { return false }
                    return sentence.contains(place.range.lowerBound)
                }.map(\.0.id)
                let id = ids.claim("\(mention.date.year)-" + DraftWording.id(from: title, words: 4, fallback: "event"), in: .event)
                events.append(TimelineEvent(id: id, when: mention.date, title: title, quote: Quote(text(in: paragraph, quote), at: Self.unwritten),
                                            entities: entities(in: paragraph, sentence), facts: linked, review: true,
                                            position: Self.unwritten))
            }
        }
        return events
    }
}
