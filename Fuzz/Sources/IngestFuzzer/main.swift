import CLibFuzzer
import Foundation
import FuzzPipelines

// Any bytes as a seed file: see `IngestPipeline`.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { start, count in
    do {
        try IngestPipeline.run(start.map { Data(bytes: $0, count: count) } ?? Data())
    } catch {
        fatalError("\(error)")
    }
    return 0
})
