import AssayModel
import XCTest
@testable import Assay

final class TrustPageTests: XCTestCase {
    private func analyse(_ texts: [String]) -> AssayDocument {
        var lines: [TextLine] = []
        for (index, text) in texts.enumerated() {
            let words = text.split(separator: " ").map { Word(text: String($0), box: Box(x0: 0, y0: Double(index), x1: 1, y1: Double(index + 1))) }
            lines.append(TextLine(text: text, box: Box(x0: 0, y0: Double(index), x1: Double(text.count), y1: Double(index + 1)), words: words))
        }
        let paged = PagedText(mediaType: .html, pages: [Page(number: 1, width: 200, height: Double(texts.count), lines: lines, textLayer: .native)])
        return DocumentPipeline.analyse(paged, source: SourceInfo(path: "trust.html"), options: ExtractOptions())
    }

    func testClaimsWithDatesAndNoClaimForWorkInProgress() {
        let document = analyse([
            "Trust Center | Example Cloud",
            "Example Cloud, Inc. publishes its reports and certifications for customers.",
            "SOC 2 Type II",
            "Security and Availability. Period ended June 30, 2025.",
            "Request access",
            "ISO/IEC 27001:2022",
            "Our ISMS is certified. Certificate valid until 2027-03-31.",
            "In progress",
            "ISO/IEC 27701",
            "We are extending our ISMS; we do not hold this certification yet.",
            "© 2025 Example Cloud, Inc.",
        ])
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(document.fields["service_organization"]?.value, .text("Example Cloud, Inc."))
        XCTAssertEqual(document.claims.count, 2)
        XCTAssertEqual(document.claims.first?.kind, .soc2)
        XCTAssertEqual(document.claims.first?.type, .type2)
        XCTAssertEqual(document.claims.first?.periodEnd, "2025-06-30")
        XCTAssertEqual(document.claims.first?.evidence.first?.quote, "SOC 2 Type II")
        XCTAssertEqual(document.claims.last?.standard, "ISO/IEC 27001:2022")
        XCTAssertEqual(document.claims.last?.expiryDate, "2027-03-31")
    }

    func testCorpusTrustPages() {
        let document = DocumentPipeline.extract(path: Repo.corpus("trust/kingfisher-trust.html"), options: ExtractOptions())
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(document.claims.compactMap(\.standard), ["ISO/IEC 27001:2022", "ISO/IEC 27017:2015", "ISO/IEC 27018:2019"])
        XCTAssertEqual(document.claims.first { $0.kind == .soc3 }?.periodEnd, "2025-12-31")
    }
}
