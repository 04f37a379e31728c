@testable import Assay
@testable import AssayCore
@testable import AssayIngest
import AssayModel
import Foundation
import XCTest

/// Pages without a usable text layer are read by OCR, page by page, with boxes in PDF points.
final class OCRTests: XCTestCase {
    private func ingest(_ path: String, mode: OCRMode, languages: String? = "eng") throws -> PagedText {
        let data = try InputFile.read(path: path, maxBytes: 1 << 30)
        return try Ingestor.ingest(data, options: IngestOptions(ocr: mode, ocrLanguages: languages))
    }

    func testOnlyThePageWithoutTextIsRecognised() throws {
        let paged = try ingest(Repo.fixture("mixed.pdf"), mode: .auto)
        XCTAssertEqual(paged.pages.map(\.textLayer), [.native, .ocr])
        XCTAssertEqual(paged.textLayer, .mixed)
        XCTAssertEqual(paged.pages[0].lines.first?.text, "Layout Fixture Heading")
        XCTAssertEqual(paged.pages[1].text, "Second page text")
        // The image is the same page rendered: OCR boxes land within a few points of the native text's.
        let box = try XCTUnwrap(paged.pages[1].lines.first?.box)
        XCTAssertEqual(box.x0, 72, accuracy: 3)
        XCTAssertEqual(box.y0, 72, accuracy: 4)
        XCTAssertGreaterThan(paged.pages[1].ocrConfidence ?? 0, 0.8)
        XCTAssertEqual(paged.diagnostics.map(\.code), ["ocr_used"])
    }

    /// Pages are recognised on several threads, each with its own poppler document and Tesseract
    /// engine; the pages and diagnostics come back in page order, the same as on one thread.
    func testOCROnTwoThreadsReadsWhatOneThreadReads() throws {
        let data = try InputFile.read(path: Repo.corpus("scanned/halcyon-meridian-bridge-letter-scan.pdf"), maxBytes: 1 << 30)
        let one = try Ingestor.ingest(data, options: IngestOptions(ocrLanguages: "eng", threads: 1))
        let two = try Ingestor.ingest(data, options: IngestOptions(ocrLanguages: "eng", threads: 2))
        XCTAssertEqual(one.pages.map(\.textLayer), [.ocr, .ocr])
        XCTAssertEqual(two.pages, one.pages)
        XCTAssertEqual(two.diagnostics, one.diagnostics)
        XCTAssertEqual(one.diagnostics.map(\.code), ["ocr_used", "ocr_used"])
        XCTAssertTrue(one.diagnostics[0].message.hasPrefix("Page 1 "))
    }

    /// A picture of words on a page with its own text (an accreditation mark on a certificate) is read
    /// apart from the page's text, with the picture's box in page points.
    func testWordsInAnImageAreReadApartFromThePageText() throws {
        let paged = try ingest(Repo.fixture("image-text.pdf"), mode: .auto)
        let page = paged.pages[0]
        XCTAssertEqual(page.textLayer, .native)
        XCTAssertEqual(page.text, "Native heading of the fixture page")
        let image = try XCTUnwrap(page.imageTexts?.first)
        XCTAssertEqual(page.imageTexts?.count, 1)
        XCTAssertEqual(image.text, "Leeds LS10 1RT, United Kingdom")
        XCTAssertEqual(image.box.x0, 72, accuracy: 0.5)
        XCTAssertEqual(image.box.y0, 215.6, accuracy: 0.5)
        XCTAssertEqual(image.box.x1, 552, accuracy: 0.5)
        XCTAssertGreaterThan(image.confidence, 0.8)
        // The words land inside the picture's box.
        let words = image.lines.flatMap(\.words)
        XCTAssertTrue(words.allSatisfy { $0.box.x0 >= 71 && $0.box.x1 <= 553 && $0.box.y0 >= 215 && $0.box.y1 <= 243 })
        XCTAssertEqual(paged.diagnostics.map(\.code), [])
        // --ocr never reads no pictures either.
        XCTAssertNil(try ingest(Repo.fixture("image-text.pdf"), mode: .never).pages[0].imageTexts)
    }

