import Assay
import AssayIngest
import AssayModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class ReportPageTests: XCTestCase {
    /// Every piece of evidence the page shows, in any part of the document.
    private func allEvidence(_ document: AssayDocument) -> [Evidence] {
        var list = document.fields.values.flatMap(\.evidence)
        list += document.findings.flatMap(\.evidence)
        list += document.exceptions.flatMap(\.evidence)
        list += document.subserviceOrganizations.flatMap(\.evidence)
        list += document.cuecs.flatMap(\.evidence)
        list += document.claims.flatMap(\.evidence)
        return list
    }

    private func parse(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLDocument {
        do {
            return try XMLDocument(data: Data(html.utf8), options: [])
        } catch {
            XCTFail("The page is not well-formed: \(error)", file: file, line: line)
            throw error
        }
    }

    /// Width and height from a PNG's IHDR chunk.
    private func pngSize(_ data: Data) -> (Int, Int)? {
        let bytes = [UInt8](data)
        guard bytes.count >= 24, bytes[0] == 0x89, bytes[1] == 0x50, bytes[12...15] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// Renders a corpus PDF's page and checks it against its extraction: well-formed, every finding
    /// and exception present, an image per boxed evidence with the size of its box.
    private func checkCorpusPage(_ relative: String, minFindings: Int, minExceptions: Int) throws -> String {
        let path = Repo.corpus(relative)
        let options = ExtractOptions(asOf: "2026-06-30")
        let (document, paged) = DocumentPipeline.extractWithPages(path: path, options: options)
        XCTAssertNil(document.error)
        let pages = try XCTUnwrap(paged)
        XCTAssertGreaterThanOrEqual(document.findings.count, minFindings)
        XCTAssertGreaterThanOrEqual(document.exceptions.count, minExceptions)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: path))
        let html = ReportPage.render(document, pdf: pdf)
        let xml = try parse(html)
        let root = try XCTUnwrap(xml.rootElement())
        XCTAssertEqual(root.attribute(forName: "lang")?.stringValue, "en")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "the page must not load anything")

        // Findings: one list item each, with its code and its question.
        let findingItems = try xml.nodes(forXPath: "//li[@class='finding']")
        XCTAssertEqual(findingItems.count, document.findings.count)
        let findingText = findingItems.compactMap(\.stringValue).joined(separator: "\n")
        for finding in document.findings {
            XCTAssertTrue(findingText.contains(finding.code), finding.code)
            if let question = finding.followUp { XCTAssertTrue(findingText.contains(question.foldedWhitespace) || findingText.contains(question), question) }
        }
        // Exceptions: one row each, with its deviation.
        let exceptionRows = try xml.nodes(forXPath: "//table[@class='exceptions']/tbody/tr")
        XCTAssertEqual(exceptionRows.count, document.exceptions.count)
        let exceptionText = exceptionRows.compactMap(\.stringValue).joined(separator: "\n")
        for record in document.exceptions { XCTAssertTrue(exceptionText.contains(record.deviation), record.deviation) }
        if !document.exceptions.isEmpty {
            XCTAssertEqual(try xml.nodes(forXPath: "//table[@class='exceptions']/thead/tr/th").count, 4)
        }

        // Images: one per boxed evidence, with the pixel size of its box (margin and scale included).
        let boxed = allEvidence(document).filter { $0.bbox != nil }
        XCTAssertFalse(boxed.isEmpty)
        var expected: [String] = []
        for item in boxed {
            let page = try XCTUnwrap(pages.pages.first { $0.number == item.page })
            let geometry = try XCTUnwrap(EvidenceCropper.geometry(bbox: item.bbox ?? [], pageWidth: page.width, pageHeight: page.height))
            expected.append("\(geometry.width)x\(geometry.height)")
        }
        let images = try xml.nodes(forXPath: "//figure[@class='evidence']/img").compactMap { $0 as? XMLElement }
        var found: [String] = []
        for image in images {
            let width = try XCTUnwrap(image.attribute(forName: "width")?.stringValue)
            let height = try XCTUnwrap(image.attribute(forName: "height")?.stringValue)
            let source = try XCTUnwrap(image.attribute(forName: "src")?.stringValue)
            XCTAssertTrue(source.hasPrefix("data:image/png;base64,"))
            let png = try XCTUnwrap(Data(base64Encoded: String(source.dropFirst("data:image/png;base64,".count))))
            let size = try XCTUnwrap(pngSize(png))
            XCTAssertEqual("\(size.0)x\(size.1)", "\(width)x\(height)")
            XCTAssertLessThanOrEqual(size.0, EvidenceCropper.maxSide)
            found.append("\(width)x\(height)")
        }
        XCTAssertEqual(found.sorted(), expected.sorted())
        // Every evidence, boxed or not, shows its page and quote.
        XCTAssertEqual(try xml.nodes(forXPath: "//figure[@class='evidence']/figcaption").count, allEvidence(document).count)
        return html
    }

    func testSOC2ReportPage() throws {
        let html = try checkCorpusPage("soc2/corvane-analytics-soc2-type2-2026.pdf", minFindings: 1, minExceptions: 1)
        XCTAssertTrue(html.contains("<h2 id=\"cuecs\">"))
        XCTAssertTrue(html.contains("<ul class=\"todo\">"))
        XCTAssertTrue(html.contains("<h2 id=\"subservice\">"))
        XCTAssertTrue(html.contains("<h2 id=\"obligations\">"))
    }

    func testCertificatePage() throws {
        let html = try checkCorpusPage("iso/harrowgate-iso27001-2022.pdf", minFindings: 0, minExceptions: 0)
        XCTAssertTrue(html.contains("<th scope=\"row\">Certification body</th><td>Pennant Certification Services Ltd"))
        XCTAssertTrue(html.contains("<th scope=\"row\">Accreditation body</th><td>UKAS"))
        // Locations was read with confidence below 0.9: the row is muted and says so.
        XCTAssertTrue(html.contains("<tr class=\"low\"><th scope=\"row\">Locations</th>"))
    }

    func testDocumentTextIsEscaped() throws {
        var document = AssayDocument(source: SourceInfo(path: "x<y>.html", mediaType: "text/html", pages: 1))
        document.document = DocumentInfo(kind: .soc2, type: .type2, confidence: 0.95)
        let hostile = "<script>alert(1)</script> & \"quoted\" 'x' \u{01}\u{0B}end"
        document.fields["service_organization"] = Field(value: .text(hostile), confidence: 0.95,
                                                        evidence: [Evidence(page: 1, quote: hostile)])
        document.findings = [Finding(code: "soc.x", severity: .high, message: hostile, followUp: hostile, evidence: [])]
        let html = ReportPage.render(document, pdf: nil)
        let xml = try parse(html)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;x&#39; end"))
        XCTAssertEqual(try xml.nodes(forXPath: "//img").count, 0, "no PDF, no image")
        XCTAssertEqual(try xml.nodes(forXPath: "//h1").first?.stringValue, "<script>alert(1)</script> & \"quoted\" 'x' end — SOC 2 Type II")
    }

    func testIndexListsEveryDocument() throws {
        var ok = AssayDocument(source: SourceInfo(path: "a.pdf"))
        ok.fields["period_start"] = Field(value: .text("2025-01-01"), confidence: 0.95, evidence: [])
        ok.fields["period_end"] = Field(value: .text("2025-12-31"), confidence: 0.95, evidence: [])
        let failed = AssayDocument.failure(SourceInfo(path: "b&c.pdf"), DocumentError(.malformed, "broken"))
        let html = ReportIndex.render([ReportIndex.Entry(document: ok, page: "a.pdf.html"),
                                       ReportIndex.Entry(document: failed, page: "b_c.pdf.html")], asOf: "2026-06-30")
        let xml = try parse(html)
        let links = try xml.nodes(forXPath: "//tbody/tr/td/a").compactMap { ($0 as? XMLElement)?.attribute(forName: "href")?.stringValue }
        XCTAssertEqual(links, ["a.pdf.html", "b_c.pdf.html"])
        XCTAssertTrue(html.contains("<td>2025-01-01 – 2025-12-31</td>"))
        XCTAssertEqual(ReportPage.fileStem("../../etc/pa ss<wd>.pdf"), "pa_ss_wd_.pdf")
        XCTAssertEqual(ReportPage.fileStem("..."), "document")
    }

    func testCropSizeIsCappedForHostileBoxes() throws {
        // A box far larger than the page is clipped to the page.
        let page = try XCTUnwrap(EvidenceCropper.geometry(bbox: [-1e9, -1e9, 1e12, 1e12], pageWidth: 612, pageHeight: 792))
        XCTAssertEqual(page.width, Int((612 * 110.0 / 72).rounded(.up)))
        XCTAssertEqual(page.height, Int((792 * 110.0 / 72).rounded(.up)))
        // A hostile page size cannot make the image larger than the cap.
        let huge = try XCTUnwrap(EvidenceCropper.geometry(bbox: [0, 0, 1e7, 10], pageWidth: 1e7, pageHeight: 1e7))
        XCTAssertLessThanOrEqual(huge.width, EvidenceCropper.maxSide)
        XCTAssertLessThanOrEqual(huge.height, EvidenceCropper.maxSide)
        XCTAssertNil(EvidenceCropper.geometry(bbox: [.nan, 0, 1, 1], pageWidth: 612, pageHeight: 792))
        XCTAssertNil(EvidenceCropper.geometry(bbox: [1, 2, 3], pageWidth: 612, pageHeight: 792))
        XCTAssertNil(EvidenceCropper.geometry(bbox: [700, 900, 800, 1000], pageWidth: 612, pageHeight: 792), "off the page")

        let pdf = try Data(contentsOf: URL(fileURLWithPath: Repo.corpus("iso/harrowgate-iso27001-2022.pdf")))
        let cropper = try EvidenceCropper(data: pdf)
        let crop = try XCTUnwrap(cropper.crop(page: 1, bbox: [-1e9, -1e9, 1e12, 1e12]))
        XCTAssertLessThanOrEqual(crop.width, EvidenceCropper.maxSide)
        XCTAssertEqual(pngSize(crop.png).map { "\($0.0)x\($0.1)" }, "\(crop.width)x\(crop.height)")
        XCTAssertNil(cropper.crop(page: 0, bbox: [0, 0, 10, 10]))
        XCTAssertNil(cropper.crop(page: 999, bbox: [0, 0, 10, 10]))
    }
}
