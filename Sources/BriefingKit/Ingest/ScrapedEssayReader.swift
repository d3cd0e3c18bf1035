/// Reads an essay scraped from a web page as plain text, one block per line:
///
///     - Home                          breadcrumb lines, each starting "- "
///     - Section
///     - Title - Subtitle              the last breadcrumb holds the title (without
///                                     breadcrumbs: a title line, then a subtitle line
///                                     if it does not end with a full stop)
///     By Jane Doe                     a byline, if the page has one
///     Jane Doe is a fellow at …       the author's bio, if it opens with a name
///     Paragraph …
///     A caption. / Source: Credit     an image caption and its credit ("Photo:",
///                                     "Image:", "Credit:" … as well as "Source:")
///     A Heading                       short, no closing punctuation, between paragraphs
///     Paragraph …
///
/// The rules look at the shape of a line and at the few words pages set bylines, bios
/// and credits off with, never at what an essay is about, so that any essay scraped the
/// same way reads the same way.
public struct ScrapedEssayReader {
    public var file: String

    public init(file: String) { self.file = file }

    static let breadcrumbMarker = "- "
    static let titleSeparator = " - "
    /// What a caption's credit may be introduced by, after " / ".
    static let creditLabels = ["Source", "Photo", "Photograph", "Image", "Picture", "Illustration", "Credit"]
    static let headingMaximumLength = 90
    static let headingMaximumWords = 12
    static let closingPunctuation: Set<Character> = [".", "!", "?", ":", ";", ",", "…", "\"", "”", "’", "'", ")"]

    public func read(_ text: String) throws(Diagnostic) -> Essay {
        let lines = Self.lines(of: text).enumerated()
            .map { SourceLine(number: $0.offset + 1, text: $0.element.trimmingWhitespace()) }
            .filter { !$0.text.isEmpty }
        guard let first = lines.first else {
            throw Diagnostic(file: file, line: 1, column: 1, "the seed is empty")
        }

        let crumbs = lines.prefix { $0.text.hasPrefix(Self.breadcrumbMarker) || $0.text == "-" }
        let title: String
        let subtitle: String?
        let titleLine: SourceLine
        var rest: [SourceLine]
        if let last = crumbs.last {
            titleLine = last
            (title, subtitle) = splitTitle(String(last.text.dropFirst(Self.breadcrumbMarker.count)))
            guard !title.isEmpty else {
                throw Diagnostic(file: file, line: last.number, column: 1, "no title: the last breadcrumb line is empty")
            }
            rest = Array(lines.dropFirst(crumbs.count))
        } else {
            // Text copied from a page without its breadcrumbs: the title is the first line.
            guard looksLikeTitle(first.text) else {
                throw Diagnostic(file: file, line: first.number, column: 1,
                                 "no title: the first line should be the title (at most \(Self.titleMaximumLength) characters, not ending in a full stop), "
                                 + "or the essay should start with breadcrumb lines (\"- Home\"), the last of which holds \"- Title - Subtitle\"")
            }
            titleLine = first
            title = first.text
            rest = Array(lines.dropFirst())
            if rest.count > 1, looksLikeSubtitle(rest[0].text) {
                subtitle = rest.removeFirst().text
            } else {
                subtitle = nil
            }
        }

        var author: String?
        var bio: String?
        if let candidate = rest.first, let names = authorNames(inByline: candidate.text) {
            author = names
            rest.removeFirst()
        }
        if let candidate = rest.first, let name = authorName(inBio: candidate.text) {
            author = author ?? name
            bio = candidate.text
            rest.removeFirst()
        }

        var captions: [Caption] = []
        var bodyLines: [SourceLine] = []
        for line in rest {
            if let caption = caption(from: line.text) {
                captions.append(caption)
            } else {
                bodyLines.append(line)
            }
        }

        // Each line's shape is asked for three times: as itself and as either neighbour's.
        let headingShaped = bodyLines.map { looksLikeHeading($0.text) }
        let blocks = bodyLines.indices.map { index -> EssayBlock in
            let line = bodyLines[index].text
            let betweenParagraphs = index > 0 && index < bodyLines.count - 1
                && !headingShaped[index - 1] && !headingShaped[index + 1]
            return betweenParagraphs && headingShaped[index] ? .heading(line) : .paragraph(line)
        }
        guard blocks.contains(where: { if case .paragraph = $0 { true } else { false } }) else {
            throw Diagnostic(file: file, line: titleLine.number, column: 1, "the essay has a title but no paragraphs")
        }

        let metadata = EssayMetadata(
            title: title, subtitle: subtitle, author: author, bio: bio,
            breadcrumbs: crumbs.dropLast().map { String($0.text.dropFirst(Self.breadcrumbMarker.count)) }.filter { !$0.isEmpty },
            captions: captions)
        return Essay(file: file, metadata: metadata, body: .blocks(blocks))
    }

