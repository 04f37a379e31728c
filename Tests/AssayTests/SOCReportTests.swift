import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// SOC reports: sections, fields, exceptions, subservice organisations and CUECs on a small
/// synthetic report laid out like a real one, and on corpus reports.
final class SOCReportTests: XCTestCase {
    private func line(_ text: String, x: Double = 60, y: Double, size: Double = 10) -> TextLine {
        SyntheticLayout.line(text, x: x, y: y, size: size)
    }
    private func row(_ cells: [(String, Double)], y: Double) -> TextLine { SyntheticLayout.row(cells, y: y) }
    private func page(_ number: Int, _ lines: [TextLine]) -> Page { SyntheticLayout.page(number, lines) }

    private let columns: [Double] = [60, 110, 250, 430]

    private func tableRow(_ id: String, _ control: String, _ test: String, _ result: String, y: Double) -> TextLine {
        row([(id, columns[0]), (control, columns[1]), (test, columns[2]), (result, columns[3])], y: y)
    }

    private func syntheticReport() -> PagedText {
        let header = tableRow("No.", "Control Activity", "Tests Performed", "Results", y: 60)
        return PagedText(mediaType: .pdf, pages: [
            page(1, [line("Acme Cloud, Inc.", y: 100, size: 20), line("SOC 2 Type 2 Report", y: 140, size: 16),
                     line("Relevant to Security and Availability", y: 170)]),
            page(2, [line("Section I", y: 50, size: 14), line("Independent Service Auditor's Report", y: 70, size: 14),
                     line("To the Management of Acme Cloud, Inc.", y: 100),
                     line("We have examined Acme's description of its Acme Ledger system throughout the period", y: 120),
                     line("January 1, 2025 to December 31, 2025 based on the trust services criteria relevant to", y: 132),
                     line("security and availability. Acme uses a subservice organization (Amazon Web Services, Inc.)", y: 144),
                     line("for cloud hosting; the description excludes its controls (the carve-out method).", y: 156),
                     line("Qualified Opinion", y: 180),
                     line("In our opinion, except for the matter described above, in all material respects, the", y: 196),
                     line("description presents Acme Cloud, Inc.'s Acme Ledger system that was designed and implemented", y: 208),
                     line("throughout the period January 1, 2025 to December 31, 2025.", y: 220),
                     line("Harrow & Finch LLP", y: 260), line("Boston, Massachusetts", y: 274), line("March 3, 2026", y: 288)]),
            page(3, [line("Section II", y: 50, size: 14), line("Management's Assertion", y: 70, size: 14),
                     line("We have prepared the description of the Acme Ledger system.", y: 100)]),
            page(4, [line("Section III", y: 50, size: 14), line("Description of the Acme Ledger System", y: 70, size: 14),
                     line("Scope of the Description", y: 100),
                     line("The Acme Ledger system is a hosted ledger service operated from offices in Denver,", y: 116),
                     line("Colorado and Leeds, United Kingdom.", y: 128),
                     line("Complementary User Entity Controls", y: 160),
                     line("User entities are responsible for the following:", y: 176),
                     row([("1.", 70), ("Removing access of their own users promptly. (CC6.2)", 90)], y: 192),
                     row([("2.", 70), ("Protecting the API keys issued to them. (CC6.1)", 90)], y: 206),
                     line("Significant Changes", y: 230)]),
            page(5, [line("Section IV", y: 30, size: 14), line("Trust Services Criteria, Controls, Tests and Results", y: 44, size: 12),
                     header,
                     row([("CC6.1 Logical access controls", 60)], y: 80),
                     tableRow("AC-01", "Access requires MFA.", "Inspected the MFA policy.", "No exceptions noted.", y: 96),
                     tableRow("AC-02", "Leavers are removed", "For a sample of 25 leavers,", "Exception noted. For 2", y: 130),
                     tableRow("", "within one day.", "inspected removal tickets.", "of 25 leavers sampled, access", y: 142),
                     tableRow("", "", "", "was not removed within one day.", y: 154)]),
            page(6, [header,
                     tableRow("AC-03", "Access is reviewed", "Inspected the reviews.", "No exceptions noted.", y: 80)]),
            page(7, [line("Section V", y: 50, size: 14), line("Other Information Provided by Acme", y: 70, size: 14),
                     row([("AC-02", 60), ("Both leavers were removed late because HR notified IT late.", 120)], y: 100)]),
        ])
    }