    func testTheScriptOfNativeTextChoosesTheOCRLanguages() {
        func page(_ text: String) -> Page {
            Page(number: 1, width: 600, height: 800,
                 lines: [TextLine(text: text, box: Box(x0: 0, y0: 0, x1: 1, y1: 1), words: [])], textLayer: .native)
        }
        XCTAssertEqual(OCRLanguages.scriptOfText([page(String(repeating: "경영시스템 인증서 ISO 9001 ", count: 4))]), "Hangul")
        XCTAssertEqual(OCRLanguages.scriptOfText([page(String(repeating: "Сертификат соответствия ISO ", count: 3))]), "Cyrillic")
        // Japanese mixes kana and Han characters; the kana decide.
        XCTAssertEqual(OCRLanguages.scriptOfText([page(String(repeating: "情報セキュリティ認証書です", count: 4))]), "Japanese")
        XCTAssertEqual(OCRLanguages.scriptOfText([page(String(repeating: "Certificate of registration ", count: 3))]), "Latin")
        XCTAssertNil(OCRLanguages.scriptOfText([page("Page 1")]))
        XCTAssertEqual(OCRLanguages.byScript["Hangul"], ["kor", "eng"])
    }

    /// A page whose only text is a few well-formed characters and that shows no picture keeps its text
    /// (a divider page, line numbers); the page of `mixed.pdf` that is a picture is still read by OCR.
    func testASparseTextPageWithoutAPictureKeepsItsText() throws {
        let data = Self.onePagePDF(content: "BT /F1 14 Tf 72 700 Td (SECTION IV) Tj ET 0 0 1 rg 72 400 200 100 re f")
        let paged = try Ingestor.ingest(data, options: IngestOptions(ocrLanguages: "eng"))
        XCTAssertEqual(paged.pages[0].textLayer, .native)
        XCTAssertEqual(paged.pages[0].text, "SECTION IV")
        XCTAssertEqual(paged.diagnostics.map(\.code), [])
    }

    /// A one-page PDF with Helvetica as F1 and `content` as its page stream.
    static func onePagePDF(content: String) -> Data {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
        ]
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(body.utf8)
    }

    func testOCRNeverLeavesScannedPagesEmpty() throws {
        let paged = try ingest(Repo.fixture("mixed.pdf"), mode: .never)
        XCTAssertEqual(paged.pages.map(\.textLayer), [.native, .none])
        XCTAssertEqual(paged.pages[1].lines, [])
    }

    func testScannedCertificateReadsLikeItsNativeTwin() throws {
        let options = ExtractOptions(ingest: IngestOptions(ocrLanguages: "eng"), asOf: "2026-11-01")
        let scanned = DocumentPipeline.extract(path: Repo.corpus("scanned/harrowgate-iso27001-2022-scan.pdf"), options: options)
        XCTAssertEqual(scanned.source.textLayer, .ocr)
        XCTAssertEqual(scanned.document.kind, .isoCertificate)
        XCTAssertTrue(scanned.diagnostics.contains { $0.code == "ocr_used" })
        // Values read from OCR text never claim high confidence.
        for (name, field) in scanned.fields {
            XCTAssertLessThanOrEqual(field.confidence, OCRConfidence.ceiling, name)
        }
    }

    func testGarbledTextIsNotText() {
        XCTAssertTrue(TextQuality.isGarbled(String(repeating: "\u{FFFD}\u{E001}x", count: 20)))
        XCTAssertTrue(TextQuality.isGarbled(String(repeating: "qzxkw vbnrt pltsd ", count: 10)))
        XCTAssertFalse(TextQuality.isGarbled("The service auditor tested the operating effectiveness of the controls."))
        XCTAssertFalse(TextQuality.isGarbled("情報セキュリティマネジメントシステムの認証範囲は東京本社のクラウドサービスです。"))
    }
}
