import Foundation

enum Terminal {
    /// Writes straight to standard output: `print` buffers when output is a pipe or a
    /// file, and a long-running `serve` must show its lines as they happen.
    static func printLine(_ message: String) {
        FileHandle.standardOutput.write(Data((message + "\n").utf8))
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