    private func analyse(_ paged: PagedText) -> AssayDocument {
        DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions())
    }

    func testSectionsFromBodyHeadings() {
        let document = analyse(syntheticReport())
        XCTAssertEqual(document.document.kind, .soc2)
        XCTAssertEqual(document.sections.map(\.kind),
                       ["auditor_opinion", "management_assertion", "system_description", "controls_and_tests", "other_information"])
        XCTAssertEqual(document.sections.map(\.firstPage), [2, 3, 4, 5, 7])
        XCTAssertEqual(document.sections.map(\.lastPage), [2, 3, 4, 6, 7])
    }

    func testSectionsFromUnnumberedHeadings() {
        var paged = syntheticReport()
        for index in paged.pages.indices {
            paged.pages[index].lines.removeAll { $0.text.hasPrefix("Section ") }
        }
        let document = analyse(paged)
        XCTAssertEqual(document.sections.map(\.kind),
                       ["auditor_opinion", "management_assertion", "system_description", "controls_and_tests", "other_information"])
        XCTAssertEqual(document.sections.map(\.firstPage), [2, 3, 4, 5, 7])
        XCTAssertEqual(document.exceptions.map(\.controlID), ["AC-02"])
    }

    func testResultsCellStartingBelowTheControlID() throws {
        var paged = syntheticReport()
        paged.pages[5].lines += [
            tableRow("AC-04", "Changes are approved", "Inspected changes.", "", y: 110),
            tableRow("", "before release.", "", "Deviation noted: for 1 of 40", y: 122),
            tableRow("", "", "", "changes, approval was not retained.", y: 134),
        ]
        let document = analyse(paged)
        XCTAssertEqual(document.exceptions.map(\.controlID), ["AC-02", "AC-04"])
        let last = try XCTUnwrap(document.exceptions.last)
        XCTAssertEqual(last.deviation, "for 1 of 40 changes, approval was not retained.")
        XCTAssertEqual(last.control, "Changes are approved before release.")
        XCTAssertEqual(last.evidence.first?.page, 6)
    }

    func testFieldsWithEvidence() {
        let fields = analyse(syntheticReport()).fields
        XCTAssertEqual(fields["service_organization"]?.value, .text("Acme Cloud, Inc."))
        XCTAssertEqual(fields["service_organization"]?.evidence.first?.page, 2)
        XCTAssertEqual(fields["service_auditor"]?.value, .text("Harrow & Finch LLP"))
        XCTAssertEqual(fields["service_auditor"]?.evidence.first?.quote, "Harrow & Finch LLP")
        XCTAssertEqual(fields["opinion"]?.value, .text("qualified"))
        XCTAssertEqual(fields["period_start"]?.value, .text("2025-01-01"))
        XCTAssertEqual(fields["period_end"]?.value, .text("2025-12-31"))
        XCTAssertEqual(fields["report_date"]?.value, .text("2026-03-03"))
        XCTAssertEqual(fields["report_date"]?.evidence.first?.quote, "March 3, 2026")
        XCTAssertEqual(fields["system_name"]?.value, .text("Acme Ledger"))
        XCTAssertEqual(fields["trust_services_categories"]?.value, .list(["security", "availability"]))
        XCTAssertEqual(fields["locations"]?.value, .list(["Denver, Colorado", "Leeds, United Kingdom"]))
    }

    func testExceptionRebuiltFromTableWithResponseFromSectionV() throws {
        let document = analyse(syntheticReport())
        XCTAssertEqual(document.exceptions.count, 1, "\(String(describing: document.document.type)) \(document.diagnostics)")
        let exception = try XCTUnwrap(document.exceptions.first)
        XCTAssertEqual(exception.controlID, "AC-02")
        XCTAssertEqual(exception.criteria, ["CC6.1"])
        XCTAssertEqual(exception.control, "Leavers are removed within one day.")
        XCTAssertEqual(exception.deviation, "For 2 of 25 leavers sampled, access was not removed within one day.")
        XCTAssertEqual(exception.managementResponse, "Both leavers were removed late because HR notified IT late.")
        XCTAssertEqual(exception.evidence.first?.page, 5)
        XCTAssertEqual(exception.evidence.first?.quote, "of 25 leavers sampled, access was not removed within one day.")
    }

    func testSubserviceAndCUECs() throws {
        let document = analyse(syntheticReport())
        XCTAssertEqual(document.subserviceOrganizations.map(\.name), ["Amazon Web Services, Inc."])
        XCTAssertEqual(document.subserviceOrganizations.first?.method, .carveOut)
        XCTAssertEqual(document.subserviceOrganizations.first?.evidence.first?.page, 2)
        XCTAssertEqual(document.cuecs.count, 2)
        XCTAssertEqual(document.cuecs.first?.text, "Removing access of their own users promptly. (CC6.2)")
        XCTAssertEqual(document.cuecs.first?.criteria, ["CC6.2"])
    }

    /// Every evidence quote must appear, whitespace folded, in the text of the page it names.
    private func assertEvidenceOnPages(_ document: AssayDocument, _ paged: PagedText, file: StaticString = #filePath, line: UInt = #line) {
        var quotes: [Evidence] = document.fields.values.flatMap(\.evidence)
        quotes += document.exceptions.flatMap(\.evidence) + document.subserviceOrganizations.flatMap(\.evidence) + document.cuecs.flatMap(\.evidence)
        for evidence in quotes {
            let text = paged.pages.first { $0.number == evidence.page }?.text.foldedWhitespace ?? ""
            XCTAssertTrue(text.contains(evidence.quote), "not on page \(evidence.page): \(evidence.quote)", file: file, line: line)
        }
    }

    func testCorpusSOC1ExceptionsAndResponses() throws {
        let path = Repo.corpus("soc1/marrowgate-soc1-type2-2025.pdf")
        let (document, paged) = DocumentPipeline.extractWithPages(path: path)
        let pages = try XCTUnwrap(paged)
        XCTAssertEqual(document.exceptions.map(\.controlID), ["4.2", "7.2", "8.2"])
        XCTAssertEqual(document.exceptions.map { $0.evidence.first?.page }, [30, 36, 38])
        XCTAssertEqual(document.exceptions.first?.criteria, ["Control Objective 4"])
        XCTAssertTrue(document.exceptions.allSatisfy { $0.managementResponse != nil })
        XCTAssertEqual(document.fields["service_auditor"]?.value, .text("Castellan Reyes LLP"))
        XCTAssertEqual(document.subserviceOrganizations.map(\.name).sorted(), ["Amazon Web Services, Inc.", "Prairie Meridian Bank, N.A."])
        XCTAssertEqual(document.cuecs.count, 18)
        assertEvidenceOnPages(document, pages)
    }

    func testCorpusSOC2TablesWithoutIDColumnAndInclusiveSubservice() throws {
        let (bellstrand, _) = DocumentPipeline.extractWithPages(path: Repo.corpus("soc2/bellstrand-systems-soc2-type2-2025.pdf"))
        XCTAssertEqual(bellstrand.exceptions.map(\.controlID), ["CC7.1", "A1.3"])
        let (corvane, pages) = DocumentPipeline.extractWithPages(path: Repo.corpus("soc2/corvane-analytics-soc2-type2-2026.pdf"))
        XCTAssertEqual(corvane.exceptions.map(\.controlID), ["6.3.1", "6.3.2", "A1.2.3"])
        let methods = Dictionary(uniqueKeysWithValues: corvane.subserviceOrganizations.map { ($0.name, $0.method) })
        XCTAssertEqual(methods["Lakeshore Data Halls, LLC"], .inclusive)
        XCTAssertEqual(methods["Snowflake Inc."], .carveOut)
        XCTAssertEqual(corvane.fields["trust_services_categories"]?.value,
                       .list(["security", "availability", "processing_integrity", "confidentiality", "privacy"]))
        assertEvidenceOnPages(corvane, try XCTUnwrap(pages))
    }

    func testCorpusSOC3WithoutTests() throws {
        let (document, _) = DocumentPipeline.extractWithPages(path: Repo.corpus("soc3/orrinbay-soc3-2025-qualified.pdf"))
        XCTAssertEqual(document.document.kind, .soc3)
        XCTAssertEqual(document.fields["opinion"]?.value, .text("qualified"))
        XCTAssertTrue(document.exceptions.isEmpty)
        XCTAssertNil(document.sections.first { $0.kind == "controls_and_tests" })
    }
}

/// The assurance standard a SOC-like report is issued under (`scheme`).
final class SOCSchemeTests: XCTestCase {
    func testAnISAE3402ReportIsASOC1ReportWithItsScheme() throws {
        let document = DocumentPipeline.extract(path: Repo.corpus("soc1/aldergrove-isae3402-soc1-type2-2026.pdf"),
                                                options: ExtractOptions(asOf: "2026-11-01"))
        XCTAssertEqual(document.document.kind, .soc1)
        let scheme = try XCTUnwrap(document.fields["scheme"])
        XCTAssertEqual(scheme.value, .text("isae_3402"))
        XCTAssertEqual(scheme.confidence, 0.95)
        XCTAssertEqual(scheme.evidence.first?.quote, "International Standard on Assurance Engagements 3402")
    }

    func testASOC1ReportUnderSSAE18HasNoScheme() {
        let document = DocumentPipeline.extract(path: Repo.corpus("soc1/marrowgate-soc1-type2-2025.pdf"),
                                                options: ExtractOptions(asOf: "2026-11-01"))
        XCTAssertEqual(document.document.kind, .soc1)
        XCTAssertNil(document.fields["scheme"])
    }
}
