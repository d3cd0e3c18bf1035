import Algorithms

/// The edits one validated model makes to one essay's tree: fact highlights and boxes,
/// cross-reference links, entity links and marks.
struct TreeAnnotation {
    let document: MarkdownDocument
    let outline: EssayOutline
    let model: ValidatedModel
    /// Links from the briefing's page, where the annotated essay stands.
    let links: PageLinks
    private(set) var mentions: [EntityMention] = []
    /// The sentences of each paragraph that names an entity, as split for its mentions:
    /// the sentences of its facts are found in them too, not split again.
    private(set) var sentences: [String: Sentences.Indexed] = [:]
    private var problems: ModelProblems

    /// Paragraph blocks by paragraph id.
    private let paragraphs: [String: MarkdownNode]

    init(document: MarkdownDocument, outline: EssayOutline, model: ValidatedModel, links: PageLinks) {
        self.document = document
        self.outline = outline
        self.model = model
        self.links = links
        problems = ModelProblems(file: model.model.file)
        paragraphs = Dictionary(uniqueKeysWithValues: zip(outline.paragraphs.map(\.id), document.readingParagraphs))
    }

    mutating func apply() throws(BuildFailure) {
        let facts = model.model.facts.compactMap { fact in model.factMatches[fact.id].map { (fact, $0) } }
        for (fact, match) in facts {
            wrapQuote(fact.quote, at: match, owner: "fact '\(fact.id)'",
                      with: .custom(open: "<a class=\"fact\" id=\"\(HTMLText.escape(Anchor.fact(fact.id).id))\" href=\"\(HTMLText.escape(links.here(.factBox(fact.id))))\" data-fact=\"\(HTMLText.escape(fact.id))\">", close: "</a>"))
        }
        for reference in model.model.crossReferences {
            guard let match = model.crossReferenceMatches[reference.id] else { continue }
            let href = HTMLText.escape(href(for: reference.target))
            let label = HTMLText.escape(targetLabel(reference.target))
            wrapQuote(reference.quote, at: match, owner: "cross-reference '\(reference.id)'",
                      with: .custom(open: "<a class=\"xref\" href=\"\(href)\" data-xref=\"\(HTMLText.escape(reference.target.description))\" data-target-label=\"\(label)\">",
                                    close: "</a>"))
        }
        guard problems.diagnostics.isEmpty else { throw BuildFailure(problems.diagnostics) }
        markEntities()
        insertFactBoxes(facts.map { ($0.0, $0.1) })
    }

    /// What a cross-reference points at, in words a printed page can show: "¶12",
    /// "§ Energy & Trade", a figure or a name.
    func targetLabel(_ target: CrossReference.Target) -> String {
        switch target {
        case let .section(id): "§ " + (outline.sections.first { $0.id == id }?.title ?? "Introduction")
        case let .paragraph(id): "¶" + (Anchor.paragraphNumber(of: id).map(String.init) ?? id)
        case let .fact(id): model.model.fact(id)?.figure ?? id
        case let .entity(id): model.model.entity(id)?.name ?? id
        }
    }

    /// Where a cross-reference leads from the briefing page.
    func href(for target: CrossReference.Target) -> String {
        switch target {
        case let .section(id): links.here(.section(id))
        case let .paragraph(id):
            // The validator has made sure the id names a paragraph of the essay.
            Anchor.paragraphNumber(of: id).map { links.here(.paragraph($0)) } ?? ""
        case let .fact(id): links.here(.fact(id))
        case let .entity(id): links.to(.entity(id: id))
        }
    }

    /// Wraps the one occurrence of a quote inside its paragraph. A quote that straddles
    /// formatting (emphasis, a link) cannot be wrapped whole and is reported.
    ///
    /// The validator found the quote's one occurrence in the paragraph's text, whose
    /// offsets are the text runs' offsets: refolding every run for each quote would cost
    /// more than the rest of the annotation.
    private mutating func wrapQuote(_ quote: Quote, at match: QuoteCorpus.Match, owner: String, with wrapper: InlineWrapper) {
        guard let paragraph = paragraphs[match.paragraphID] else { return }
        if let holder = Self.run(holding: match.range, in: Self.runRanges(of: paragraph)) {
            let start = match.range.lowerBound - holder.range.lowerBound
            document.wrap(start..<start + match.range.count, of: holder.run.node, in: wrapper)
            return
        }
        problems.error("quote of \(owner) crosses formatting or another quote in \(match.paragraphID); quote words that stand in one run of plain text", at: quote.position)
    }

    /// The paragraph's text runs with the UTF-8 range of its text that each holds.
    private static func runRanges(of paragraph: MarkdownNode) -> [(run: MarkdownNode.TextRun, range: Range<Int>)] {
        paragraph.textRuns().map { (run: $0, range: $0.offset..<$0.offset + $0.length) }
    }

