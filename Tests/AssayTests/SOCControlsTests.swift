import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// `controls[]`, the k-of-n sample of exceptions, the testing summary by method, and CSOCs.
final class SOCControlsTests: XCTestCase {
    private func reader() throws -> SOCControlReader {
        try SOCControlReader(RuleBook.standard().load(SOCControlReader.Rules.self, from: SOCControlReader.file))
    }

    /// The words of a line as `split(separator: " ")` counts them, ASCII or not.
    func testCSOCHeaderWordsAreCountedAsSplitCountsThem() {
        for text in ["", " ", "Complementary Subservice Organization Controls", "  two  words ", "CSOC", "a b c d e",
                     "Contrôles complémentaires", "Kontrollen\u{00A0}der Dienstleister", "x \u{0301}y"] {
            XCTAssertEqual(SOCCSOCExtractor.wordCount(text), text.split(separator: " ").count, text)
        }
    }

    /// A memo reuses a reading only for the same bytes, not for a canonically equal text.
    func testTextMemoTellsCanonicallyEqualTextsApart() {
        let memo = TextMemo<Int>()
        let composed = "Caf\u{00E9} tested", decomposed = "Cafe\u{0301} tested"
        XCTAssertEqual(composed, decomposed)
        XCTAssertEqual(memo.value(composed) { composed.utf8.count }, 12)
        XCTAssertEqual(memo.value(decomposed) { decomposed.utf8.count }, 13)
        XCTAssertEqual(memo.value(composed) { -1 }, 12)
    }

    func testMethodsComeFromTheAuditorsVerbsOnly() throws {
        let reader = try reader()
        XCTAssertEqual(reader.methods(in: "Inquired of management to determine whether access was reviewed quarterly."), [.inquiry])
        XCTAssertEqual(reader.methods(in: "Inquired of the security lead and inspected the incident log."), [.inquiry, .inspection])
        XCTAssertEqual(reader.methods(in: "We observed a manager completing a review."), [.observation])
        XCTAssertEqual(reader.methods(in: "• Obtained the configuration and reperformed the password check."), [.inspection, .reperformance])
        XCTAssertEqual(reader.methods(in: "Inspected the backup history and recalculated the retention period."), [.inspection, .recalculation])
        XCTAssertEqual(reader.methods(in: "O bserved the onboarding check."), [.observation])
        XCTAssertEqual(reader.methods(in: "Not applicable."), [])
    }

    func testSampleAndPopulationAsPrinted() throws {
        let reader = try reader()
        XCTAssertEqual(reader.sample(in: "Inspected tickets for a sample of 25 of 250 changes.").sample, 25)
        XCTAssertEqual(reader.sample(in: "Inspected tickets for a sample of 25 of 250 changes.").population, 250)
        XCTAssertEqual(reader.sample(in: "For a sample of 40 new hires, inspected the signed forms.").sample, 40)
        XCTAssertNil(reader.sample(in: "For a sample of 40 new hires, inspected the signed forms.").population)
        XCTAssertEqual(reader.sample(in: "Selected 1 quarterly review and inspected it.").sample, 1)
        XCTAssertEqual(reader.sample(in: "Selected a sample of forty (40) changes from a population of 1,250.").sample, 40)
        XCTAssertEqual(reader.sample(in: "Selected a sample of forty (40) changes from a population of 1,250.").population, 1250)
        XCTAssertNil(reader.sample(in: "Inspected the policy.").sample)
    }

    func testDeviationsCountedInTheExceptionText() throws {
        let reader = try reader()
        XCTAssertEqual(reader.deviations(in: "For 1 of 8 sampled reviews, the review was late.")?.deviations, 1)
        XCTAssertEqual(reader.deviations(in: "For 1 of 8 sampled reviews, the review was late.")?.sample, 8)
        XCTAssertEqual(reader.deviations(in: "Testing disclosed that two of the 25 selected users kept access.")?.sample, 25)
        XCTAssertEqual(reader.deviations(in: "One (1) of the eighteen (18) sampled vendors was not reviewed.")?.deviations, 1)
        XCTAssertNil(reader.deviations(in: "One of the following was not performed."))
        XCTAssertEqual(ExceptionRecord.rate(1, of: 8), 0.125)
        XCTAssertEqual(ExceptionRecord.rate(2, of: 3), 0.6667)
        XCTAssertNil(ExceptionRecord.rate(9, of: 8))
    }

