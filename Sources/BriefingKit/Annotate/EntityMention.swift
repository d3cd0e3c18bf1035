/// One place the essay names an entity: what an entity page lists.
public struct EntityMention: Sendable, Equatable {
    public var entityID: String
    public var paragraphID: String
    public var sectionID: String
    /// The sentence the mention stands in, as the essay writes it.
    public var sentence: String
    /// The words used ("Vučić", "Aleksandar Vučić").
    public var alias: String
    /// Only the first mention in each section is a link.
    public var isLinked: Bool
}
