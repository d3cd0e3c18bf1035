import Foundation

/// The default `Templates/` folder, carried inside the binary: `briefing init` writes it
/// out wherever the binary is installed. The EmbedTemplates build plugin generates
/// `encodedFiles` from the repository's `Templates/` on every build, so the copy cannot
/// drift from the folder.
public enum EmbeddedTemplates {
    /// Every file, by its path relative to `Templates/`, sorted by path.
    public static var files: [(path: String, data: Data)] {
        encodedFiles.compactMap { file in Data(base64Encoded: file.base64).map { (file.path, $0) } }
    }
}