    func testExceptionEncodesItsSampleKeysAsNullWhenUnknown() throws {
        let record = ExceptionRecord(controlID: "X-1", criteria: [], control: "", test: "", deviation: "Late.", managementResponse: nil,
                                     confidence: 0.9, evidence: [])
        let json = try XCTUnwrap(String(data: JSONEncoder().encode(record), encoding: .utf8))
        XCTAssertTrue(json.contains("\"sample_size\":null"))
        XCTAssertTrue(json.contains("\"deviations\":null"))
        XCTAssertTrue(json.contains("\"deviation_rate\":null"))
    }

    private func corpusReport() throws -> AssayDocument {
        DocumentPipeline.extractWithPages(path: Repo.corpus("text/wrenfield-payroll-soc2-type2-2026.txt"), options: ExtractOptions()).0
    }

    func testControlsOfATextReport() throws {
        let document = try corpusReport()
        XCTAssertEqual(document.controls.map { $0.controlID ?? "" },
                       ["WP-01", "WP-02", "WP-03", "WP-04", "WP-05", "WP-06", "WP-07", "WP-08", "WP-09"])
        let first = try XCTUnwrap(document.controls.first)
        XCTAssertEqual(first.text, "New staff complete security awareness training within 30 days of their start date.")
        XCTAssertEqual(first.criteria, ["CC1.4"])
        XCTAssertEqual(first.tests.map(\.methods), [[.inquiry], [.inspection]])
        XCTAssertEqual(first.tests[1].sampleSize, 15)
        XCTAssertEqual(first.tests[1].population, 42)
        XCTAssertEqual(first.tests[1].result, .noException)
        XCTAssertEqual(first.tests[1].evidence.first?.quote, "Inspected the training records for a sample of 15 of 42 new hires.")
        let review = try XCTUnwrap(document.controls.first { $0.controlID == "WP-05" })
        XCTAssertEqual(review.tests.map(\.result), [.noException, .exception])
        XCTAssertEqual(review.tests[0].methods, [.inquiry, .observation])
        XCTAssertEqual(review.tests[1].resultText, "Exception noted. For one of eight sampled quarterly reviews, the review was not completed.")
        XCTAssertEqual(document.controls.first { $0.controlID == "WP-07" }?.tests.first?.result, .notTested)
        XCTAssertEqual(document.controls.first { $0.controlID == "WP-08" }?.tests.first?.sampleSize, 1)

        let exceptions = document.exceptions.map { [$0.controlID ?? "", "\($0.sampleSize ?? 0)", "\($0.deviations ?? 0)", "\($0.deviationRate ?? 0)"] }
        XCTAssertEqual(exceptions, [["WP-04", "25", "2", "0.08"], ["WP-05", "8", "1", "0.125"]])

        let testing = try XCTUnwrap(document.testing)
        XCTAssertEqual(testing.tests, 11)
        XCTAssertEqual(testing.testsByMethod, ["inquiry": 5, "observation": 1, "inspection": 5, "reperformance": 1, "recalculation": 1])
        XCTAssertEqual(testing.inquiryOnlyShare, 0.33)
    }

    func testCSOCTableOfATextReport() throws {
        let document = try corpusReport()
        XCTAssertEqual(document.csocs.map(\.subserviceOrganization), ["Kettleby Cloud Services, Inc.", "Kettleby Cloud Services, Inc.",
                                                                     "Kettleby Cloud Services, Inc.", "Marchbank Mail Relay Ltd."])
        XCTAssertEqual(document.csocs.map(\.criteria), [["CC6.4"], ["A1.2"], ["CC6.5"], ["CC6.7"]])
        XCTAssertEqual(document.csocs.first?.text, "Entry to the data halls is limited to staff holding an approved badge.")
        XCTAssertEqual(document.csocs.first?.evidence.first?.page, 4)
        XCTAssertEqual(document.csocs.first?.evidence.first?.quote, "Entry to the data halls is limited to staff")
        XCTAssertEqual(document.csocs.last?.confidence, 0.85)
    }

