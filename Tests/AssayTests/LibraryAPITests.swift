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
}
