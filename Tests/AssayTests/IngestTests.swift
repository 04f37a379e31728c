@testable import AssayIngest
import AssayModel
import Foundation
import XCTest

final class IngestTests: XCTestCase {
    private func ingest(_ path: String, password: String? = nil) throws -> PagedText {
        let data = try InputFile.read(path: path, maxBytes: 1 << 30)
        return try Ingestor.ingest(data, options: IngestOptions(password: password))
    }

    func testPDFPagesLinesAndBoxes() throws {
        let paged = try ingest(Repo.fixture("layout.pdf"))
        XCTAssertEqual(paged.mediaType, .pdf)
        XCTAssertEqual(paged.pages.count, 2)
        XCTAssertEqual(paged.pages[0].lines.map(\.text), ["Layout Fixture Heading", "Control Result", "CC6.1 No exceptions noted."])
        XCTAssertEqual(paged.pages[1].text, "Second page text")
        XCTAssertEqual(paged.pages[0].width, 612)
        XCTAssertEqual(paged.pages[0].height, 792)
        // The fixture places each text at a known point (72 pt = 1 inch from the top-left corner).
        let heading = paged.pages[0].lines[0].box
        XCTAssertEqual(heading.x0, 72, accuracy: 0.5)
        XCTAssertEqual(heading.y0, 72, accuracy: 1)
        // Cells side by side are separate words with their own boxes: the result column starts at 300 pt.
        let row = paged.pages[0].lines[2]
        XCTAssertEqual(row.words.map(\.text), ["CC6.1", "No", "exceptions", "noted."])
        XCTAssertEqual(row.words[1].box.x0, 300, accuracy: 0.5)
        XCTAssertEqual(row.box.y0, 170, accuracy: 1)
        XCTAssertEqual(paged.textLayer, .native)
    }

    func testOwnerPasswordOnlyPDFOpensWithoutPassword() throws {
        let paged = try ingest(Repo.fixture("layout-owner.pdf"))
        XCTAssertEqual(paged.pages.count, 2)
        XCTAssertEqual(paged.pages[0].lines.first?.text, "Layout Fixture Heading")
    }

    func testUserPasswordPDFNeedsThePassword() throws {
        XCTAssertThrowsError(try ingest(Repo.fixture("layout-user.pdf"))) { error in
            XCTAssertEqual((error as? DocumentError)?.code, .encrypted)
        }
        XCTAssertThrowsError(try ingest(Repo.fixture("layout-user.pdf"), password: "wrong")) { error in
            XCTAssertEqual((error as? DocumentError)?.code, .encrypted)
        }
        let paged = try ingest(Repo.fixture("layout-user.pdf"), password: "open-sesame")
        XCTAssertEqual(paged.pages[1].text, "Second page text")
    }

    func testHTMLVisibleTextInOrderWithDeclaredCharset() throws {
        let paged = try ingest(Repo.fixture("page.html"))
        XCTAssertEqual(paged.mediaType, .html)
        XCTAssertEqual(paged.pages.count, 1)
        XCTAssertEqual(paged.pages[0].lines.map(\.text), [
            "Trust Fixture",
            "Security at Café Müller",
            "We hold a SOC 2 Type II report.",
            "Report\tPeriod end",
            "SOC 2 Type II\t30 September 2025",
            "ISO/IEC 27001:2022",
            "ISO/IEC 27701:2019",
        ])
        XCTAssertFalse(paged.pages[0].text.contains("secret"), "script content must not be text")
        XCTAssertFalse(paged.pages[0].text.contains("enable scripts"), "noscript content must not be text")
    }

    func testHTMLExternalEntityAndDTDAreNotLoaded() throws {
        let paged = try ingest(Repo.fixture("xxe.html"))
        let text = paged.pages[0].text
        XCTAssertFalse(text.contains("root:"), "an external entity must never be expanded")
        XCTAssertTrue(text.contains("Before &xxe; after"))
    }

    func testTextEncodingsAndFormFeeds() throws {
        let utf8 = Data([0xEF, 0xBB, 0xBF]) + Data("Page one\nline two\u{0C}Page two\u{0C}".utf8)
        let a = try Ingestor.ingest(utf8, options: IngestOptions())
        XCTAssertEqual(a.mediaType, .text)
        XCTAssertEqual(a.pages.count, 2)
        XCTAssertEqual(a.pages[0].lines.map(\.text), ["Page one", "line two"])
        XCTAssertEqual(a.pages[1].text, "Page two")

        var utf16 = Data([0xFF, 0xFE])
        for unit in "Zürich office\r\nsecond".utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let b = try Ingestor.ingest(utf16, options: IngestOptions())
        XCTAssertEqual(b.pages[0].lines.map(\.text), ["Zürich office", "second"])

        let latin1 = Data([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x20, 0x47, 0x6D, 0x62, 0x48]) // "Müller GmbH" in Latin-1
        let c = try Ingestor.ingest(latin1, options: IngestOptions())
        XCTAssertEqual(c.pages[0].text, "Müller GmbH")
        XCTAssertEqual(c.diagnostics.map(\.code), ["latin1_fallback"])
    }

    func testSniffingUsesContentNotName() throws {
        let directory = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let disguised = directory.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(atPath: Repo.fixture("layout.pdf"), toPath: disguised.path)
        XCTAssertEqual(try ingest(disguised.path).mediaType, .pdf)
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52])
        XCTAssertThrowsError(try Ingestor.ingest(png, options: IngestOptions())) { error in
            XCTAssertEqual((error as? DocumentError)?.code, .unsupportedMediaType)
        }
    }

    func testPageLimitKeepsFirstPagesAndSaysSo() throws {
        let data = try InputFile.read(path: Repo.fixture("layout.pdf"), maxBytes: 1 << 20)
        let paged = try Ingestor.ingest(data, options: IngestOptions(maxPages: 1))
        XCTAssertEqual(paged.pages.count, 1)
        XCTAssertEqual(paged.diagnostics.map(\.code), ["page_limit"])
    }

    func testPagesReadOnSeveralThreadsAreTheSameAsInOrder() throws {
        let reports = try FileManager.default.contentsOfDirectory(atPath: Repo.corpus("soc2"))
            .filter { $0.hasSuffix(".pdf") }.sorted().prefix(3).map { Repo.corpus("soc2/\($0)") }
        XCTAssertEqual(reports.count, 3)
        for path in reports {
            let data = try InputFile.read(path: path, maxBytes: 1 << 26)
            let inOrder = try Ingestor.ingest(data, options: IngestOptions(ocr: .never, threads: 1))
            let threaded = try Ingestor.ingest(data, options: IngestOptions(ocr: .never, threads: 3))
            XCTAssertGreaterThan(inOrder.pages.count, 40, path)
            XCTAssertEqual(threaded, inOrder, path)
        }
        // With a page limit and a character limit, the diagnostics come out in page order too.
        let data = try InputFile.read(path: reports[0], maxBytes: 1 << 26)
        let limited = IngestOptions(maxPages: 30, maxCharactersPerPage: 400, ocr: .never)
        var threadedLimited = limited
        threadedLimited.threads = 2
        let one = try Ingestor.ingest(data, options: limited), two = try Ingestor.ingest(data, options: threadedLimited)
        XCTAssertEqual(two, one)
        XCTAssertEqual(two.diagnostics.first?.code, "page_limit")
        XCTAssertGreaterThan(two.diagnostics.filter { $0.code == "page_text_limit" }.count, 10)
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data(repeating: 0x61, count: 1_000)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
