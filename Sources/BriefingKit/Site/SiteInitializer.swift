import Foundation

/// `briefing init DIR`: a new site that builds at once, from what the binary carries, so
/// that it works wherever the binary is installed. The site is made in a hidden folder
/// beside `DIR` and renamed into place, so a failure leaves nothing half-made.
public struct SiteInitializer: Sendable {
    /// Every file of a new site, by relative path: `site.yml`, `Templates/`, `seeds/`,
    /// `.gitignore` and `README.md`.
    public var files: [(path: String, data: Data)]

    public init(title: String = SiteConfig.defaultTitle) {
        var files: [(path: String, data: Data)] = [
            (SiteConfig.fileName, Data(Self.siteFile(title: title).utf8)),
            (".gitignore", Data(Self.gitignore.utf8)),
            ("README.md", Data(Self.readme.utf8)),
        ]
        files += EmbeddedTemplates.files.map { ("\(SourceTree.templatesFolder)/\($0.path)", $0.data) }
        self.files = files
    }

    /// Makes the site at `folder`, creating the folder if it is missing; refuses a
    /// folder that exists and holds anything, writing nothing.
    public func create(at folder: URL) throws(Diagnostic) {
        let manager = FileManager.default
        let target = folder.standardizedFileURL
        let shown = target.path
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        if exists {
            guard isFolder.boolValue else { throw Diagnostic(file: shown, "is a file; `briefing init` makes a new folder, or fills an empty one") }
            let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
            guard entries.isEmpty else {
                throw Diagnostic(file: shown, "is not empty (it holds \(Self.describe(entries))); `briefing init` makes a site only in a new or empty folder, so nothing was written")
            }
        }
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).briefing-init-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            try manager.createDirectory(at: staging.appendingPathComponent(SourceTree.seedsFolder), withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            // An empty folder is removed and the new one renamed in its place: rename
            // cannot replace a folder, and this keeps the step that makes the site one rename.
            if exists { try manager.removeItem(at: target) }
            try manager.moveItem(at: staging, to: target)
        } catch {
            try? manager.removeItem(at: staging)
            throw Diagnostic(file: shown, "cannot make the site: \(error.localizedDescription)")
        }
    }

    private static func describe(_ entries: [String]) -> String {
        let sorted = entries.sorted()
        let named = sorted.prefix(3).joined(separator: ", ")
        return sorted.count > 3 ? "\(named) and \(sorted.count - 3) more" : named
    }

    /// Every key `site.yml` knows, each explained; those that need a value of the
    /// user's own are left commented out.
    static func siteFile(title: String) -> String {
        """
        # The site: every key is optional. Run `briefing check` after editing.

        # Shown in every page's header, the home page's title and the feed.
        title: \(YAMLText.quoted(title))

        # The home page's introduction and meta description, and the feed's subtitle.
        description: "Essays, annotated: the names, figures and events they rest on."

        # Where the site will be published: canonical links, social cards, sitemap.xml
        # and feed.xml use it. `briefing build --base-url URL` overrides it; without
        # either, links point at the preview, http://127.0.0.1:8000/.
        # base_url: "https://example.org/briefings/"

        # The language of the pages, as a BCP 47 tag (en, fr, de-CH, pt-BR): <html lang>
        # and the names of months in dates (English for a language Briefing lacks).
        language: en

        # Who publishes the site, for search engines (schema.org publisher). The logo is
        # an absolute URL or a path from the site's root, e.g. assets/logo.png.
        # publisher:
        #   name: "Example Press"
        #   url: "https://example.org/"
        #   logo: "assets/logo.png"

        # The author of a briefing whose seed names none.
        # author: "The Editors"

        # How many briefings each page of the home page lists, and how many names each page
        # of the entity index holds; the later pages are page/2/, page/3/ and so on.
        # paginate: 25

        """
    }

    /// `Public/` is left to the user, who may publish it from the repository.
    static let gitignore = """
    # Briefing's build cache: remade whenever it is missing.
    /.briefing-cache/

    """

    static let readme = """
    # A Briefing site

    Briefing turns essays into annotated briefing websites. This folder holds the site:
    `site.yml` (its name, description, address and language), `seeds/` (the essays, their
    models and the register of entities) and `Templates/` (its look, which you can edit).

    ## Next steps

    1. Add an essay to `seeds/`: plain text as `seeds/NAME.txt` (the title on the first
       line, one paragraph per line; a scraped page's breadcrumbs, byline and captions
       are read too), or Markdown with front matter as `seeds/NAME.md`.
    2. `briefing draft seeds/NAME.txt` writes a first model of it, `seeds/NAME.yml`:
       the names and figures it finds, each marked for your review. The people, places
       and organisations it names go into `seeds/entities.yml`, the register that
       defines each once for the whole site; the next essay's draft reuses them.
    3. `briefing check` validates the essays, models and templates and lists the figures
       no fact covers yet.
    4. `briefing serve` shows the site at http://127.0.0.1:8000/ and reloads it as you
       edit `site.yml`, a seed, a model or a template.
    5. `briefing build` writes the site into `Public/`, ready to publish; set `base_url`
       in `site.yml` (or pass `--base-url`) to where it will live.

    """
}
