/// An input that made Briefing break a promise it makes about every input: it neither
/// succeeded nor failed with diagnostics that locate the problem in the file.
///
/// Crashes need no type of their own: the fuzzer and the test runner see them anyway.
/// This is for the quieter failures that only a check after each stage can see.
public struct BrokenPromise: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) { self.description = description }
}
