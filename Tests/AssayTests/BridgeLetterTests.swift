import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

final class BridgeLetterTests: XCTestCase {
    func testCorpusBridgeLetter() {
        let document = DocumentPipeline.extract(path: Repo.corpus("bridge/kestrel-forge-bridge-letter.pdf"), options: ExtractOptions())
        XCTAssertEqual(document.document.kind, .bridgeLetter)
        let fields = document.fields
        XCTAssertEqual(fields["service_organization"]?.value, .text("Kestrel Forge Software, Inc."))
        XCTAssertEqual(fields["report_date"]?.value, .text("2025-12-08"))
        XCTAssertEqual(fields["report_date"]?.evidence.first?.page, 1)
        XCTAssertEqual(fields["period_start"]?.value, .text("2025-10-01"))
        XCTAssertEqual(fields["period_end"]?.value, .text("2025-11-30"))
        XCTAssertEqual(fields["bridged_period_end"]?.value, .text("2025-09-30"))
        XCTAssertEqual(fields["signed_by"]?.value, .text("Rafael Oyelowo-Strand, Chief Information Security Officer"))
        XCTAssertEqual(fields["system_name"]?.value, .text("Kestrel Forge Build Cloud"))
    }

    func testPlainTextLetterSkipsTheNextExamination() {
        let document = DocumentPipeline.extract(path: Repo.corpus("text/oriel-lacombe-bridge-letter-utf16.txt"), options: ExtractOptions())
        XCTAssertEqual(document.fields["period_end"]?.value, .text("2026-03-31"))
        XCTAssertEqual(document.fields["bridged_period_end"]?.value, .text("2025-09-30"))
    }
}
