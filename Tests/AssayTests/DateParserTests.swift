@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// The date parser on the ways assurance documents write dates, with exact readings.
final class DateParserTests: XCTestCase {
    static let parser: DateParser = {
        // A parser that cannot be built is a broken dates.yaml: fail every test loudly.
        try! DateParser(rules: RuleBook(directory: Repo.root.appendingPathComponent("extractors")))
    }()

    private func read(_ text: String, _ order: DateParser.SlashOrder = .monthFirst) -> [String] {
        Self.parser.dates(in: text, slashOrder: order).map { "\($0.text) = \($0.date)" }
    }

    func testEnglishNamedDatesInBothOrders() {
        XCTAssertEqual(read("for the period January 1, 2025 to December 31st 2025"),
                       ["January 1, 2025 = 2025-01-01", "December 31st 2025 = 2025-12-31"])
        XCTAssertEqual(read("issued 5th June 2028 and valid until 4 June 2031"),
                       ["5th June 2028 = 2028-06-05", "4 June 2031 = 2031-06-04"])
        XCTAssertEqual(read("Sept. 30, 2024"), ["Sept. 30, 2024 = 2024-09-30"])
    }

    func testOtherLanguagesMonthNamesAndConnectors() {
        XCTAssertEqual(read("gültig bis 1. Januar 2027"), ["1. Januar 2027 = 2027-01-01"])
        XCTAssertEqual(read("válido hasta el 5 de junio de 2028"), ["5 de junio de 2028 = 2028-06-05"])
        XCTAssertEqual(read("valable jusqu'au 1er janvier 2026"), ["1er janvier 2026 = 2026-01-01"])
        XCTAssertEqual(read("действителен до 12 июля 2026"), ["12 июля 2026 = 2026-07-12"])
    }

    func testNumericDates() {
        XCTAssertEqual(read("2023-07-12"), ["2023-07-12 = 2023-07-12"])
        // Dots and dashes are day first; slashes follow the order asked for.
        XCTAssertEqual(read("12.07.2023"), ["12.07.2023 = 2023-07-12"])
        XCTAssertEqual(read("05/06/2028"), ["05/06/2028 = 2028-05-06"])
        XCTAssertEqual(read("05/06/2028", .dayFirst), ["05/06/2028 = 2028-06-05"])
        // Only one order makes a date, so it is taken whichever was asked for.
        XCTAssertEqual(read("13/05/2028"), ["13/05/2028 = 2028-05-13"])
    }

    func testAmbiguityIsReportedWithTheOtherReading() throws {
        let mention = try XCTUnwrap(Self.parser.firstDate(in: "05/06/2028"))
        XCTAssertTrue(mention.isAmbiguous)
        XCTAssertEqual(mention.alternative?.description, "2028-06-05")
        let plain = try XCTUnwrap(Self.parser.firstDate(in: "06/06/2028"))
        XCTAssertFalse(plain.isAmbiguous)
        XCTAssertNil(plain.alternative)
    }

    func testNotDates() {
        XCTAssertEqual(read("31 June 2025, 29 February 2025, 2025-13-01"), [])
        XCTAssertEqual(read("ISO/IEC 27001:2022 control A.5.1.2, version 1.2.3, page 12/2025"), [])
        XCTAssertEqual(read("may 2025 be a good year"), [])
    }

    func testSlashOrderIsJudgedFromTheWholeDocument() {
        XCTAssertEqual(Self.parser.slashOrder(forDocument: "from 01/07/2025 to 30/06/2026"), .dayFirst)
        XCTAssertEqual(Self.parser.slashOrder(forDocument: "from 07/01/2025 to 06/30/2026"), .monthFirst)
        XCTAssertNil(Self.parser.slashOrder(forDocument: "from 01/07/2025 to 02/08/2025"))
    }

    /// A document's lines are judged as their joined text is, though only the lines with a slash are searched.
    func testSlashOrderOfLinesIsThatOfTheirText() {
        let cases = [
            ["issued 2025-13-01", "from 01/07/2025", "to 30/06/2026"],
            ["period 07/01/2025", "through 31.12.2025", "31.12.2025 and 13.01.2025", "signed 06/30/2026"],
            ["25.12.2025", "/", "01/13/2026", "12/", "05/2026 and 01.02.03/04/2025"],
            ["13/01/2025 13.01.2025", "01/13/2025-", "02/14/2025"],
        ]
        let expected: [DateParser.SlashOrder?] = [.dayFirst, .monthFirst, .monthFirst, .monthFirst]
        for (lines, order) in zip(cases, expected) {
            XCTAssertEqual(Self.parser.slashOrder(forLines: lines), order, "\(lines)")
            XCTAssertEqual(Self.parser.slashOrder(forLines: lines), Self.parser.slashOrder(forDocument: lines.joined(separator: "\n")), "\(lines)")
        }
    }
}
