import BriefingKit
import CLibFuzzer
import Foundation
import FuzzPipelines

// Any bytes as the model of the seed essay and of the small lakes essay: see
// `ModelPipeline`. The lakes essay is there because its model, in the corpus, reaches
// annotation after far fewer mutations than the seed's.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { start, count in
    do {
        try EssaysUnderTest.pipeline.run(start.map { Data(bytes: $0, count: count) } ?? Data())
    } catch {
        fatalError("\(error)")
    }
    return 0
})
