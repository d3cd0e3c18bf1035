import Foundation

/// Where each briefing's quotes resolved at its last successful build, for re-anchoring
/// them after the author's edits: `.briefing-cache/anchors/NAME.json` in the source
/// folder, one small file per seed, beside the build cache and as disposable. A file that
/// is missing, damaged or not one of these reads as no memory at all, and one that cannot
/// be written is left: the memory only ever sharpens a suggestion, so it never fails a
/// build or changes a site.
public struct QuoteAnchorStore: Sendable {
    /// The build cache's folder (`CacheFolder`), which the `.gitignore` of `init` names.
    static let cacheFolderName = ".briefing-cache"
    static let folderName = "anchors"
    /// Says what a file is and which layout it has; another layout is not read.
    static let format = "briefing-anchors 1"

    let folder: URL

    public init(source: URL) {
        folder = source.standardizedFileURL.appendingPathComponent(Self.cacheFolderName, isDirectory: true)
            .appendingPathComponent(Self.folderName, isDirectory: true)
    }

    /// The file of the seed at `seed` (`seeds/essay.txt` → `essay.json`).
    func url(for seed: String) -> URL {
        let name = seed.split(separator: "/").last.map(String.init) ?? seed
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        return folder.appendingPathComponent(stem + ".json")
    }

    /// The file's bytes as they are on disk, nil when there is none or it cannot be read.
    func bytes(for seed: String) -> Data? {
        try? Data(contentsOf: url(for: seed))
    }

    /// What the seed's file remembers; nothing when it is missing, damaged or foreign.
    public func anchors(for seed: String) -> [QuoteAnchor] {
        bytes(for: seed).map { Self.anchors(in: $0, seed: seed) } ?? []
    }

    static func anchors(in data: Data, seed: String) -> [QuoteAnchor] {
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.format == format, file.seed == seed else { return [] }
        return file.anchors
    }

    /// The file's bytes for `anchors`: sorted keys and fixed layout, so that the same
    /// anchors always make the same bytes. Laid out by `JSONWriter` as `JSONEncoder` did
    /// (pretty, sorted keys, slashes unescaped), at a fraction of its cost: through
    /// `JSONEncoder` these small files took a tenth as long as the briefing's own pages.
    static func encoded(_ anchors: [QuoteAnchor], seed: String) -> Data {
        var bytes = JSONWriter.bytes(of: File(format: format, seed: seed, anchors: anchors), format: .pretty)
        bytes.append(UInt8(ascii: "\n"))
        return Data(bytes)
    }

    /// Writes the seed's anchors, atomically, unless the file already holds these bytes
    /// (`previous`, as read before the build). A failure to write is not the build's.
    func remember(_ anchors: [QuoteAnchor], for seed: String, previous: Data?) {
        let data = Self.encoded(anchors, seed: seed)
        guard data != previous else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Renamed into place, but not flushed to disk as a user's file is: a file a crash
            // left empty reads as no memory, and flushing a thousand of them was a quarter of
            // a large site's first build.
            let target = url(for: seed).path
            let temporary = "\(target).\(getpid())-\(UInt32.random(in: 0...UInt32.max)).new"
            do {
                try SiteWriter.writeFile(data, to: temporary)
                guard rename(temporary, target) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            } catch {
                unlink(temporary)
                throw error
            }
        } catch {
            return
        }
    }

    /// The layout of a file.
    private struct File: Codable, JSONWritable {
        var format: String
        var seed: String
        var anchors: [QuoteAnchor]

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("anchors", anchors)
                json.field("format", format)
                json.field("seed", seed)
            }
        }
    }
}

extension QuoteAnchor: JSONWritable {
    /// The keys in UTF-8 byte order, as `JSONEncoder` sorted them.
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("kind", kind)
            json.field("offset", offset)
            json.field("paragraph", paragraph)
            json.field("paragraphID", paragraphID)
            json.field("prefix", prefix)
            json.field("quote", quote)
            json.field("sectionID", sectionID)
            json.field("suffix", suffix)
        }
    }
}
