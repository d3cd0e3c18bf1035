import Foundation

/// The site's assets under the names they are published at. Stylesheets and scripts
/// carry a fingerprint of their bytes (`style.3f2a1c09d4.css`), so a host can cache them
/// for ever and a changed file still reaches every reader at once.
struct AssetManifest: Sendable {
    /// Published name, by file name under `Templates/assets/`.
    private(set) var names: [String: String] = [:]
    private(set) var files: [PlannedFile] = []

    static let fingerprinted: Set<String> = ["css", "js"]

    init(_ assets: [SourceTree.BinaryFile]) {
        for asset in assets {
            let ext = (asset.name as NSString).pathExtension.lowercased()
            var name = asset.name
            if Self.fingerprinted.contains(ext) {
                let stem = (asset.name as NSString).deletingPathExtension
                name = "\(stem).\(Self.fingerprint(asset.data)).\(ext)"
            }
            names[asset.name] = name
            files.append(PlannedFile(path: Route.asset(name: name).file, data: asset.data))
        }
    }

    /// Ten hex digits of FNV-1a: plenty to tell versions of one file apart.
    static func fingerprint(_ data: Data) -> String {
        let hex = String(FNV1a.hash(data), radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(10))
    }
}
