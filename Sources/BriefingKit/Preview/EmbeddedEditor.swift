import Foundation

/// The page editor of `briefing serve --edit` (`Preview/Editor/`), carried inside the
/// binary like the default templates; the preview serves it under `/__briefing/`.
enum EmbeddedEditor {
    /// Every file, by its name, with its bytes.
    static let files: [String: Data] = Dictionary(
        encodedFiles.compactMap { file in Data(base64Encoded: file.base64).map { (file.path, $0) } },
        uniquingKeysWith: { first, _ in first })
}
