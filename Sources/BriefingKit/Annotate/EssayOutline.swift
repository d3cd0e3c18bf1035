/// The essay's sections and paragraphs with the ids they carry on the page: what quotes
/// are looked up in, and what the table of contents and cross-references point at.
public struct EssayOutline: Sendable, Equatable {
    public var sections: [Section]

    public struct Section: Sendable, Equatable {
        /// The heading's id, or `introduction` for the text before the first heading.
        public var id: String
        /// Nil for the introduction, which has no heading of its own.
        public var title: String?
        public var paragraphs: [Paragraph]
    }

    public struct Paragraph: Sendable, Equatable {
        /// `p-1`, `p-2`, … in reading order.
        public var id: String
        public var number: Int
        public var text: String
    }

    public static let introductionID = "introduction"

    public var paragraphs: [Paragraph] { sections.flatMap(\.paragraphs) }
    public var headings: [Section] { sections.filter { $0.title != nil } }
}
