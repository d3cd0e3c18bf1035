import Testing
@testable import BriefingKit

/// Fields of `facts.csv` as RFC 4180 writes them.
@Suite("CSV fields")
struct CSVFieldTests {
    @Test("a field with a comma, a quote or a line break is quoted, its quotes doubled; others stay as they are", arguments: [
        ("€400 million", "€400 million"),
        ("Serbia, Russia", "\"Serbia, Russia\""),
        ("the “Western core”", "the “Western core”"),
        ("a \"modest\" sum", "\"a \"\"modest\"\" sum\""),
        ("one line\ntwo", "\"one line\ntwo\""),
        ("one line\r\ntwo", "\"one line\r\ntwo\""),
        ("a,\u{301} b", "\"a,\u{301} b\""),
    ])
    func field(_ text: String, _ written: String) {
        #expect(DataExports.csvField(text) == written)
    }
}
