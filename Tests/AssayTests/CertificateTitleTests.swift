import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// A certificate titled "Certificate of Registration" (its first word is also a label of the
/// certificate number) whose holder's address starts with an identifier-like plot number.
final class CertificateTitleTests: XCTestCase {
    func testTitleIsNotTheNumberLabel() {
        let lines = [
            SyntheticLayout.line("Certificate of Registration", x: 200, y: 60, size: 20),
            SyntheticLayout.line("This is to certify that", x: 230, y: 100),
            SyntheticLayout.line("Larkmoor Castings Limited", x: 210, y: 130, size: 16),
            SyntheticLayout.line("C-9, PHASE-2, RIVERSIDE INDUSTRIAL AREA,", x: 180, y: 155),
            SyntheticLayout.line("NAGPUR-440016, INDIA", x: 240, y: 170),
            SyntheticLayout.line("has been independently assessed and is compliant with the requirement of:", x: 110, y: 200),
            SyntheticLayout.line("ISO 9001:2015", x: 250, y: 230, size: 16),
            SyntheticLayout.line("For the following scope of activities:", x: 200, y: 270),
            SyntheticLayout.line("MACHINING OF CAST IRON PUMP HOUSINGS", x: 190, y: 290),
            SyntheticLayout.line("Certificate Number: 2024111805", x: 210, y: 350),
        ]
        let paged = PagedText(mediaType: .pdf, pages: [SyntheticLayout.page(1, lines)])
        let document = DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions(asOf: "2026-11-01"))
        XCTAssertEqual(document.document.kind, .isoCertificate)
        XCTAssertEqual(document.fields["certificate_number"]?.value, .text("2024111805"))
        XCTAssertEqual(document.fields["certificate_number"]?.confidence ?? 0, 0.96, accuracy: 0.001)
        XCTAssertEqual(document.fields["certificate_number"]?.evidence.first?.quote, "2024111805")
        XCTAssertEqual(document.fields["scope"]?.value, .text("MACHINING OF CAST IRON PUMP HOUSINGS"))
    }

    func testWordsAfterALabel() throws {
        let words = try RuleBook.standard().load(CertificateRules.self, from: "iso/certificate.yaml").numberWords
        XCTAssertTrue(CertificateNumberExtractor.continuesTitle("of", numberWords: words))
        XCTAssertTrue(CertificateNumberExtractor.continuesTitle("is", numberWords: words))
        XCTAssertFalse(CertificateNumberExtractor.continuesTitle("No.", numberWords: words))
        XCTAssertFalse(CertificateNumberExtractor.continuesTitle("no.", numberWords: words))
        XCTAssertFalse(CertificateNumberExtractor.continuesTitle("QX-20417", numberWords: words))
        XCTAssertFalse(CertificateNumberExtractor.continuesTitle(":", numberWords: words))
    }
}
