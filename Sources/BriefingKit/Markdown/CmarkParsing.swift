import CCmarkGFM
import Foundation

/// cmark-gfm 0.29 swaps a global character table on every parse, so two parses running
/// at once silently corrupt each other's output. Every parse goes through this lock.
private let parseLock = NSLock()

enum CmarkParsing {
    static func parse(_ markdown: String) -> (OpaquePointer, OpaquePointer) {
        parseLock.lock()
        defer { parseLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(MarkdownDocument.parseOptions) else {
            fatalError("cmark-gfm could not allocate a parser: out of memory")
        }
        for name in MarkdownDocument.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { start in
                cmark_parser_feed(parser, start, buffer.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            fatalError("cmark-gfm could not allocate a document: out of memory")
        }
        return (parser, root)
    }
}
