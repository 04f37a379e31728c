import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// Section IV read as tables: unnumbered controls repeated under several criteria, several results in one cell,
/// deviations written without the word "exception", criteria rows that name the failing control, and the
/// `testing` summary with its finding when the results cannot be read.
final class SOCTestingTests: XCTestCase {
    private func line(_ text: String, x: Double = 60, y: Double, size: Double = 10) -> TextLine {
        SyntheticLayout.line(text, x: x, y: y, size: size)
    }
    private func row(_ cells: [(String, Double)], y: Double) -> TextLine { SyntheticLayout.row(cells, y: y) }
    private func page(_ number: Int, _ lines: [TextLine]) -> Page { SyntheticLayout.page(number, lines) }

    /// Criteria, control, test and result columns; the header cells are centred, so they start right of their text.
    private func cells(_ criteria: String, _ control: String, _ test: String, _ result: String, y: Double) -> TextLine {
        row([(criteria, 40), (control, 90), (test, 250), (result, 430)], y: y)
    }

    private func report(_ section4: [Page], section5: [TextLine] = []) -> PagedText {
        PagedText(mediaType: .pdf, pages: [
            page(1, [line("Brightwater Data, Inc.", y: 100, size: 20), line("SOC 2 Type 2 Report", y: 140, size: 16)]),
            page(2, [line("Section I", y: 50, size: 14), line("Independent Service Auditor's Report", y: 70, size: 14),
                     line("We have examined the description of the Brightwater Platform system throughout the period", y: 100),
                     line("January 1, 2025 to December 31, 2025 based on the trust services criteria relevant to security.", y: 112),
                     line("In our opinion, in all material respects, the controls operated effectively throughout the period", y: 140),
                     line("January 1, 2025 to December 31, 2025.", y: 152),
                     line("Penrose & Vale LLP", y: 180), line("March 3, 2026", y: 194)]),
            page(3, [line("Section II", y: 50, size: 14), line("Management's Assertion", y: 70, size: 14)]),
            page(4, [line("Section III", y: 50, size: 14), line("Description of the Brightwater Platform System", y: 70, size: 14)]),
        ] + section4 + [
            page(section4.count + 5, [line("Section V", y: 50, size: 14), line("Other Information Provided by Brightwater", y: 70, size: 14)]
                 + section5),
        ])
    }

    private var header: [TextLine] { [
        row([("Criteria", 44), ("Control Activity", 120), ("Test Applied by the Auditor", 262), ("Test Results", 452)], y: 60),
    ] }

    /// Two criteria list the same unnumbered control; its second test failed, worded without "exception".
    private func unnumberedReport() -> PagedText {
        let failing: [TextLine] = [
            cells("", "New staff complete awareness", "Inspected the training policy.", "No exceptions noted.", y: 0),
            cells("", "training upon hire.", "Inspected training records for a", "Testing of the control activity", y: 12),
            cells("", "", "sample of new hires.", "disclosed that two of nine", y: 24),
            cells("", "", "", "sampled new hires did not", y: 36),
            cells("", "", "", "complete the training.", y: 48),
        ]
        func shifted(_ lines: [TextLine], by dy: Double) -> [TextLine] {
            lines.map { source in
                var moved = source
                moved.box = Box(x0: source.box.x0, y0: source.box.y0 + dy, x1: source.box.x1, y1: source.box.y1 + dy)
                moved.words = source.words.map { Word(text: $0.text, box: Box(x0: $0.box.x0, y0: $0.box.y0 + dy, x1: $0.box.x1, y1: $0.box.y1 + dy)) }
                return moved
            }
        }
        let page5 = page(5, [line("Section IV", y: 20, size: 14), line("Trust Services Criteria, Related Controls and Tests of Controls", y: 36, size: 12)]
            + header + [
                cells("CC1.4", "Candidates are screened", "Inspected screening records.", "No exceptions noted.", y: 90),
                cells("", "before hire.", "", "", y: 102),
            ] + shifted(failing, by: 130) + [
                cells("", "Incident tickets are", "Inquired of the security lead.", "Testing of the control activity", y: 210),
                cells("", "tracked to closure.", "", "disclosed that no security", y: 222),
                cells("", "", "", "incidents occurred during the", y: 234),
                cells("", "", "", "review period.", y: 246),
            ])
        let page6 = page(6, header + [cells("CC2.2", "Policies are published.", "Inspected the intranet.", "No exceptions noted.", y: 90)]
            + shifted(failing, by: 130))
        return report([page5, page6])
    }

