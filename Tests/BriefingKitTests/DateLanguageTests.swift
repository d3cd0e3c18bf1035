import Foundation
import Testing
@testable import BriefingKit

@Suite("Dates for readers")
struct DateLanguageTests {
    static func date(_ text: String) throws -> PartialDate { try #require(PartialDate(text)) }

    @Test("English writes day, month name and year; a month or a year alone stays short")
    func english() throws {
        let english = DateLanguage(tag: "en")
        #expect(english.format(try Self.date("2020-01-23")) == "23 January 2020")
        #expect(english.format(try Self.date("2008-02-01")) == "1 February 2008")
        #expect(english.format(try Self.date("1999-12")) == "December 1999")
        #expect(english.format(try Self.date("1987")) == "1987")
        #expect(try Self.date("2020-01-23").display == "23 January 2020")
    }

    @Test("French, German and Spanish put the day first, with their own month names and words")
    func otherLanguages() throws {
        let french = DateLanguage(tag: "fr")
        #expect(french.format(try Self.date("2020-01-23")) == "23 janvier 2020")
        #expect(french.format(try Self.date("2021-03-01")) == "1er mars 2021")
        #expect(french.format(try Self.date("2021-08")) == "août 2021")
        #expect(DateLanguage(tag: "de").format(try Self.date("2019-03-07")) == "7. März 2019")
        #expect(DateLanguage(tag: "es").format(try Self.date("2019-11-30")) == "30 de noviembre de 2019")
        #expect(DateLanguage(tag: "es").format(try Self.date("2019-11")) == "noviembre de 2019")
    }

    @Test("a region or script subtag keeps the language; an unknown language falls back to English")
    func tags() throws {
        let day = try Self.date("2022-06-15")
        #expect(DateLanguage(tag: "fr-CA").format(day) == "15 juin 2022")
        #expect(DateLanguage(tag: "DE-ch").format(day) == "15. Juni 2022")
        #expect(DateLanguage(tag: "en-GB").format(day) == "15 June 2022")
        #expect(DateLanguage(tag: "sr-Latn").format(day) == "15 June 2022")
        #expect(DateLanguage(tag: "").format(day) == "15 June 2022")
    }

    @Test("text that is not an ISO date is shown as it was written")
    func notADate() {
        #expect(DateLanguage(tag: "fr").format(iso: "2024-02-10") == "10 février 2024")
        #expect(DateLanguage(tag: "fr").format(iso: "Spring 2024") == "Spring 2024")
        #expect(DateLanguage(tag: "en").format(iso: "2024-02-30") == "2024-02-30")
    }
}
