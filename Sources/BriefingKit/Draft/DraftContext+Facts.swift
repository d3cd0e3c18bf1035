extension DraftContext {
    /// A fact per figure no quote covers yet. Where no quote of its own fits beside its
    /// neighbours ("€7.5bn ($8bn)" stated twice in the essay), the neighbouring drafted
    /// fact's quote grows to cover it instead.
    mutating func draftFacts() -> [Fact] {
        var facts: [Fact] = []
        for paragraph in corpus.paragraphs.indices {
            var drafted: [(fact: Int, range: Range<Int>)] = []
            for figure in FigureScanner.figures(in: corpus.paragraphs[paragraph].text) {
                if taken[paragraph].contains(where: { $0.lowerBound <= figure.range.lowerBound && figure.range.upperBound <= $0.upperBound }) {
                    continue
                }
                if let range = chooser.quote(in: paragraph, containing: figure.range, avoiding: taken[paragraph]) {
                    taken[paragraph].append(range)
                    drafted.append((facts.count, range))
                    let fact = fact(for: figure, quote: range, in: paragraph)
                    factQuoteStarts[fact.id] = (paragraph, range.lowerBound)
                    facts.append(fact)
                } else if let grown = grow(drafted, toCover: figure.range, in: paragraph) {
                    taken[paragraph].removeAll { $0 == drafted[grown.index].range }
                    taken[paragraph].append(grown.range)
                    facts[drafted[grown.index].fact].quote = Quote(text(in: paragraph, grown.range), at: Self.unwritten)
                    factQuoteStarts[facts[drafted[grown.index].fact].id] = (paragraph, grown.range.lowerBound)
                    drafted[grown.index].range = grown.range
                }
            }
        }
        return facts
    }

    private mutating func fact(for figure: FigureScanner.Figure, quote: Range<Int>, in paragraph: Int) -> Fact {
        let sentence = sentence(in: paragraph, at: figure.range.lowerBound)
        let sentenceText = text(in: paragraph, sentence)
        let local = figure.range.lowerBound - sentence.lowerBound..<figure.range.upperBound - sentence.lowerBound
        var label = DraftWording.clause(of: sentenceText, around: local)
        if label.isEmpty { label = figure.text }
        let id = ids.claim(DraftWording.id(from: label, words: 4, fallback: "figure"), in: .fact)
        return Fact(id: id, figure: figure.text, label: label, when: date(ofFigureAt: figure.range, in: paragraph),
                    quote: Quote(text(in: paragraph, quote), at: Self.unwritten), entities: entities(in: paragraph, sentence),
                    value: figure.value, unit: figure.unit, review: true, position: Self.unwritten)
    }

    /// One drafted quote of this paragraph grown to hold `figure` too, when the grown quote
    /// still occurs once and overlaps no other.
    private func grow(_ drafted: [(fact: Int, range: Range<Int>)], toCover figure: Range<Int>, in paragraph: Int)
        -> (index: Int, range: Range<Int>)? {
        guard let own = chooser.quote(in: paragraph, containing: figure) else { return nil }
        let overlapping = drafted.indices.filter { drafted[$0].range.overlaps(own) }
        guard overlapping.count == 1, let index = overlapping.first else { return nil }
        let grown = own.covering(drafted[index].range)
        let others = taken[paragraph].filter { $0 != drafted[index].range }
        guard !others.contains(where: { $0.overlaps(grown) }),
              corpus.matches(of: text(in: paragraph, grown)).count == 1 else { return nil }
        return (index, grown)
    }
}
