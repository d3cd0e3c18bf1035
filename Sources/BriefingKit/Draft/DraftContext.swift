/// What drafting one essay shares between its kinds of item: the paragraphs as the
/// validator reads them, their sentences, where each entity is named, the ids taken and
/// the stretches of text fact and cross-reference quotes already hold.
struct DraftContext {
    let outline: EssayOutline
    let corpus: QuoteCorpus
    let chooser: QuoteChooser
    /// The model drafted into, as the validator placed its quotes.
    let validated: ValidatedModel?
    var existing: BriefingModel? { validated?.model }
    /// The site's register: drafted names reuse its entries, and new ones join it.
    let register: EntityRegister
    /// What other models of the site define themselves, with their files.
    let elsewhere: [(file: String, entity: Entity)]
    /// Each paragraph's sentences as UTF-8 ranges.
    let sentences: [[Range<Int>]]
    /// Quotes that may not overlap another (facts' and cross-references'), by paragraph.
    var taken: [[Range<Int>]]
    /// Where each entity is named, by paragraph: set once entities are drafted.
    var mentions: [[AliasMatcher.Found]] = []
    /// Where each drafted fact's quote starts, by fact id: set once facts are drafted.
    var factQuoteStarts: [String: (paragraph: Int, offset: Int)] = [:]
    var ids = IDRegistry()

    init(outline: EssayOutline, runs: [[Range<Int>]], existing validated: ValidatedModel?, register: EntityRegister,
         elsewhere: [(file: String, entity: Entity)]) {
        self.outline = outline
        let corpus = QuoteCorpus(outline)
        self.corpus = corpus
        chooser = QuoteChooser(corpus: corpus, runs: runs)
        self.validated = validated
        self.register = register
        self.elsewhere = elsewhere
        ids.reserve(register.entities.map(\.id) + elsewhere.map(\.entity.id), in: .entity)
        sentences = corpus.paragraphs.map { Sentences.indexed($0.text).ranges }
        taken = Array(repeating: [], count: corpus.paragraphs.count)
        if let validated {
            let existing = validated.model
            let index = Dictionary(corpus.paragraphs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            for match in Array(validated.factMatches.values) + Array(validated.crossReferenceMatches.values) {
                if let paragraph = index[match.paragraphID] { taken[paragraph].append(match.range) }
            }
            ids.reserve(existing.entities.map(\.id), in: .entity)
            ids.reserve(existing.facts.map(\.id), in: .fact)
            ids.reserve(existing.events.map(\.id), in: .event)
            ids.reserve(existing.crossReferences.map(\.id), in: .crossReference)
        }
    }

    /// The sentence of paragraph `paragraph` holding `offset`.
    func sentence(in paragraph: Int, at offset: Int) -> Range<Int> {
        sentences[paragraph].first { $0.contains(offset) }
            ?? sentences[paragraph].last { $0.lowerBound <= offset }
            ?? 0..<corpus.paragraphs[paragraph].text.utf8.count
    }

    func text(in paragraph: Int, _ range: Range<Int>) -> String {
        chooser.text(in: paragraph, range)
    }

    /// The ids of the entities named within `range`, in order of first mention.
    func entities(in paragraph: Int, _ range: Range<Int>) -> [String] {
        guard paragraph < mentions.count else { return [] }
        var seen: Set<String> = []
        return mentions[paragraph].filter { range.contains($0.range.lowerBound) && seen.insert($0.entityID).inserted }.map(\.entityID)
    }

    /// The dates a sentence gives, with ranges in the paragraph.
    func dates(in paragraph: Int, _ sentence: Range<Int>) -> [DateMentions.Mention] {
        DateMentions.dates(in: text(in: paragraph, sentence)).map { mention in
            var mention = mention
            mention.range = mention.range.lowerBound + sentence.lowerBound..<mention.range.upperBound + sentence.lowerBound
            return mention
        }
    }

    /// Drafting position: none, since the items are not written yet.
    static let unwritten = SourcePosition(line: 0, column: 0)
}

/// Ids handed out so far, by kind of item; a clash gets `-2`, `-3`…
struct IDRegistry {
    enum Kind { case entity, fact, event, crossReference }
    private var used: [Kind: Set<String>] = [:]

    mutating func reserve(_ ids: [String], in kind: Kind) {
        used[kind, default: []].formUnion(ids)
    }

    mutating func claim(_ base: String, in kind: Kind) -> String {
        used[kind, default: []].claimUnique(base)
    }
}
