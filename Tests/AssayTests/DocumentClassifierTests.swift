import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

final class DocumentClassifierTests: XCTestCase {
    private func analyse(_ texts: [String], mediaType: MediaType) -> AssayDocument {
        let lines = texts.enumerated().map { index, text in
            TextLine(text: text, box: Box(x0: 0, y0: Double(index), x1: Double(text.count), y1: Double(index + 1)),
                     words: text.split(separator: " ").map { Word(text: String($0), box: Box(x0: 0, y0: Double(index), x1: 1, y1: Double(index + 1))) })
        }
        let paged = PagedText(mediaType: mediaType, pages: [Page(number: 1, width: 200, height: Double(texts.count), lines: lines, textLayer: .native)])
        return DocumentPipeline.analyse(paged, source: SourceInfo(path: mediaType == .text ? "page.txt" : "page.html"), options: ExtractOptions())
    }

    /// The confidence is the margin scaled by the strength of the winner's evidence.
    func testConfidenceScalesWithMarginAndStrength() {
        XCTAssertEqual(DocumentClassifier.confidence(top: 60, second: 0, strong: 30), 0.99, accuracy: 0.001)
        XCTAssertEqual(DocumentClassifier.confidence(top: 30, second: 27, strong: 30), 0.695, accuracy: 0.001)
        XCTAssertEqual(DocumentClassifier.confidence(top: 15, second: 0, strong: 30), 0.745, accuracy: 0.001)
        XCTAssertLessThan(DocumentClassifier.confidence(top: 8, second: 0, strong: 30), 0.9)
    }

    /// A plain-text copy of a vendor's page that names standards is a trust page, not a certificate.
    func testPlainTextPageThatNamesStandardsIsATrustPage() {
        let document = analyse([
            "Compliance",
            "Ashgrove Analytics has been an ISO/IEC 27001:2022 certified organisation since 2019.",
            "The ISO/IEC 27017:2015 certificate is available for download here.",
            "We undergo an annual SOC 2 Type II audit; the report is available on request under NDA.",
        ], mediaType: .text)
        XCTAssertEqual(document.document.kind, .trustPage)
    }

    /// Certificates in Russian and Turkish (with the dotted capital İ, which does not fold to "i") are certificates.
    func testRussianAndTurkishCertificatesAreCertificates() {
        let russian = analyse([
            "СЕРТИФИКАТ СООТВЕТСТВИЯ",
            "Настоящим удостоверяется, что система менеджмента информационной безопасности",
            "ООО «Северная Гавань» соответствует требованиям ISO/IEC 27001:2022",
            "Дата выдачи: 12 марта 2025 г.   Действителен до: 11 марта 2028 г.",
        ], mediaType: .pdf)
        XCTAssertEqual(russian.document.kind, .isoCertificate)
        let turkish = analyse([
            "CERTİFİCATE / SERTİFİKA",
            "BİLGİ GÜVENLİĞİ YÖNETİM SİSTEMİ ISO/IEC 27001:2022",
            "Geçerlilik tarihi: 04.08.2027",
        ], mediaType: .pdf)
        XCTAssertEqual(turkish.document.kind, .isoCertificate)
    }

    /// A Swedish trust page, with its claims and a plan that is not one.
    func testSwedishTrustPageIsATrustPage() {
        let document = analyse([
            "Säkerhet och efterlevnad",
            "Vi är certifierade enligt ISO/IEC 27001:2022 och har erhållit en SOC 2 Type II-rapport.",
            "Rapporten lämnas ut på begäran. Vi arbetar mot ISO/IEC 27701.",
        ], mediaType: .text)
        XCTAssertEqual(document.document.kind, .trustPage)
    }

    /// A thin page wins without rivals but is not given 0.9.
    func testThinTrustPageIsNotConfident() {
        let document = analyse([
            "Come proteggiamo i dati",
            "Seguiamo le indicazioni della norma ISO 27001 nella gestione dei rischi informatici.",
            "In questa pagina trovi la documentazione sulla conformità dei nostri servizi.",
        ], mediaType: .text)
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertLessThan(document.document.confidence, 0.9)
    }

    /// An auditor's opening in plain text is not a trust page, however many schemes it names.
    func testAuditorsReportIsNotATrustPage() {
        let document = analyse([
            "Independent Service Auditor's Report",
            "To the Management of Example Cloud, Inc.",
            "We have examined the description of the system and the suitability of the design of controls to meet the trust services criteria.",
            "In our opinion, in all material respects, the controls operated effectively throughout the period.",
            "The company also holds ISO 27001 and PCI DSS certificates.",
        ], mediaType: .text)
        XCTAssertNotEqual(document.document.kind, .trustPage)
    }

    /// Management's letter about the months since its last report speaks in the first person and
    /// names a SOC report, like a trust page, but is not one.
    func testBridgeLetterTextIsNotATrustPage() {
        let document = analyse([
            "Acme Cloud, Inc.",
            "To our customers,",
            "Our most recent SOC 2 Type 2 report covered the period January 1, 2025 to December 31, 2025.",
            "We are not aware of any material changes to our system of internal control since the end of that period.",
            "Our compliance team is available to answer questions.",
        ], mediaType: .text)
        XCTAssertNotEqual(document.document.kind, .trustPage)
    }
}
