/// An essay as Briefing understands it, whatever form its seed took.
public struct Essay: Sendable, Equatable {
    /// The seed's path as shown in messages, e.g. `seeds/essay.txt`.
    public var file: String
    public var metadata: EssayMetadata {
        didSet { slug = Slug.make(from: metadata.title) }
    }
    public var body: EssayBody
    /// The URL segment of the briefing, made from its title.
    public private(set) var slug: String

    public init(file: String, metadata: EssayMetadata, body: EssayBody) {
        self.file = file
        self.metadata = metadata
        self.body = body
        slug = Slug.make(from: metadata.title)
    }
}

/// What stands around the essay's text: the header of its page.
public struct EssayMetadata: Sendable, Equatable {
    public var title: String
    public var subtitle: String?
    public var author: String?
    public var bio: String?
    /// The publication date as written in the seed (`YYYY-MM-DD` expected).
    public var date: String?
    public var breadcrumbs: [String]
    public var captions: [Caption]

    public init(title: String, subtitle: String? = nil, author: String? = nil, bio: String? = nil,
                date: String? = nil, breadcrumbs: [String] = [], captions: [Caption] = []) {
        self.title = title
        self.subtitle = subtitle
        self.author = author
        self.bio = bio
        self.date = date
        self.breadcrumbs = breadcrumbs
        self.captions = captions
    }
}

/// An image caption and, separately, whom the image is credited to.
public struct Caption: Sendable, Equatable {
    public var text: String
    public var credit: String?

    public init(text: String, credit: String?) {
        self.text = text
        self.credit = credit
    }
}

/// The essay's text: blocks detected in a scraped seed, or Markdown written by a person.
public enum EssayBody: Sendable, Equatable {
    case blocks([EssayBlock])
    case markdown(String)
}

public enum EssayBlock: Sendable, Equatable {
    case heading(String)
    case paragraph(String)
}
