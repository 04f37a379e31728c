@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// `assay.sqlite`: rows written per document, replaced and removed as a unit, and the three example
/// queries of docs/batch.md — taken from the document itself — answer right.
final class BatchIndexTests: XCTestCase {
    var directory = URL(fileURLWithPath: "/nonexistent")

    override func setUpWithError() throws { directory = try Repo.temporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private static func day(_ offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let date = calendar.date(byAdding: .day, value: offset, to: Date()) ?? Date()
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    private func field(_ value: String) -> Field {
        Field(value: .text(value), confidence: 0.95, evidence: [Evidence(page: 1, quote: value)])
    }

    private func certificate(expiring offset: Int) -> AssayDocument {
        var document = AssayDocument(source: SourceInfo(path: "x", sha256: "00", bytes: 10),
                                     document: DocumentInfo(kind: .isoCertificate, confidence: 0.9))
        document.fields["organization"] = field("Acme Ltd")
        document.fields["issue_date"] = field(Self.day(offset - 1000))
        document.fields["expiry_date"] = field(Self.day(offset))
        document.fields["standards"] = Field(value: .list(["ISO/IEC 27001:2022"]), confidence: 0.9, evidence: [])
        return document
    }

    private func soc2(periodEnd offset: Int, exceptions: [ExceptionRecord] = []) -> AssayDocument {
        var document = AssayDocument(source: SourceInfo(path: "x", sha256: "01", bytes: 10),
                                     document: DocumentInfo(kind: .soc2, type: .type2, confidence: 0.9))
        document.fields["opinion"] = field("unqualified")
        document.fields["period_start"] = field(Self.day(offset - 365))
        document.fields["period_end"] = field(Self.day(offset))
        document.exceptions = exceptions
        document.findings = [Finding(code: "soc.report_stale", severity: .high, message: "m", followUp: nil, evidence: [])]
        return document
    }

    private func exception(_ id: String?, criteria: [String]) -> ExceptionRecord {
        ExceptionRecord(controlID: id, criteria: criteria, control: "c", test: "t", deviation: "d \(id ?? "-")",
                        managementResponse: nil, confidence: 0.9, evidence: [Evidence(page: 40, quote: "d")])
    }

    private func store(_ index: BatchIndex, _ path: String, _ document: AssayDocument) throws {
        let input = BatchInput(relativePath: path, absolutePath: "/x/\(path)", bytes: 10, modifiedNanoseconds: 1)
        let key = BatchCacheKey(assayVersion: "t", rulesFingerprint: "r", options: "")
        try index.store(BatchRecord(input: input, document: document, key: key, processedAt: "now"), document: document)
    }

    /// The fenced `sql` blocks of docs/batch.md, in order.
    private func documentedQueries() throws -> [String] {
        let text = try String(contentsOf: Repo.root.appendingPathComponent("docs/batch.md"), encoding: .utf8)
        return text.components(separatedBy: "```sql\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    }

    func testDocumentedQueriesAnswer() throws {
        let index = try BatchIndex(url: directory.appendingPathComponent("assay.sqlite"))
        try store(index, "acme/iso.pdf", certificate(expiring: 30))
        try store(index, "acme/iso-old.pdf", certificate(expiring: -10))
        try store(index, "birch/iso.pdf", certificate(expiring: 200))
        try store(index, "acme/soc2.pdf", soc2(periodEnd: -30, exceptions: [
            exception("CC6.1", criteria: ["CC6.1"]), exception("CC7.2", criteria: ["CC7.2"]),
            exception(nil, criteria: ["CC7.1", "CC6.3"]),
        ]))
        try store(index, "birch/soc2-2024.pdf", soc2(periodEnd: -800))
        try store(index, "birch/soc2-2025.pdf", soc2(periodEnd: -420))
        try store(index, "cedar/broken.pdf", .failure(SourceInfo(path: "x"), DocumentError(.crashed, "boom")))

        let queries = try documentedQueries()
        XCTAssertEqual(queries.count, 3)
        let expiring = try index.query(queries[0])
        XCTAssertEqual(expiring.map { $0["vendor"] ?? nil }, ["acme"])
        XCTAssertEqual(expiring.first?["standards"] ?? nil, "ISO/IEC 27001:2022")

        let cc6 = try index.query(queries[1])
        XCTAssertEqual(cc6.map { $0["control_id"] ?? nil }, ["CC6.1", nil])
        XCTAssertEqual(cc6.map { $0["deviation"] ?? nil }, ["d CC6.1", "d -"])

        let stale = try index.query(queries[2])
        XCTAssertEqual(stale.map { $0["vendor"] ?? nil }, ["birch"])
        XCTAssertEqual(stale.first?["latest_period_end"] ?? nil, Self.day(-420))
        XCTAssertEqual(stale.first?["reports"] ?? nil, "2")
    }

    func testStoreReplacesAndRemoveCascades() throws {
        let index = try BatchIndex(url: directory.appendingPathComponent("assay.sqlite"))
        try store(index, "acme/soc2.pdf", soc2(periodEnd: -30, exceptions: [exception("CC6.1", criteria: ["CC6.1"])]))
        try store(index, "acme/soc2.pdf", soc2(periodEnd: -30, exceptions: [exception("CC8.1", criteria: ["CC8.1"]),
                                                                           exception("CC6.2", criteria: ["CC6.2"])]))
        XCTAssertEqual(try index.query("SELECT control_id FROM exceptions ORDER BY ordinal").map { $0["control_id"] ?? nil },
                       ["CC8.1", "CC6.2"])
        XCTAssertEqual(try index.query("SELECT COUNT(*) AS n FROM fields").first?["n"] ?? nil, "3")
        let record = try XCTUnwrap(try index.records()["acme/soc2.pdf"])
        XCTAssertEqual(record.exceptionCount, 2)
        XCTAssertEqual(record.highFindings, 1)
        XCTAssertEqual(record.periodOrValidity, "\(Self.day(-395)) to \(Self.day(-30))")
        XCTAssertEqual(record.vendor, "acme")
        XCTAssertEqual(record.key, BatchCacheKey(assayVersion: "t", rulesFingerprint: "r", options: ""))

        try index.remove(paths: ["acme/soc2.pdf"])
        for table in ["documents", "fields", "exceptions", "findings", "obligations"] {
            XCTAssertEqual(try index.query("SELECT COUNT(*) AS n FROM \(table)").first?["n"] ?? nil, "0", table)
        }
    }

    func testFieldListsKeepTheirJSON() throws {
        let index = try BatchIndex(url: directory.appendingPathComponent("assay.sqlite"))
        try store(index, "acme/iso.pdf", certificate(expiring: 30))
        let row = try index.query("SELECT value, value_json, page FROM fields WHERE name = 'standards'").first
        XCTAssertEqual(row?["value"] ?? nil, "ISO/IEC 27001:2022")
        XCTAssertEqual(row?["value_json"] ?? nil, "[\"ISO/IEC 27001:2022\"]")
        XCTAssertEqual(row?["page"] ?? nil, nil)
    }
}