    func testCSOCOrganisationFromTheControlsSubject() throws {
        let rules = try SOCCSOCExtractor.Compiled(RuleBook.standard().load(SOCCSOCExtractor.Rules.self, from: SOCCSOCExtractor.file))
        let extractor = SOCCSOCExtractor()
        XCTAssertEqual(extractor.subject(of: "Harbour and Quay are responsible for badge access.", rules: rules, names: ["Harbour", "Quay Cloud"]),
                       "Harbour and Quay")
        XCTAssertEqual(extractor.subject(of: "Quay is responsible for backups.", rules: rules, names: ["Harbour", "Quay Cloud"]), "Quay Cloud")
        XCTAssertNil(extractor.subject(of: "Visitors are required to wear a badge.", rules: rules, names: ["Harbour"]))
        XCTAssertEqual(SOCCSOCExtractor.named(in: "Harbour Hosting", names: ["Harbour Hosting, Inc."], legalForms: ["inc"]), "Harbour Hosting, Inc.")
    }

    /// Two tests in one cell, each with its result printed beside it: the second result goes to the second test.
    func testResultsPairWithTheTestsBesideThem() throws {
        func row(_ cells: [(String, Double)], y: Double) -> TextLine { SyntheticLayout.row(cells, y: y) }
        func line(_ text: String, y: Double, size: Double = 10) -> TextLine { SyntheticLayout.line(text, y: y, size: size) }
        func cells(_ criteria: String, _ control: String, _ test: String, _ result: String, y: Double) -> TextLine {
            row([(criteria, 40), (control, 90), (test, 250), (result, 430)], y: y)
        }
        let paged = PagedText(mediaType: .pdf, pages: [
            SyntheticLayout.page(1, [line("Brightwater Data, Inc.", y: 100, size: 20), line("SOC 2 Type 2 Report", y: 140, size: 16)]),
            SyntheticLayout.page(2, [line("Section I", y: 50, size: 14), line("Independent Service Auditor's Report", y: 70, size: 14),
                                     line("We have examined the description of the Brightwater Platform system throughout the period", y: 100),
                                     line("January 1, 2025 to December 31, 2025 based on the trust services criteria relevant to security.", y: 112),
                                     line("Penrose & Vale LLP", y: 180), line("March 3, 2026", y: 194)]),
            SyntheticLayout.page(3, [line("Section III", y: 50, size: 14), line("Description of the Brightwater Platform System", y: 70, size: 14)]),
            SyntheticLayout.page(4, [line("Section IV", y: 20, size: 14),
                                     line("Trust Services Criteria, Related Controls and Tests of Controls", y: 36, size: 12),
                                     row([("Criteria", 44), ("Control Activity", 120), ("Test Applied by the Auditor", 262), ("Test Results", 452)], y: 60),
                                     cells("CC1.4", "New staff complete awareness", "Inquired of the people lead.", "No exceptions noted.", y: 90),
                                     cells("", "training upon hire.", "Inspected training records for a", "Testing of the control activity", y: 102),
                                     cells("", "", "sample of 9 new hires.", "disclosed that two of nine", y: 114),
                                     cells("", "", "", "sampled new hires did not", y: 126),
                                     cells("", "", "", "complete the training.", y: 138)]),
            SyntheticLayout.page(5, [line("Section V", y: 50, size: 14), line("Other Information Provided by Brightwater", y: 70, size: 14)]),
        ])
        let document = DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions())
        let control = try XCTUnwrap(document.controls.first)
        XCTAssertEqual(document.controls.count, 1)
        XCTAssertEqual(control.text, "New staff complete awareness training upon hire.")
        XCTAssertEqual(control.criteria, ["CC1.4"])
        XCTAssertEqual(control.tests.map(\.text), ["Inquired of the people lead.", "Inspected training records for a sample of 9 new hires."])
        XCTAssertEqual(control.tests.map(\.methods), [[.inquiry], [.inspection]])
        XCTAssertEqual(control.tests.map(\.result), [.noException, .exception])
        XCTAssertEqual(control.tests[1].sampleSize, 9)
        XCTAssertEqual(control.tests[1].evidence.first?.quote, "Inspected training records for a")
        XCTAssertEqual(document.exceptions.first?.sampleSize, 9)
        XCTAssertEqual(document.exceptions.first?.deviationRate, 0.2222)
        XCTAssertEqual(document.testing?.inquiryOnlyShare, 0)
    }
}
