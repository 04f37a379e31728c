import AssayModel
import Foundation
import XCTest
@testable import Assay
@testable import AssayCore

/// The extractors for documents that are not SOC reports, each run alone on a context made from
/// invented pages: `AuditReportExtractor` (labelled audit-report forms), `OtherAssuranceExtractor`
/// (certificates of other schemes) and the `ISOCertificateExtractor` orchestrator.
final class AuditReportExtractorTests: XCTestCase {
    private typealias L = SyntheticLayout

    private func context(_ pages: [Page], kind: DocumentKind? = nil) throws -> DocumentContext {
        let book = try RuleBook.standard()
        let context = try DocumentContext(paged: PagedText(mediaType: .pdf, pages: pages), rules: book,
                                          options: ExtractOptions(asOf: "2026-01-15"))
        let classified = try DocumentClassifier.shared(book).classify(context)
        context.kind = kind ?? classified.kind
        context.type = classified.type
        return context
    }

    private func lines(_ texts: [String]) -> [Page] {
        [L.page(1, texts.enumerated().map { L.line($0.element, y: 40 + Double($0.offset) * 14) })]
    }

    private func run(_ extractor: any DocumentExtractor, _ context: DocumentContext) throws -> ExtractionResult {
        var result = ExtractionResult()
        try extractor.extract(context, into: &result)
        return result
    }

    // MARK: AuditReportExtractor

