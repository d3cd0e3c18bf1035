import BriefingKit
import Foundation

/// Checks that diagnostics point where an editor can go: the file that was read, and a
/// line and column inside it.
enum DiagnosticPlacement {
    /// `lineCount` is the number of lines an editor shows for the file.
    static func check(_ diagnostics: [Diagnostic], file: String, lineCount: Int) throws(BrokenPromise) {
        for diagnostic in diagnostics {
            guard diagnostic.file == file else {
                throw BrokenPromise("a diagnostic names \(diagnostic.file), not the file read, \(file): \(diagnostic)")
            }
            // A missing line or column is allowed: it means the whole file.
            if let line = diagnostic.line, !(1...lineCount).contains(line) {
                throw BrokenPromise("a diagnostic points at line \(line) of a file of \(lineCount) lines: \(diagnostic)")
            }
            if let column = diagnostic.column, column < 1 {
                throw BrokenPromise("a diagnostic points at column \(column): \(diagnostic)")
            }
        }
    }

    /// A failure must say what is wrong: at least one error, not only warnings.
    static func checkFailure(_ failure: BuildFailure, file: String, lineCount: Int) throws(BrokenPromise) {
        guard failure.diagnostics.contains(where: { $0.severity == .error }) else {
            throw BrokenPromise("a failure without an error: \(failure.diagnostics)")
        }
        try check(failure.diagnostics, file: file, lineCount: lineCount)
    }

    /// Lines as editors count them: a carriage return alone ends a line too, and the
    /// position just past a final line break is a line of its own.
    static func lineCount(of data: Data) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in data {
            if byte == 0x0A, previous != 0x0D { count += 1 }
            if byte == 0x0D { count += 1 }
            previous = byte
        }
        return count
    }
}
