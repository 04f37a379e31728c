import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// The product a trust page's claims are about, named in its opening line (the trust-page reader
/// run directly, so that the short page need not be classified).
final class TrustPageScopeTests: XCTestCase {
    private func scope(_ text: String) throws -> Field? {
        let lines = text.split(separator: "\n").enumerated().map { SyntheticLayout.line(String($0.element), y: 40 + Double($0.offset) * 14) }
        let page = Page(number: 1, width: 612, height: 792, lines: lines, textLayer: .native)
        let context = try DocumentContext(paged: PagedText(mediaType: .html, pages: [page]),
                                          rules: RuleBook(directory: Repo.root.appendingPathComponent("extractors")), options: ExtractOptions())
        context.kind = .trustPage
        var result = ExtractionResult()
        try TrustPageExtractor().extract(context, into: &result)
        return result.fields["scope"]
    }

    func testItalianPlatformInTitle() throws {
        let field = try scope("""
        Scheda tecnica sulla sicurezza per la piattaforma Orvieto HR Cloud
        Ardesia Software S.r.l. dispone di un sistema di gestione certificato secondo la norma ISO/IEC 27001:2022.
        """)
        XCTAssertEqual(field?.value, .text("piattaforma Orvieto HR Cloud"))
        XCTAssertEqual(field?.confidence ?? 0, 0.7, accuracy: 0.001)
        XCTAssertEqual(field?.evidence.first?.quote, "piattaforma Orvieto HR Cloud")
        XCTAssertEqual(field?.evidence.first?.page, 1)
    }

    func testEnglishProductInTitle() throws {
        let field = try scope("""
        Security and compliance for the Tidewell Claims service
        Tidewell Insurance Software Ltd holds an ISO/IEC 27001:2022 certificate.
        """)
        XCTAssertEqual(field?.value, .text("Tidewell Claims service"))
    }

    /// "for the whole platform" names no product, and a page without a claim has no scope to give.
    func testNoScopeWithoutAProductOrAClaim() throws {
        XCTAssertNil(try scope("""
        Security overview for the whole platform
        Ardesia Software Ltd holds an ISO/IEC 27001:2022 certificate.
        """))
        XCTAssertNil(try scope("""
        Security overview for the Tidewell Claims service
        We encrypt data at rest and in transit.
        """))
    }
}