    func testAuditReportFormFields() throws {
        let context = try context(lines([
            "Inspection Report",
            "Review of the technical and organisational measures of Quillon Systems Ltd",
            "Client: Quillon Systems Ltd",
            "5 Tanner Row, Norwich NR1 3AB",
            "Audit firm: Harrow & Pike LLP",
            "Scope of the audit: Physical and logical security of the hosting rooms at the following sites:",
            "Norwich (last site visit on 12 May 2025)",
            "Ipswich (last site visit on 19 May 2025)",
            "Report date: 2 June 2025",
            "Project lead: Odile Marchbank",
        ]))
        XCTAssertEqual(context.kind, .unknown)
        let result = try run(AuditReportExtractor(), context)
        XCTAssertEqual(result.fields["organization"]?.value, .text("Quillon Systems Ltd"))
        XCTAssertEqual(result.fields["organization"]?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(result.fields["organization"]?.evidence.first?.quote, "Quillon Systems Ltd")
        XCTAssertEqual(result.fields["organization"]?.evidence.first?.page, 1)
        XCTAssertEqual(result.fields["service_auditor"]?.value, .text("Harrow & Pike LLP"))
        XCTAssertEqual(result.fields["scope"]?.value, .text("Physical and logical security of the hosting rooms"))
        XCTAssertEqual(result.fields["scope"]?.confidence ?? 0, 0.8, accuracy: 0.001)
        XCTAssertEqual(result.fields["locations"]?.value, .list(["Norwich", "Ipswich"]))
        XCTAssertEqual(result.fields["locations"]?.evidence.map(\.quote), ["Norwich", "Ipswich"])
        XCTAssertEqual(result.fields["report_date"]?.value, .text("2025-06-02"))
        XCTAssertEqual(result.fields["report_date"]?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(result.fields["report_date"]?.evidence.first?.quote, "2 June 2025")
    }

    func testAuditReportDateFromALetterLine() throws {
        let context = try context(lines([
            "Audit report on the data centre of Quillon Systems Ltd",
            "Client: Quillon Systems Ltd",
            "Norwich, 9 July 2025",
        ]))
        let result = try run(AuditReportExtractor(), context)
        XCTAssertEqual(result.fields["report_date"]?.value, .text("2025-07-09"))
        // Read from the date line, not a label: less sure.
        XCTAssertEqual(result.fields["report_date"]?.confidence ?? 0, 0.8, accuracy: 0.001)
        XCTAssertEqual(result.fields["report_date"]?.evidence.first?.quote, "9 July 2025")
    }

    func testNoReportWordNoFields() throws {
        // The same labels on a page that never calls itself a report, audit or inspection.
        let context = try context(lines([
            "Meeting notes",
            "Client: Quillon Systems Ltd",
            "Auditor: Harrow & Pike LLP",
        ]))
        let result = try run(AuditReportExtractor(), context)
        XCTAssertTrue(result.fields.isEmpty)
    }

    func testNameWithoutLegalFormIsNotTaken() throws {
        let context = try context(lines([
            "Audit report",
            "Client: the hosting team of Quillon",
            "Auditor: Harrow & Pike LLP",
        ]))
        let result = try run(AuditReportExtractor(), context)
        XCTAssertNil(result.fields["organization"])
        XCTAssertEqual(result.fields["service_auditor"]?.value, .text("Harrow & Pike LLP"))
    }

    // MARK: OtherAssuranceExtractor

    private func cyberEssentials(plus: Bool) -> [Page] {
        let wide = { (text: String, x: Double, y: Double, size: Double) in L.line(text, x: x, y: y, size: size) }
        let lines = [
            wide("CYBER ESSENTIALS", 330, 40, 20),
            wide("CERTIFICATE OF ASSURANCE", 200, 80, 24),
            wide("Quillon Systems Ltd", 260, 120, 18),
            wide(plus ? "COMPLIES WITH THE REQUIREMENTS OF THE CYBER ESSENTIALS PLUS SCHEME"
                      : "COMPLIES WITH THE REQUIREMENTS OF THE CYBER ESSENTIALS SCHEME", 170, 170, 10),
            wide("CERTIFICATE NUMBER :", 120, 220, 10), wide(plus ? "IASME-CEP-771204" : "IASME-CE-771204", 260, 220, 10),
            wide("DATE OF CERTIFICATION :", 460, 220, 10), wide("2025-04-10", 610, 220, 10),
            wide("RECERTIFICATION DUE :", 460, 250, 10), wide("2026-04-10", 610, 250, 10),
            wide("SCOPE :", 120, 280, 10), wide("Whole organisation", 175, 280, 10),
        ]
        return [Page(number: 1, width: 842, height: 595, lines: lines, textLayer: .native)]
    }

    func testOtherAssuranceSchemeAndFields() throws {
        let context = try context(cyberEssentials(plus: true))
        XCTAssertEqual(context.kind, .otherAssurance)
        let result = try run(OtherAssuranceExtractor(), context)
        XCTAssertEqual(result.fields["scheme"]?.value, .text("cyber_essentials_plus"))
        XCTAssertEqual(result.fields["scheme"]?.confidence ?? 0, 0.9, accuracy: 0.001)
        XCTAssertEqual(result.fields["scheme"]?.evidence.first?.quote, "CYBER ESSENTIALS PLUS")
        XCTAssertEqual(result.fields["standards"]?.value, .list(["Cyber Essentials Plus"]))
        XCTAssertEqual(result.fields["certificate_number"]?.value, .text("IASME-CEP-771204"))
        XCTAssertEqual(result.fields["issue_date"]?.value, .text("2025-04-10"))
        XCTAssertEqual(result.fields["expiry_date"]?.value, .text("2026-04-10"))
        XCTAssertEqual(result.fields["expiry_date"]?.evidence.first?.quote, "2026-04-10")
        XCTAssertEqual(result.fields["scope"]?.value, .text("Whole organisation"))
        XCTAssertEqual(result.fields["organization"]?.value, .text("Quillon Systems Ltd"))
    }

    func testOtherAssurancePlainSchemeIsNotPlus() throws {
        let context = try context(cyberEssentials(plus: false))
        let result = try run(OtherAssuranceExtractor(), context)
        XCTAssertEqual(result.fields["scheme"]?.value, .text("cyber_essentials"))
        XCTAssertEqual(result.fields["standards"]?.value, .list(["Cyber Essentials"]))
        XCTAssertEqual(result.fields["certificate_number"]?.value, .text("IASME-CE-771204"))
    }

    func testOtherAssuranceDropsAnISOStandardMentionedInPassing() throws {
        var pages = cyberEssentials(plus: true)
        pages[0].lines.append(L.line("The organisation also holds ISO/IEC 27001:2022", x: 120, y: 320))
        let result = try run(OtherAssuranceExtractor(), try context(pages, kind: .otherAssurance))
        XCTAssertEqual(result.fields["standards"]?.value, .list(["Cyber Essentials Plus"]))
    }

    // MARK: ISOCertificateExtractor

    private let certificate = [
        L.line("Certificate of Registration", x: 190, y: 60, size: 20),
        L.line("This is to certify that", x: 230, y: 100),
        L.line("Quillon Systems Ltd", x: 220, y: 130, size: 16),
        L.line("5 Tanner Row", x: 240, y: 155),
        L.line("Norwich NR1 3AB, United Kingdom", x: 200, y: 170),
        L.line("has been assessed and found to conform to the requirements of", x: 100, y: 200),
        L.line("ISO/IEC 27001:2022", x: 240, y: 230, size: 16),
        L.line("Scope of certification", x: 60, y: 300),
        L.line("Development and hosting of ledger software", x: 60, y: 315),
        L.line("for lending firms.", x: 60, y: 328),
        L.line("Certificate Number: QS-30918", x: 60, y: 400),
        L.line("Issue date: 12 March 2025", x: 60, y: 420),
        L.line("Expiry date: 11 March 2028", x: 60, y: 440),
    ]

    func testISOCertificateRunsEveryPart() throws {
        let context = try context([L.page(1, certificate)])
        XCTAssertEqual(context.kind, .isoCertificate)
        let result = try run(ISOCertificateExtractor(), context)
        XCTAssertEqual(result.fields["organization"]?.value, .text("Quillon Systems Ltd"))
        XCTAssertEqual(result.fields["organization"]?.confidence ?? 0, 0.95, accuracy: 0.001)
        XCTAssertEqual(result.fields["certificate_number"]?.value, .text("QS-30918"))
        XCTAssertEqual(result.fields["certificate_number"]?.evidence.first?.quote, "QS-30918")
        XCTAssertEqual(result.fields["issue_date"]?.value, .text("2025-03-12"))
        XCTAssertEqual(result.fields["expiry_date"]?.value, .text("2028-03-11"))
        XCTAssertEqual(result.fields["issue_date"]?.confidence ?? 0, 0.95, accuracy: 0.001)
        XCTAssertEqual(result.fields["standards"]?.value, .list(["ISO/IEC 27001:2022"]))
        XCTAssertEqual(result.fields["scope"]?.value, .text("Development and hosting of ledger software for lending firms."))
        XCTAssertEqual(result.fields["scope"]?.evidence.first?.page, 1)
        // No scheme field: that is the other-assurance reader's.
        XCTAssertNil(result.fields["scheme"])
    }

    func testISOCertificateWithoutWordsReadsNothing() throws {
        let empty = Page(number: 1, width: 612, height: 792, lines: [], textLayer: .none)
        let result = try run(ISOCertificateExtractor(), try context([empty], kind: .isoCertificate))
        XCTAssertTrue(result.fields.isEmpty)
    }
}
