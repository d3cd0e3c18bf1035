import Foundation

/// One change to a briefing's model asked for by the page editor, as its JSON reads.
public struct EditRequest: Decodable, Sendable {
    public enum Action: String, Decodable, Sendable {
        case add, update, remove
        /// Drops an item's `review: true`.
        case accept
        /// Removes an item that is still marked for review.
        case dismiss
    }

    public enum Kind: String, Decodable, Sendable {
        case fact, entity, alias, event, crossref
    }

    /// The slug of the briefing whose page sent it.
    public var briefing: String
    /// The model file's hash when that page was made.
    public var modelHash: String
    /// The register's, then; an edit that writes the register is refused without it.
    public var registerHash: String?
    public var action: Action
    public var kind: Kind
    /// The item changed; for an alias, the entity it names.
    public var id: String?
    /// With `update`: the editor reviewed the item, so its `review: true` goes.
    public var accept: Bool?
    public var item: EditItem?
}

/// The fields of an item as the form sends them; which ones a kind takes is `EditItem+Model`'s.
public struct EditItem: Decodable, Sendable {
    var id, figure, label, quote, unit, compare: String?
    var name, kind, role, summary, alias: String?
    var title, to: String?
    var when: String?
    var value: Double?
    var entities, aliases, facts: [String]?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, figure, label, quote, unit, compare, name, kind, role, summary, alias, title, to, when, value, entities, aliases, facts
    }

    /// Any key, to find those the form should not send.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        let everything = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = everything.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw DecodingError.dataCorruptedError(forKey: unknown, in: everything, debugDescription: "'\(unknown.stringValue)' is not a field of a model item")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            try container.decodeIfPresent(String.self, forKey: key).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .flatMap { $0.isEmpty ? nil : $0 }
        }
        id = try text(.id); figure = try text(.figure); label = try text(.label); quote = try text(.quote)
        unit = try text(.unit); compare = try text(.compare); name = try text(.name); kind = try text(.kind)
        role = try text(.role); summary = try text(.summary); alias = try text(.alias); title = try text(.title); to = try text(.to)
        // A year may come as a number.
        if let year = try? container.decodeIfPresent(Int.self, forKey: .when) {
            when = String(year)
        } else {
            when = try text(.when)
        }
        value = try container.decodeIfPresent(Double.self, forKey: .value)
        func list(_ key: CodingKeys) throws -> [String]? {
            try container.decodeIfPresent([String].self, forKey: key)?.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        entities = try list(.entities); aliases = try list(.aliases); facts = try list(.facts)
    }
}
