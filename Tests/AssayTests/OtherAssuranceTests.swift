import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// Certificates of other schemes, and certificate classes met in real documents: a validity
/// sentence instead of date labels, the issuer after "Issued by:", the holder under a title.
final class OtherAssuranceTests: XCTestCase {
    private func line(_ text: String, x: Double, y: Double, size: Double = 10) -> TextLine {
        SyntheticLayout.line(text, x: x, y: y, size: size)
    }

    private func extract(_ lines: [TextLine], asOf: String? = nil) -> AssayDocument {
        let paged = PagedText(mediaType: .pdf, pages: [Page(number: 1, width: 842, height: 595, lines: lines, textLayer: .native)])
        return DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions(asOf: asOf))
    }

    func testCyberEssentialsPlusCertificate() {
        let document = extract([
            line("CYBER ESSENTIALS", x: 330, y: 40, size: 20),
            line("CERTIFICATE OF ASSURANCE", x: 200, y: 80, size: 24),
            line("Fernhollow Analytics Ltd", x: 260, y: 120, size: 18),
            line("COMPLIES WITH THE REQUIREMENTS OF THE CYBER ESSENTIALS PLUS SCHEME", x: 170, y: 170),
            line("CERTIFICATE NUMBER :", x: 120, y: 220), line("IASME-CEP-123456", x: 260, y: 220),
            line("DATE OF CERTIFICATION :", x: 460, y: 220), line("2024-03-01", x: 610, y: 220),
            line("RECERTIFICATION DUE :", x: 460, y: 250), line("2025-03-01", x: 610, y: 250),
            line("SCOPE :", x: 120, y: 280), line("Whole organisation", x: 175, y: 280),
            line("CERTIFICATION MARK", x: 110, y: 400), line("CERTIFICATION BODY", x: 380, y: 400), line("SCHEME PARTNER", x: 620, y: 400),
            line("Brightwater Assurance", x: 380, y: 430, size: 12),
        ], asOf: "2026-11-22")
        XCTAssertEqual(document.document.kind, .otherAssurance)
        let fields = document.fields
        XCTAssertEqual(fields["scheme"]?.value, .text("cyber_essentials_plus"))
        XCTAssertEqual(fields["standards"]?.value, .list(["Cyber Essentials Plus"]))
        XCTAssertEqual(fields["certificate_number"]?.value, .text("IASME-CEP-123456"))
        XCTAssertEqual(fields["issue_date"]?.value, .text("2024-03-01"))
        XCTAssertEqual(fields["expiry_date"]?.value, .text("2025-03-01"))
        XCTAssertEqual(fields["expiry_date"]?.evidence.first?.quote, "2025-03-01")
        XCTAssertEqual(fields["scope"]?.value, .text("Whole organisation"))
        XCTAssertEqual(fields["organization"]?.value, .text("Fernhollow Analytics Ltd"))
        XCTAssertEqual(fields["certification_body"]?.value, .text("Brightwater Assurance"))
        XCTAssertEqual(fields["certification_body"]?.confidence ?? 1, 0.6, accuracy: 0.001)
        XCTAssertTrue(document.findings.contains { $0.code == "other.expired" && $0.message.contains("2025-03-01") })
        XCTAssertFalse(document.findings.contains { $0.code.hasPrefix("iso.") })
    }

    func testValiditySentenceAndIssuerLabel() {
        let document = extract([
            line("CERTIFICADO", x: 330, y: 40, size: 24),
            line("certifica que el sistema de gestión de", x: 280, y: 90),
            line("Servicios Andinos S.A.C.", x: 300, y: 110, size: 18),
            line("Av. Principal 100, Arequipa, Perú", x: 300, y: 135),
            line("cumple con los requisitos de la norma ISO 9001:2015", x: 260, y: 170),
            line("Alcance: Servicios de limpieza industrial y mantenimiento de plantas", x: 120, y: 210),
            line("Certificado No. 77120 con un periodo de validez desde el 3 de marzo de 2023 hasta el 2 de marzo de 2026.", x: 60, y: 250),
            line("Issued by: Halden Certification Limited, 4 Quay Street, Bristol", x: 60, y: 520, size: 8),
        ], asOf: "2026-11-22")
        XCTAssertEqual(document.document.kind, .isoCertificate)
        let fields = document.fields
        XCTAssertEqual(fields["issue_date"]?.value, .text("2023-03-03"))
        XCTAssertEqual(fields["expiry_date"]?.value, .text("2026-03-02"))
        XCTAssertEqual(fields["expiry_date"]?.confidence ?? 1, 0.85, accuracy: 0.001)
        XCTAssertEqual(fields["expiry_date"]?.evidence.first?.quote.hasPrefix("3 de marzo de 2023 hasta el 2 de marzo de 2026"), true)
        XCTAssertEqual(fields["certification_body"]?.value, .text("Halden Certification Limited"))
        XCTAssertEqual(fields["certification_body"]?.evidence.first?.quote, "Halden Certification Limited,")
        XCTAssertTrue(document.findings.contains { $0.code == "iso.expired" })
    }

    func testIntroductionRemainderIsNotTheHolder() {
        let document = extract([
            line("CERTIFICATE OF REGISTRATION", x: 250, y: 40, size: 24),
            line("This is to certify that the", x: 320, y: 90),
            line("Quality Management System of", x: 310, y: 105),
            line("KESTREL TRADING", x: 330, y: 125, size: 18),
            line("Plot 7, Harbour Road, Mombasa, Kenya", x: 300, y: 150),
            line("has been assessed and found to conform to ISO 9001:2015", x: 250, y: 180),
            line("Certificate No : 26QAB001", x: 60, y: 400),
            line("Expiry Date : 14/06/2029", x: 60, y: 420),
        ])
        XCTAssertEqual(document.fields["organization"]?.value, .text("KESTREL TRADING"))
    }

    func testNamePlausibility() throws {
        let conformity = ["hasbeenassessed", "requirementsof"]
        let rules = try RuleBook.standard().load(CertificateRules.self, from: "iso/certificate.yaml")
        let check = try NameCheck(rules: rules, conformity: conformity)
        func plausible(_ text: String) -> Bool { check.isPlausible(text) }
        XCTAssertTrue(plausible("Kestrel Trading Ltd"))
        XCTAssertFalse(plausible("Quality Management System of"))
        XCTAssertFalse(plausible("the above organisation has been assessed"))
        XCTAssertFalse(plausible("ISO 9001:2015"))
        XCTAssertFalse(plausible("The following sites:"))
    }
}
