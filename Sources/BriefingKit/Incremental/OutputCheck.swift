import Foundation

/// Which files of the last build's output are no longer as it wrote them: removed,
/// rewritten, or made anew by someone else. A file whose stamp changed but whose bytes
/// still hash as written (a checkout of the output, a copy that kept it) is as written.
/// The briefings that own a changed file are made again, and a changed site-wide page has
/// every site-wide page made again, so that a build never trusts a file it did not write.
struct OutputCheck {
    /// The files still as written, with their stamps as they are now.
    var outputs: [String: OutputFile] = [:]
    /// Seeds whose briefing has a file that is not as written.
    var remade: Set<String> = []
    var siteWideDamaged = false

    init(_ state: CacheState, output: URL) {
        let base = output.standardizedFileURL.path + "/"
        let recorded = Array(state.outputs)
        let checked = ResultSlots<OutputFile>(count: recorded.count)
        // Both cores: a site of a thousand briefings has six thousand files to look at.
        let chunk = 256
        DispatchQueue.concurrentPerform(iterations: (recorded.count + chunk - 1) / chunk) { part in
            for index in part * chunk..<min(recorded.count, (part + 1) * chunk) {
                let (path, file) = recorded[index]
                if let now = Self.check(file, at: base + path) { checked[index] = now }
            }
        }
        for (index, (path, _)) in recorded.enumerated() {
            if let file = checked[index] { outputs[path] = file }
        }
        for (seed, briefing) in state.briefings where !briefing.kept.files.allSatisfy({ outputs[$0] != nil }) {
            remade.insert(seed)
        }
        siteWideDamaged = !(state.siteWide?.paths.allSatisfy { outputs[$0] != nil } ?? false)
    }

    /// The file as it is now when its bytes are those written, else nil.
    private static func check(_ file: OutputFile, at path: String) -> OutputFile? {
        guard let stamp = FileStamp(path: path) else { return nil }
        if stamp == file.stamp { return file }
        guard let data = try? FileBytes.read(path, shownAs: path), ContentHash.hash(data) == file.hash else { return nil }
        return OutputFile(hash: file.hash, stamp: stamp)
    }
}
