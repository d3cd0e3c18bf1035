// TEMPORARY until the names branch lands.
public enum NameScanner {
    public struct Name: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var kind: EntityKind
        public var mentions: [Mention]
    }
    public struct Mention: Sendable, Equatable {
        public var paragraph: Int
        public var range: Range<Int>
        public var alias: String
    }
    public static func names(in paragraphs: [String]) -> [Name] {
        var names: [String: Name] = [:]
        var order: [String] = []
        for (index, text) in paragraphs.enumerated() {
            for match in text.matches(of: /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+/) {
                let name = String(match.output)
                let start = text.utf8.distance(from: text.startIndex, to: match.range.lowerBound)
                let mention = Mention(paragraph: index, range: start..<start + name.utf8.count, alias: name)
                if names[name] == nil { order.append(name); names[name] = Name(name: name, aliases: [name], kind: .organisation, mentions: []) }
                names[name]?.mentions.append(mention)
            }
        }
        return order.compactMap { names[$0] }
    }
}
