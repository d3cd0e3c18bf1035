import Foundation

extension DraftContext {
    /// A cross-reference per phrase that points back or ahead, to the entity it names
    /// ("the aforementioned Center") or else to the passage in that direction that shares
    /// the most telling words with its sentence.
    mutating func draftCrossReferences() -> [CrossReference] {
        var references: [CrossReference] = []
        let weights = WordWeights(paragraphs: corpus.paragraphs.map(\.text))
        for paragraph in corpus.paragraphs.indices {
            for cue in ReferenceCues.cues(in: corpus.paragraphs[paragraph].text) {
                guard let quote = chooser.quote(in: paragraph, containing: cue.range, avoiding: taken[paragraph]),
                      let target = target(of: cue, in: paragraph, weights: weights) else { continue }
                taken[paragraph].append(quote)
                let id = ids.claim(DraftWording.id(from: text(in: paragraph, cue.range), words: 4, fallback: "reference"), in: .crossReference)
                references.append(CrossReference(id: id, quote: Quote(text(in: paragraph, quote), at: Self.unwritten), target: target,
                                                  review: true, position: Self.unwritten, targetPosition: Self.unwritten))
            }
        }
        return references
    }

    private func target(of cue: ReferenceCues.Cue, in paragraph: Int, weights: WordWeights) -> CrossReference.Target? {
        // A name straight after the cue is what it points to.
        if paragraph < mentions.count, let named = mentions[paragraph].first(where: { mention in
            mention.range.lowerBound >= cue.range.upperBound
                && text(in: paragraph, cue.range.upperBound..<mention.range.lowerBound).split(separator: " ").count <= 1
        }) {
            return .entity(named.entityID)
        }
        let sentence = sentence(in: paragraph, at: cue.range.lowerBound)
        let candidates = cue.direction == .back ? Array((0..<paragraph).reversed()) : Array((paragraph + 1)..<corpus.paragraphs.count)
        guard let nearest = candidates.first else { return nil }
        let words = weights.words(of: text(in: paragraph, sentence))
        // The nearest of the best scores: candidates run outward from the cue.
        var best = (index: nearest, score: 0.0)
        for candidate in candidates {
            let score = weights.shared(words, with: candidate)
            if score > best.score { best = (candidate, score) }
        }
        let chosen = corpus.paragraphs[best.index]
        if let section = outline.sections.first(where: { $0.id == chosen.sectionID }), section.title != nil,
           section.paragraphs.first?.id == chosen.id, chosen.sectionID != corpus.paragraphs[paragraph].sectionID {
            return .section(section.id)
        }
        return .paragraph(chosen.id)
    }
}

/// How telling each word is: a word in few paragraphs says more about where a passage
/// is than one in many. Words of four letters or more, lower-cased.
struct WordWeights {
    private let paragraphWords: [Set<String>]
    private let weight: [String: Double]

    init(paragraphs: [String]) {
        paragraphWords = paragraphs.map(Self.words)
        var counts: [String: Int] = [:]
        for words in paragraphWords {
            for word in words { counts[word, default: 0] += 1 }
        }
        let total = Double(max(paragraphs.count, 1))
        weight = counts.mapValues { log(total / Double($0)) }
    }

    func words(of text: String) -> Set<String> { Self.words(text) }

    func shared(_ words: Set<String>, with paragraph: Int) -> Double {
        words.intersection(paragraphWords[paragraph]).reduce(0) { $0 + (weight[$1] ?? 0) }
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.filter { $0.count >= 4 }.map(String.init))
    }
}
