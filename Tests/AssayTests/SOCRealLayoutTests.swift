import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// Layouts and wordings real SOC reports and bridge letters use that our corpus did not: a signature
/// that is only an image (firm named elsewhere), "To: X" addressees, subservice organisations named
/// without a legal form, letters that never say "bridge letter", a SOC 3 title written out.
/// The texts are our own; pages are separated by form feeds.
final class SOCRealLayoutTests: XCTestCase {
    private func extract(_ text: String, name: String = "report.txt", asOf: String = "2026-11-01") throws -> AssayDocument {
        let directory = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return DocumentPipeline.extract(path: url.path, options: ExtractOptions(asOf: asOf))
    }

    static let report = """
    SOC 2® Type 2 Report
    Brindlewood Analytics Ltd
    Ledgerline Reporting Service
    \u{0C}
    Management's Assertion
    We have prepared the accompanying description of the Ledgerline system.
    \u{0C}
    INDEPENDENT SERVICE AUDITOR'S REPORT
    To: Brindlewood Analytics Ltd (“Brindlewood”)
    Scope
    We have examined Brindlewood Analytics Ltd’s accompanying description of its Ledgerline system
    throughout the period January 1, 2025 to June 30, 2025, based on the criteria for a description of a
    service organization's system, and the suitability of the design and operating effectiveness of
    controls to provide reasonable assurance that the service commitments were achieved based on the
    trust services criteria relevant to security and availability.
    Brindlewood uses subservice organizations Northwind Cloud to provide infrastructure hosting, and
    Quillfeather Mail to provide e-mail delivery. Our examination did not include the services provided
    by the subservice organizations.
    Opinion
    In our opinion, in all material respects, the description presents the Ledgerline system that was
    designed and implemented throughout the period January 1, 2025 to June 30, 2025.
    This report is not intended to be, and should not be, used by anyone other than these specified parties.
    ____________________
    Leeds, United Kingdom
    August 14, 2025
    \u{0C}
    Section 4
    Tests Performed by Hallam & Crewe LLP
    No exceptions noted.
    """

    func testImageSignatureReportReadsOrganizationAuditorDateAndProseSubservice() throws {
        let document = try extract(Self.report)
        XCTAssertEqual(document.document.kind, .soc2)
        let fields = document.fields
        XCTAssertEqual(fields["service_organization"]?.value, .text("Brindlewood Analytics Ltd"))
        XCTAssertEqual(fields["service_organization"]?.evidence.first?.page, 3)
        XCTAssertEqual(fields["report_date"]?.value, .text("2025-08-14"))
        XCTAssertEqual(fields["report_date"]?.evidence.first?.quote, "August 14, 2025")
        // The firm is named only in the test section's heading: found, but below high confidence.
        XCTAssertEqual(fields["service_auditor"]?.value, .text("Hallam & Crewe LLP"))
        XCTAssertLessThan(fields["service_auditor"]?.confidence ?? 1, 0.9)
        XCTAssertEqual(fields["opinion"]?.value, .text("unqualified"))
        let names = document.subserviceOrganizations.map(\.name)
        XCTAssertEqual(Set(names), ["Northwind Cloud", "Quillfeather Mail"])
        XCTAssertTrue(document.subserviceOrganizations.allSatisfy { $0.method == .carveOut })
        XCTAssertTrue(document.findings.contains { $0.code == "soc.subservice_carved_out" })
        XCTAssertEqual(fields["scope"]?.value.display.hasPrefix("We have examined Brindlewood Analytics Ltd’s accompanying description"), true)
    }

