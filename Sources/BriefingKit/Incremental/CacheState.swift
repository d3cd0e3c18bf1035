/// What the build cache remembers of the last build into one output folder: which Briefing
/// made it, from which sources, and with what result. A build compares its sources with
/// this and makes again only what changed.
struct CacheState: Equatable, Sendable {
    var maker: CacheMaker
    /// The absolute source folder: a cache carried along with a copied site is not trusted.
    var sourceFolder: String
    /// The absolute output folder whose files `outputs` describes.
    var outputFolder: String
    /// Everything besides a briefing's own seed and model that its pages depend on.
    var renderKey: UInt64
    /// Every briefing made, by its seed's path.
    var briefings: [String: CachedBriefing] = [:]
    var siteWide: CachedSiteWide?
    /// Every file of the site as written, by its path in the output folder.
    var outputs: [String: OutputFile] = [:]
}

/// One briefing as the last build made it.
struct CachedBriefing: Equatable, Sendable {
    var seed: SourceIdentity
    /// The model's path and identity, when the briefing has one.
    var modelPath: String?
    var model: SourceIdentity?
    /// The name of the file in the cache holding its digest.
    var digestKey: UInt64
    var kept: KeptBriefing

    /// Whether `seed` and `model` have the bytes this briefing was made from.
    func isMade(fromSeed seed: SourceIdentity?, modelPath: String?, model: SourceIdentity?) -> Bool {
        seed?.hash == self.seed.hash && modelPath == self.modelPath && model?.hash == self.model?.hash
    }
}

/// The site-wide pages of the last build and the entity directory they were made from.
struct CachedSiteWide: Equatable, Sendable {
    var paths: [String]
    var seeds: Set<String>
    var directoryKey: UInt64
}

/// A file of the site as last written: the hash of its bytes, and how it looked on disk
/// right after, so that a build can tell it is still there unchanged without reading it.
struct OutputFile: Equatable, Sendable {
    var hash: UInt64
    var stamp: FileStamp?
}

/// Which Briefing wrote a cache: its version and the executable itself, so that a cache
/// written by another build of the same version, whose digests may be laid out
/// differently, is not trusted either.
struct CacheMaker: Equatable, Sendable {
    var version: String
    /// The running executable's size and modification time.
    var executable: String

    static let current: CacheMaker = {
        let stamp = FileStamp(path: "/proc/self/exe")
        let executable = stamp.map { "\($0.size)-\($0.modified.seconds).\($0.modified.nanoseconds)" } ?? "unknown"
        return CacheMaker(version: BriefingVersion.current, executable: executable)
    }()

    /// Why a cache written by `other` is not this Briefing's, in plain words.
    func difference(from other: CacheMaker) -> String? {
        if other.version != version { return "it was made by Briefing \(other.version), and this is \(version)" }
        if other.executable != executable { return "it was made by another build of Briefing \(version)" }
        return nil
    }
}

extension CacheState {
    func write(to writer: inout CacheWriter) {
        writer.string(maker.version)
        writer.string(maker.executable)
        writer.string(sourceFolder)
        writer.string(outputFolder)
        writer.word(renderKey)
        writer.dictionary(briefings) { $1.write(to: &$0) }
        writer.optional(siteWide) { writer, siteWide in
            writer.strings(siteWide.paths)
            writer.strings(siteWide.seeds.sorted())
            writer.word(siteWide.directoryKey)
        }
        writer.dictionary(outputs) { writer, file in
            writer.word(file.hash)
            writer.optional(file.stamp) { $1.write(to: &$0) }
        }
    }

    /// Reads who made the cache first, so that a cache of another Briefing is told apart
    /// before anything else is read: `expecting` the maker it must have.
    init(from reader: inout CacheReader, expecting expected: CacheMaker? = nil) throws(CacheDamage) {
        maker = CacheMaker(version: try reader.string(), executable: try reader.string())
        if let expected, let difference = expected.difference(from: maker) { throw CacheDamage(difference) }
        sourceFolder = try reader.string()
        outputFolder = try reader.string()
        renderKey = try reader.word()
        briefings = try reader.dictionary { reader throws(CacheDamage) in try CachedBriefing(from: &reader) }
        siteWide = try reader.optional { reader throws(CacheDamage) in
            CachedSiteWide(paths: try reader.strings(), seeds: Set(try reader.strings()), directoryKey: try reader.word())
        }
        outputs = try reader.dictionary { reader throws(CacheDamage) in
            OutputFile(hash: try reader.word(), stamp: try reader.optional { reader throws(CacheDamage) in try FileStamp(from: &reader) })
        }
        guard reader.isAtEnd else { throw CacheDamage("it holds more than a cache does") }
    }
}

extension CachedBriefing {
    func write(to writer: inout CacheWriter) {
        seed.write(to: &writer)
        writer.optionalString(modelPath)
        writer.optional(model) { $1.write(to: &$0) }
        writer.word(digestKey)
        kept.listing.write(to: &writer)
        writer.string(kept.slug)
        writer.strings(kept.files)
        writer.array(kept.warnings) { $1.write(to: &$0) }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        seed = try SourceIdentity(from: &reader)
        modelPath = try reader.optionalString()
        model = try reader.optional { reader throws(CacheDamage) in try SourceIdentity(from: &reader) }
        digestKey = try reader.word()
        kept = KeptBriefing(listing: try BriefingSummaryView(from: &reader), slug: try reader.string(), files: try reader.strings(),
                            warnings: try reader.array { reader throws(CacheDamage) in try Diagnostic(from: &reader) })
    }
}

extension SourceIdentity {
    func write(to writer: inout CacheWriter) {
        writer.word(hash)
        writer.optional(stamp) { $1.write(to: &$0) }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(hash: try reader.word(), stamp: try reader.optional { reader throws(CacheDamage) in try FileStamp(from: &reader) })
    }
}

extension FileStamp {
    func write(to writer: inout CacheWriter) {
        writer.unsigned(device)
        writer.unsigned(inode)
        writer.int(Int(size))
        for instant in [modified, changed] {
            writer.int(Int(instant.seconds))
            writer.int(Int(instant.nanoseconds))
        }
    }

    init(from reader: inout CacheReader) throws(CacheDamage) {
        self.init(device: try reader.unsigned(), inode: try reader.unsigned(), size: Int64(try reader.int()),
                  modified: Instant(seconds: Int64(try reader.int()), nanoseconds: Int64(try reader.int())),
                  changed: Instant(seconds: Int64(try reader.int()), nanoseconds: Int64(try reader.int())))
    }
}
