/// A node of a YAML document as Briefing reads it: text, a list or a mapping, with the
/// place libyaml saw it start. Scalars stay untyped text; the reader decides what each
/// key holds.
///
/// An alias is the node it names, place included, so a problem in an aliased value is
/// shown where the value is written.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    struct Scalar: Sendable {
        var string: String
        var style: Style
    }

    /// libyaml's scalar styles, with its numbering.
    enum Style: UInt32, Sendable {
        case any = 0, plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Pair: Sendable {
        var key: YAMLNode
        var value: YAMLNode
    }

    var content: Content
    /// The tag written on the node, nil when it has its kind's default tag. Only mapping
    /// keys look at tags: `!x a` and `a` are different keys.
    var tag: String?
    /// 1-based, as libyaml counts: see `YAMLPositions` for the editor's count.
    var line: Int
    var column: Int

    var scalar: Scalar? {
        if case let .scalar(scalar) = content { return scalar }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case let .sequence(nodes) = content { return nodes }
        return nil
    }

    var mapping: [Pair]? {
        if case let .mapping(pairs) = content { return pairs }
        return nil
    }
}