    private func analyse(_ paged: PagedText) -> AssayDocument {
        DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions())
    }

    func testUnnumberedControlRepeatedUnderTwoCriteriaGivesOneException() throws {
        let document = analyse(unnumberedReport())
        XCTAssertEqual(document.exceptions.count, 1)
        let exception = try XCTUnwrap(document.exceptions.first)
        XCTAssertEqual(exception.controlID, "CC1.4")
        XCTAssertEqual(exception.criteria, ["CC1.4", "CC2.2"])
        XCTAssertEqual(exception.control, "New staff complete awareness training upon hire.")
        XCTAssertEqual(exception.deviation,
                       "Testing of the control activity disclosed that two of nine sampled new hires did not complete the training.")
        XCTAssertEqual(exception.confidence, 0.75)
        XCTAssertEqual(exception.evidence.first?.page, 5)
        XCTAssertEqual(exception.evidence.first?.quote, "disclosed that two of nine sampled new hires did not complete the training.")
    }

    func testTestingSummaryCountsEachControlOnce() throws {
        let testing = try XCTUnwrap(analyse(unnumberedReport()).testing)
        XCTAssertEqual(testing.status, .read)
        XCTAssertEqual(testing.controls, 4)
        XCTAssertEqual(testing.resultsRead, 4)
        XCTAssertEqual(testing.exceptions, 1)
        XCTAssertEqual(testing.firstPage, 5)
        XCTAssertEqual(testing.lastPage, 6)
        let codes = analyse(unnumberedReport()).findings.map(\.code)
        XCTAssertTrue(codes.contains("soc.exceptions_present"))
        XCTAssertFalse(codes.contains("soc.testing_unreadable"))
    }

    func testCriteriaRowsNameTheFailingControlAndSectionVAnswersIt() throws {
        let criteriaHeader = row([("Trust Criteria", 44), ("Platform Activity", 200), ("Test Result", 452)], y: 60)
        let page5 = page(5, [line("Section IV", y: 20, size: 14), line("Description of Tests of Controls and Results", y: 36, size: 12),
                             criteriaHeader,
                             row([("CC6.1 The entity restricts", 40), ("KM - 2. Keys are rotated yearly.", 200), ("No exceptions noted.", 430)], y: 90),
                             row([("CC6.6 The entity guards", 40), ("KM - 3. Secrets are vaulted.", 200), ("Exception Noted:", 430)], y: 130),
                             row([("its boundaries.", 40), ("NW - 7. Firewall rules are reviewed", 200), ("NW - 7:", 430)], y: 142),
                             row([("quarterly.", 200), ("For 2 of 4 quarters the", 430)], y: 154),
                             row([("review was not performed.", 430)], y: 166),
                             row([("KM - 3:", 430)], y: 178),
                             row([("One of 9 secrets was not", 430)], y: 190),
                             row([("rotated.", 430)], y: 202)])
        let responseHeader = row([("Control ID", 44), ("Exception Noted", 150), ("Management Response", 330)], y: 100)
        let document = analyse(report([page5], section5: [
            responseHeader,
            row([("NW - 7", 44), ("For 2 of 4 quarters", 150), ("Reviews are now scheduled in the ticketing tool.", 330)], y: 120),
        ]))
        XCTAssertEqual(document.exceptions.map(\.controlID), ["NW-7", "KM-3"])
        XCTAssertEqual(document.exceptions.last?.deviation, "One of 9 secrets was not rotated.")
        XCTAssertEqual(document.exceptions.last?.control, "KM-3. Secrets are vaulted.")
        let exception = try XCTUnwrap(document.exceptions.first)
        XCTAssertEqual(exception.criteria, ["CC6.6"])
        XCTAssertEqual(exception.control, "NW-7. Firewall rules are reviewed quarterly.")
        XCTAssertEqual(exception.deviation, "For 2 of 4 quarters the review was not performed.")
        XCTAssertEqual(exception.managementResponse, "Reviews are now scheduled in the ticketing tool.")
        XCTAssertEqual(exception.confidence, 0.93)
        XCTAssertEqual(document.testing?.controls, 2)
    }

    func testResultsThatCannotBeReadAreNeverClean() throws {
        let page5 = page(5, [line("Section IV", y: 20, size: 14), line("Tests of Controls and Results", y: 36, size: 12)]
            + header + [
                cells("CC6.1", "Access is approved.", "Inspected tickets.", "@#%&", y: 90),
                cells("CC6.2", "Access is removed.", "Inspected tickets.", "~~~", y: 130),
            ])
        let document = analyse(report([page5]))
        XCTAssertEqual(document.exceptions.count, 0)
        XCTAssertEqual(document.testing?.status, .unreadable)
        XCTAssertEqual(document.testing?.controls, 2)
        XCTAssertEqual(document.testing?.resultsRead, 0)
        let finding = try XCTUnwrap(document.findings.first { $0.code == "soc.testing_unreadable" })
        XCTAssertEqual(finding.severity, .high)
        XCTAssertNotNil(finding.followUp)
    }

    func testADeviationOnlySectionVShowsIsStillReported() throws {
        let page5 = page(5, [line("Section IV", y: 20, size: 14), line("Tests of Controls and Results", y: 36, size: 12)]
            + header + [cells("CC6.1", "Access is approved.", "Inspected tickets.", "@#%&", y: 90)])
        let responseHeader = row([("Control", 44), ("Test Results", 200), ("Management's Response", 380)], y: 100)
        let document = analyse(report([page5], section5: [
            responseHeader,
            row([("Access is approved.", 44), ("For 3 of 25 tickets sampled,", 200), ("Approvals are now enforced", 380)], y: 120),
            row([("approval was not obtained.", 200), ("by the ticketing tool.", 380)], y: 132),
        ]))
        XCTAssertEqual(document.testing?.status, .unreadable)
        let exception = try XCTUnwrap(document.exceptions.first)
        XCTAssertEqual(exception.deviation, "For 3 of 25 tickets sampled, approval was not obtained.")
        XCTAssertEqual(exception.managementResponse, "Approvals are now enforced by the ticketing tool.")
        XCTAssertEqual(exception.confidence, 0.7)
        XCTAssertEqual(exception.evidence.first?.page, 6)
    }

    func testStatementsAreClassifiedOneByOne() throws {
        let extractor = SOCExceptionExtractor()
        let rules = try SOCExceptionExtractor.Compiled(RuleBook.standard().load(SOCExceptionExtractor.Rules.self, from: "soc/exceptions.yaml"))
        let cases: [(String, SOCExceptionExtractor.Verdict)] = [
            ("No exceptions noted.", .none), ("No Exceptions Noted", .none), ("No deviations noted", .none),
            ("Exceptions: none", .none), ("Operating effectively.", .none), ("No performance.", .none),
            ("Testing of the control activity disclosed that no security incidents occurred during the review period.", .none),
            ("Exception noted: one ticket lacked approval.", .deviation), ("Deviation noted.", .deviation),
            ("No exceptions noted, except as noted below.", .deviation),
            ("Testing of the control activity disclosed that access was not revoked timely for one out of 34 sampled terminated employees.", .inferred),
            ("1 out of a sample of 44 new employees did not acknowledge the policy.", .inferred),
            ("Inspected the policy.", .unknown),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(extractor.verdict(text, rules), expected, text)
        }
    }

    /// A matrix whose last column only records exceptions ("Exceptions Noted": "None" or what was found).
    func testAnExceptionsNotedColumnIsTheResultsColumn() throws {
        let page5 = page(5, [line("Section IV", y: 20, size: 14), line("Tests of Controls", y: 36, size: 12),
            row([("Criteria", 44), ("Control Activity", 120), ("Tests Performed", 262), ("Exceptions Noted", 452)], y: 60),
            cells("CC6.2", "Access is removed on", "Inspected tickets for a", "None", y: 90),
            cells("", "termination.", "sample of leavers.", "", y: 102),
            cells("CC6.3", "Access is reviewed", "Inspected the quarterly", "For 1 of 4 quarters the", y: 130),
            cells("", "each quarter.", "access reviews.", "review was not performed.", y: 142),
        ])
        let document = analyse(report([page5]))
        XCTAssertEqual(document.exceptions.count, 1)
        XCTAssertEqual(document.exceptions.first?.criteria, ["CC6.3"])
        XCTAssertEqual(document.exceptions.first?.deviation, "For 1 of 4 quarters the review was not performed.")
        let testing = try XCTUnwrap(document.testing)
        XCTAssertEqual(testing.status, .read)
        XCTAssertEqual(testing.controls, 2)
        XCTAssertEqual(testing.resultsRead, 2)
    }
}
