/// A place inside a page that links land on. This type alone knows how each id is
/// spelled; the model names paragraphs and sections by these ids too.
public enum Anchor: Hashable, Sendable {
    /// The essay's Nth paragraph, counted from 1: `p-N`.
    case paragraph(Int)
    /// A section of the essay, by the id `Anchor.sectionIDs` gave its heading.
    case section(String)
    /// A figure highlighted in the essay.
    case fact(String)
    /// The box beside the paragraph that explains a figure.
    case factBox(String)
    /// The bar chart of a compare group.
    case chart(String)
    /// A fact's row in the table of figures.
    case factRow(String)
    /// An event on the timeline.
    case event(String)
    /// A year's heading on the timeline.
    case year(Int)
    /// A kind's group on the entity index.
    case entityKind(String)

    private static let paragraphPrefix = "p-"

    /// The id written into the page.
    public var id: String {
        switch self {
        case let .paragraph(number): "\(Self.paragraphPrefix)\(number)"
        case let .section(id): id
        case let .fact(id): "fact-\(id)"
        case let .factBox(id): "box-\(id)"
        case let .chart(group): "chart-\(group)"
        case let .factRow(id): id
        case let .event(id): id
        case let .year(year): "year-\(year)"
        case let .entityKind(kind): kind
        }
    }

    /// `#id`, to link to it from the same page.
    public var fragment: String { "#" + id }

    /// The number of the paragraph whose id is `id`, or nil when `id` names none.
    public static func paragraphNumber(of id: String) -> Int? {
        guard id.hasPrefix(paragraphPrefix), let number = Int(id.dropFirst(paragraphPrefix.count)), number > 0,
              Anchor.paragraph(number).id == id else { return nil }
        return number
    }

    /// The section before the essay's first heading.
    public static let introductionID = "introduction"

    /// Gives the essay's section headings their ids, in order: each made from its title,
    /// unique in the page and never the introduction's.
    public struct SectionIDs: Sendable {
        private var used: Set<String> = [Anchor.introductionID]

        public init() {}

        public mutating func next(forTitle title: String) -> String {
            let base = Slug.make(from: title)
            return used.claimUnique(base.isEmpty ? "section" : base)
        }
    }
}