    /// Links the first mention of each entity in each section and marks the others. The
    /// names were found once in the paragraph's text; here each is placed in the text
    /// node that holds it.
    private mutating func markEntities() {
        let kinds = Dictionary(model.model.entities.map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { first, _ in first })
        // An entity is named many times in a briefing: its tags are made at its first mention.
        var tagsByEntity: [String: EntityTags] = [:]
        for section in outline.sections {
            var linked: Set<String> = []
            for paragraph in section.paragraphs {
                guard let block = paragraphs[paragraph.id] else { continue }
                let found = model.aliasMatches[paragraph.id] ?? []
                guard !found.isEmpty else { continue }
                var sentences = Sentences.indexed(paragraph.text)
                let runs = Self.runRanges(of: block)
                var edits: [(node: MarkdownNode, range: Range<Int>, wrapper: InlineWrapper)] = []
                for name in found {
                    // A name inside a link, or split by formatting, is still a mention but cannot become a link.
                    let holder = Self.run(holding: name.range, in: runs)
                    let canWrap = holder.map { !$0.run.isInsideLink } ?? false
                    let isLinked = canWrap && linked.insert(name.entityID).inserted
                    mentions.append(EntityMention(
                        entityID: name.entityID, paragraphID: paragraph.id, sectionID: section.id,
                        sentence: sentences.sentence(atUTF8Offset: name.range.lowerBound) ?? paragraph.text,
                        alias: name.alias, isLinked: isLinked))
                    guard canWrap, let holder else { continue }
                    let tags: EntityTags
                    if let made = tagsByEntity[name.entityID] {
                        tags = made
                    } else {
                        tags = EntityTags(entityID: name.entityID, kind: kinds[name.entityID] ?? "", links: links)
                        tagsByEntity[name.entityID] = tags
                    }
                    let wrapper: InlineWrapper = isLinked ? .custom(open: tags.link, close: "</a>") : .custom(open: tags.mark, close: "</span>")
                    let start = name.range.lowerBound - holder.range.lowerBound
                    edits.append((holder.run.node, start..<start + name.range.count, wrapper))
                }
                // Right to left: each wrap keeps the text before it in the same node.
                for edit in edits.reversed() {
                    document.wrap(edit.range, of: edit.node, in: edit.wrapper)
                }
                self.sentences[paragraph.id] = sentences
            }
        }
    }

    /// The opening tags of an entity's link, at its first mention in a section, and of
    /// its mark, at the others.
    private struct EntityTags {
        var link: String
        var mark: String

        init(entityID: String, kind: String, links: PageLinks) {
            let id = HTMLText.escape(entityID)
            let href = HTMLText.escape(links.to(.entity(id: entityID)))
            link = "<a class=\"entity entity-\(HTMLText.escape(kind))\" href=\"\(href)\" data-entity=\"\(id)\">"
            mark = "<span class=\"entity-mention\" data-entity=\"\(id)\">"
        }
    }

    /// The text run that holds all of `range`, found by binary search: runs are in
    /// offset order and do not overlap.
    private static func run(holding range: Range<Int>, in runs: [(run: MarkdownNode.TextRun, range: Range<Int>)])
        -> (run: MarkdownNode.TextRun, range: Range<Int>)? {
        var low = runs.partitioningIndex { $0.range.upperBound > range.lowerBound }
        // Empty runs share an offset with the next one: step over them.
        while low < runs.count, runs[low].range.isEmpty || !runs[low].range.contains(range.lowerBound) {
            guard runs[low].range.lowerBound <= range.lowerBound else { return nil }
            low += 1
        }
        guard low < runs.count, range.upperBound <= runs[low].range.upperBound else { return nil }
        return runs[low]
    }

    /// The boxes of a paragraph's facts after it, in the order of the text; a chart of each
    /// compare group after the boxes of the paragraph with its last fact. A paragraph in a
    /// quotation or a list has its boxes after the quotation or the list, with those of
    /// the other paragraphs there: the boxes hang in the margin beside the essay's blocks.
    private func insertFactBoxes(_ facts: [(Fact, QuoteCorpus.Match)]) {
        let order = Dictionary(uniqueKeysWithValues: outline.paragraphs.enumerated().map { ($0.element.id, $0.offset) })
        let position = { (match: QuoteCorpus.Match) in (order[match.paragraphID] ?? 0, match.range.lowerBound) }
        var lastOfGroup: [String: (Fact, QuoteCorpus.Match)] = [:]
        for (fact, match) in facts {
            guard let group = fact.compare, Self.chartable(group, in: model.model) else { continue }
            if let current = lastOfGroup[group], position(current.1) > position(match) { continue }
            lastOfGroup[group] = (fact, match)
        }
        // The block each paragraph with a fact hangs its boxes after, found once per paragraph.
        var hosts: [String: MarkdownNode] = [:]
        var byHost: [OpaquePointer: (host: MarkdownNode, items: [(Fact, QuoteCorpus.Match)])] = [:]
        for item in facts {
            guard let paragraph = paragraphs[item.1.paragraphID] else { continue }
            let host = hosts[item.1.paragraphID] ?? paragraph.topLevelBlock
            hosts[item.1.paragraphID] = host
            byHost[host.pointer, default: (host, [])].items.append(item)
        }
        for (host, items) in byHost.values {
            // Each block is inserted right after its host, so the last to go in comes
            // first: charts, then the boxes.
            for group in lastOfGroup.filter({ hosts[$0.value.1.paragraphID] == host }).keys.sorted().reversed() {
                document.insertBlock(html: BlockMarker.chart(group).html, after: host)
            }
            let ids = items.sorted { position($0.1) < position($1.1) }.map(\.0.id)
            document.insertBlock(html: BlockMarker.factBoxes(ids).html, after: host)
        }
    }

    /// A group is charted when at least two of its facts have a value to draw.
    static func chartable(_ group: String, in model: BriefingModel) -> Bool {
        model.facts.filter { $0.compare == group && $0.value != nil }.count >= 2
    }
}
