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
        /// The paragraph's anchor id (`Anchor.paragraph(number)`).
        public var id: String
        public var number: Int
        public var text: String
        /// The UTF-8 ranges of `text` set as inline code, which no quote can wrap.
        public var code: [Range<Int>] = []
    }

    public var paragraphs: [Paragraph] { sections.flatMap(\.paragraphs) }
    public var headings: [Section] { sections.filter { $0.title != nil } }

    /// Words are runs of bytes between ASCII white space: the essay's own white space
    /// after ingest. Counted on the bytes in place, several times quicker than walking
    /// a `String.UTF8View` byte by byte.
    public func countWords() -> Int {
        sections.reduce(0) { total, section in
            section.paragraphs.reduce(total) { $0 + Self.countWords(in: $1.text) }
        }
    }

    static func countWords(in text: String) -> Int {
        func count(_ bytes: some Sequence<UInt8>) -> Int {
            var words = 0
            var afterSpace = true
            for byte in bytes {
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if afterSpace, !isSpace { words += 1 }
                afterSpace = isSpace
            }
            return words
        }
        return text.utf8.withContiguousStorageIfAvailable { count($0) } ?? count(text.utf8)
    }
}