    /// Every line of `text`, empty ones too, split at its line feeds. Found on the bytes in
    /// place: splitting on `Character`s walks grapheme clusters for nothing, and the UTF-8
    /// view's `split` steps a string index a byte at a time.
    static func lines(of text: String) -> [Substring] {
        var text = text
        var feeds: [Int] = []
        text.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { feeds.append(offset) }
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(feeds.count + 1)
        var start = utf8.startIndex
        for feed in feeds {
            let end = utf8.index(utf8.startIndex, offsetBy: feed)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        return lines
    }

    struct SourceLine {
        var number: Int
        var text: String
    }

    private func splitTitle(_ text: String) -> (String, String?) {
        guard let separator = text.range(of: Self.titleSeparator) else {
            return (text.trimmingWhitespace(), nil)
        }
        let subtitle = text[separator.upperBound...].trimmingWhitespace()
        return (text[..<separator.lowerBound].trimmingWhitespace(), subtitle.isEmpty ? nil : subtitle)
    }

    /// The line as a caption when " / Source: " (or another of `creditLabels`) sets off
    /// its credit; the first such separator counts.
    func caption(from line: String) -> Caption? {
        guard let separator = Self.firstCreditSeparator(in: line) else { return nil }
        let text = line[..<separator.lowerBound].trimmingWhitespace()
        let credit = line[separator.upperBound...].trimmingWhitespace()
        return Caption(text: text, credit: credit.isEmpty ? nil : credit)
    }

    /// True when the first `count` bytes are ASCII other than a carriage return, so each is
    /// a character of its own and the line has at least `count` characters.
    static func startsWithPlainASCII(_ line: String, count: Int) -> Bool {
        var checked = 0
        for byte in line.utf8 {
            guard checked < count else { break }
            guard byte < 0x80, byte != UInt8(ascii: "\r") else { return false }
            checked += 1
        }
        return checked == count
    }

    private static let creditSlashBytes = Array(" / ".utf8)
    private static let creditLabelBytes = creditLabels.map { Array("\($0): ".utf8) }

    /// Where the first credit separator occurs in `line` as whole characters: searched on
    /// bytes, since every line of every essay is searched, and kept only where both ends
    /// fall between characters (a combining mark after the last space makes that space
    /// part of another character).
    static func firstCreditSeparator(in line: String) -> Range<String.Index>? {
        let bytes = Array(line.utf8)
        let utf8 = line.utf8
        var from = 0
        while let offset = ByteSearch.firstIndex(of: creditSlashBytes, in: bytes, from: from) {
            from = offset + 1
            let labelStart = offset + creditSlashBytes.count
            guard let label = creditLabelBytes.first(where: { bytes[labelStart...].starts(with: $0) }) else { continue }
            if let lower = String.Index(utf8.index(utf8.startIndex, offsetBy: offset), within: line),
               let upper = String.Index(utf8.index(utf8.startIndex, offsetBy: labelStart + label.count), within: line) {
                return lower..<upper
            }
        }
        return nil
    }

    func looksLikeHeading(_ line: String) -> Bool {
        // Counting stops past the limit: most lines are paragraphs, far longer.
        guard line.utf8.count <= Self.headingMaximumLength
                || (!Self.startsWithPlainASCII(line, count: Self.headingMaximumLength + 1)
                    && line.prefix(Self.headingMaximumLength + 1).count <= Self.headingMaximumLength),
              let last = line.last else { return false }
        let words = line.split(separator: " ").count
        return words <= Self.headingMaximumWords && !Self.closingPunctuation.contains(last)
            && line.first?.isUppercase == true
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