    func testLetterWithoutTheWordsBridgeLetter() throws {
        let letter = """
        Tarn & Vessel Software, Inc.
        March 3, 2026
        Dear Customer,
        Our most recent SOC 2 Type II report, conducted by Marlow Kestin, covered the period from
        April 1, 2024 to September 30, 2024.
        This letter confirms that Tarn & Vessel Software, Inc. has made no changes to its internal controls
        since our last report.
        Sincerely,
        Petra Lindqvist
        Chief Executive Officer
        Tarn & Vessel Software, Inc.
        """
        let document = try extract(letter, name: "letter.txt")
        XCTAssertEqual(document.document.kind, .bridgeLetter)
        XCTAssertEqual(document.fields["service_auditor"]?.value, .text("Marlow Kestin"))
        XCTAssertEqual(document.fields["bridged_period_end"]?.value, .text("2024-09-30"))
        XCTAssertEqual(document.fields["report_date"]?.value, .text("2026-03-03"))
        // No gap range is stated: the letter's own period is left absent rather than guessed.
        XCTAssertNil(document.fields["period_start"])
        let codes = Set(document.findings.map(\.code))
        XCTAssertTrue(codes.contains("bridge.management_issued"))
        XCTAssertTrue(codes.contains("bridge.report_stale"))
    }

    func testWrittenOutSOC3TitleAndAssertionWording() throws {
        let text = """
        Harbourline Payments Platform System and Organization Controls 3 (SOC 3) Report
        Relevant to Security and Availability For the period March 1, 2025 to August 31, 2025
        \u{0C}
        INDEPENDENT SERVICE AUDITOR'S REPORT
        To the Management of Harbourline Payments, Inc. Bristol, United Kingdom Scope
        We have examined management's assertion that the controls within Harbourline's Payments Platform
        (system) were effective throughout the period March 1, 2025 to August 31, 2025, based on the
        trust services criteria relevant to security and availability.
        """
        let document = try extract(text, name: "soc3.txt")
        XCTAssertEqual(document.document.kind, .soc3)
        // The addressee runs on into the city and the next heading: cut at the legal form.
        XCTAssertEqual(document.fields["service_organization"]?.value, .text("Harbourline Payments, Inc."))
        XCTAssertLessThan(document.fields["service_organization"]?.confidence ?? 1, 0.9)
        XCTAssertEqual(document.fields["system_name"]?.value, .text("Payments Platform"))
        XCTAssertEqual(document.fields["locations"]?.value, .list(["Bristol, United Kingdom"]))
        XCTAssertTrue(document.findings.contains { $0.code == "soc.auditor_unidentified" })
    }

    func testCityAndDateOnOneLineAfterRestrictedUse() throws {
        let text = Self.report.replacingOccurrences(of: "This report is not intended to be, and should not be, used by anyone other than these specified parties.\n____________________\nLeeds, United Kingdom\nAugust 14, 2025",
                                                    with: "This report is intended solely for the user entities and should not be used by any other party.\nUtrecht, 12 September 2025")
        XCTAssertNotEqual(text, Self.report)
        let document = try extract(text)
        XCTAssertEqual(document.fields["report_date"]?.value, .text("2025-09-12"))
        XCTAssertEqual(document.fields["report_date"]?.evidence.first?.quote, "12 September 2025")
    }

    func testPlaceNeedsAKnownRegion() throws {
        let page = Page(number: 1, width: 600, height: 800, lines: [], textLayer: .native)
        let context = try DocumentContext(paged: PagedText(mediaType: .text, pages: [page]),
                                          rules: RuleBook(directory: Repo.root.appendingPathComponent("extractors")), options: ExtractOptions())
        let rules = try SOCFieldRules.load(context)
        XCTAssertEqual(SOCText.place("Denver, Colorado Boulder", rules: rules), "Denver, Colorado")
        XCTAssertEqual(SOCText.place("Tulsa, OK", rules: rules), "Tulsa, OK")
        XCTAssertNil(SOCText.place("Agreement, Service Terms", rules: rules))
        XCTAssertNil(SOCText.place("Tables, Object Disk", rules: rules))
    }

    func testBracketedDescriptionLeavesTheName() {
        XCTAssertEqual(SOCSubserviceExtractor.withoutDescription("Nimbus (file storage)"), "Nimbus")
        XCTAssertEqual(SOCSubserviceExtractor.withoutDescription("Google LLC (Google)"), "Google LLC (Google)")
    }
}
