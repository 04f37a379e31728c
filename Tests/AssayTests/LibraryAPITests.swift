import Assay
import Foundation
import XCTest

/// The library entry points, used the way a Swift caller would: `import Assay` alone.
final class LibraryAPITests: XCTestCase {
    func testExtractReadsACertificateWithEvidence() throws {
        let url = URL(fileURLWithPath: Repo.corpus("iso/brightwater-iso27017-2015.pdf"))
        let report = Assay.extract(url, options: ExtractOptions(asOf: "2026-11-01"))
        XCTAssertNil(report.error)
        XCTAssertEqual(report.source.path, url.path)
        XCTAssertEqual(report.document.kind, .isoCertificate)
        XCTAssertEqual(report.fields["certificate_number"]?.value.display, "ACA-CS-30961")
        XCTAssertEqual(report.fields["expiry_date"]?.value.display, "2028-09-18")
        XCTAssertEqual(report.fields["expiry_date"]?.evidence.first?.page, 1)
    }

    func testExtractFromMemoryMatchesExtractFromFile() throws {
        let url = URL(fileURLWithPath: Repo.corpus("iso/brightwater-iso27017-2015.pdf"))
        let options = ExtractOptions(asOf: "2026-11-01")
        let fromFile = Assay.extract(url, options: options)
        let fromMemory = Assay.extract(try Data(contentsOf: url), name: url.path, options: options)
        XCTAssertEqual(ContractJSON.string(fromMemory, pretty: false), ContractJSON.string(fromFile, pretty: false))
    }

    func testAMissingFileComesBackAsAnErrorNotAThrow() {
        let report = Assay.extract(URL(fileURLWithPath: "/nonexistent/assay/report.pdf"))
        XCTAssertEqual(report.error?.code, .notFound)
        XCTAssertTrue(report.findings.isEmpty)
    }

    func testAWorkerThatCannotStartIsAnErrorRecord() {
        let url = URL(fileURLWithPath: Repo.corpus("iso/brightwater-iso27017-2015.pdf"))
        let report = Assay.extract(url, isolation: .worker(executable: "/nonexistent/assay", limits: IsolationLimits(timeout: 5)))
        XCTAssertEqual(report.error?.code, .crashed)
        XCTAssertEqual(report.error?.message.hasPrefix("The document's reader could not be started"), true)
        XCTAssertEqual(report.source.path, url.path)
        XCTAssertTrue(report.fields.isEmpty)
    }

    /// The one reading path gives the same document in this process and in a worker, and a report page
    /// either way.
    func testDocumentReaderReadsTheSameInProcessAndIsolated() throws {
        let path = Repo.corpus("iso/brightwater-iso27017-2015.pdf")
        let options = ExtractOptions(asOf: "2026-11-01")
        let inProcess = DocumentReader(isolation: .none, options: options)
        let isolated = DocumentReader(isolation: .worker(executable: BatchTests.binary, limits: IsolationLimits(timeout: 60)),
                                      options: options)
        let a = inProcess.read(path: path, label: "cert.pdf"), b = isolated.read(path: path, label: "cert.pdf")
        XCTAssertNil(a.error)
        XCTAssertEqual(a.source.path, "cert.pdf")
        XCTAssertEqual(ContractJSON.string(a, pretty: true), ContractJSON.string(b, pretty: true))
        XCTAssertEqual(isolated.printed(path: path, label: "cert.pdf", style: .pretty).text,
                       PrintStyle.pretty.print(a))
        let page = isolated.report(path: path).html
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"), String(page.prefix(40)))
    }

    /// A batch's cache key changes with every option that changes a result, and is what it always was
    /// when no service or site is given.
    func testBatchCacheKeyCoversServicesAndSites() {
        XCTAssertEqual(BatchCacheKey.optionsKey(ExtractOptions(asOf: "2026-11-01")), "as-of=2026-11-01")
        XCTAssertEqual(BatchCacheKey.optionsKey(ExtractOptions(asOf: nil, services: ["Payments API", "Ledger"], sites: ["Frankfurt"])),
                       "as-of=;service=Payments API|Ledger;site=Frankfurt")
    }
}
