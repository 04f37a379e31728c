import Assay
import AssayModel
import Foundation
import XCTest

final class ExportCSVTests: XCTestCase {
    private func table(_ tables: [CSVExport.Table], _ name: String) throws -> [[String]] {
        try StrictCSV.parse(try XCTUnwrap(tables.first { $0.name == name }).data)
    }

    func testCorpusDocumentsRoundTrip() throws {
        let options = ExtractOptions(asOf: "2026-06-30")
        let soc = DocumentPipeline.extract(path: Repo.corpus("soc2/corvane-analytics-soc2-type2-2026.pdf"),
                                           label: "corpus/soc2/corvane-analytics-soc2-type2-2026.pdf", options: options)
        let iso = DocumentPipeline.extract(path: Repo.corpus("iso/harrowgate-iso27001-2022.pdf"),
                                           label: "corpus/iso/harrowgate-iso27001-2022.pdf", options: options)
        let bad = DocumentPipeline.extract(path: Repo.corpus("bad/truncated.pdf"), label: "corpus/bad/truncated.pdf", options: options)
        XCTAssertNotNil(bad.error)
        let tables = CSVExport.tables([soc, iso, bad])
        XCTAssertEqual(tables.map(\.name), ["documents.csv", "exceptions.csv", "findings.csv", "obligations.csv", "cuecs.csv"])

        let documents = try table(tables, "documents.csv")
        XCTAssertEqual(documents.first, CSVExport.documentColumns)
        XCTAssertEqual(documents.count, 4)
        for row in documents { XCTAssertEqual(row.count, CSVExport.documentColumns.count) }
        func cell(_ row: [String], _ column: String) -> String? {
            CSVExport.documentColumns.firstIndex(of: column).map { row[$0] }
        }
        XCTAssertEqual(cell(documents[1], "organization"), "Corvane Analytics, Inc.")
        XCTAssertEqual(cell(documents[1], "period_start"), "2025-07-01")
        XCTAssertEqual(cell(documents[1], "period_end"), "2026-06-30")
        XCTAssertEqual(cell(documents[1], "kind"), "soc2")
        XCTAssertEqual(cell(documents[1], "exceptions"), String(soc.exceptions.count))
        XCTAssertEqual(cell(documents[1], "sha256"), soc.source.sha256)
        XCTAssertEqual(cell(documents[2], "expiry_date"), "2028-06-05")
        XCTAssertEqual(cell(documents[2], "certification_body"), "Pennant Certification Services Ltd")
        XCTAssertEqual(cell(documents[3], "error_code"), bad.error?.code.rawValue)
        XCTAssertEqual(cell(documents[3], "exceptions"), "")

        let exceptions = try table(tables, "exceptions.csv")
        XCTAssertEqual(exceptions.first, CSVExport.exceptionColumns)
        XCTAssertEqual(exceptions.count - 1, soc.exceptions.count)
        XCTAssertGreaterThan(soc.exceptions.count, 0)
        for (row, record) in zip(exceptions.dropFirst(), soc.exceptions) {
            XCTAssertEqual(row.count, CSVExport.exceptionColumns.count)
            XCTAssertEqual(row[3], record.controlID ?? "")
            XCTAssertEqual(row[7], record.deviation, "a cell with commas and quotes survives the round trip")
            XCTAssertEqual(row[8], record.managementResponse ?? "")
            XCTAssertEqual(row[10], record.evidence.first.map { String($0.page) })
        }

        let findings = try table(tables, "findings.csv")
        XCTAssertEqual(findings.first, CSVExport.findingColumns)
        XCTAssertEqual(findings.count - 1, soc.findings.count + iso.findings.count)
        let codes = Set(findings.dropFirst().map { $0[2] })
        XCTAssertEqual(codes, Set((soc.findings + iso.findings).map(\.code)))

        let obligations = try table(tables, "obligations.csv")
        XCTAssertEqual(obligations.first, CSVExport.obligationColumns)
        XCTAssertEqual(obligations.count - 1, soc.obligations.count + iso.obligations.count)
        for row in obligations.dropFirst() { XCTAssertEqual(row.count, CSVExport.obligationColumns.count) }
    }

    func testQuotingAndFormulaGuard() throws {
        var document = AssayDocument(source: SourceInfo(path: "=cmd|' /C calc'!A0.pdf"))
        document.document = DocumentInfo(kind: .soc2, type: .type2, confidence: 0.95)
        document.fields["service_organization"] = Field(value: .text("Acme, \"The\" Co.\nLine two"), confidence: 0.95, evidence: [])
        document.fields["standards"] = Field(value: .list(["ISO/IEC 27001:2022", "ISO/IEC 27701:2019"]), confidence: 0.95, evidence: [])
        document.exceptions = [ExceptionRecord(controlID: "007", criteria: ["CC6.1", "CC6.2"], control: "c", test: "t",
                                               deviation: "@SUM(A1) and -1", managementResponse: nil, confidence: 0.8,
                                               evidence: [Evidence(page: 4, quote: "+quote")])]
        let tables = CSVExport.tables([document])
        let documents = try table(tables, "documents.csv")
        XCTAssertEqual(documents[1][0], "'=cmd|' /C calc'!A0.pdf")
        XCTAssertEqual(documents[1][6], "Acme, \"The\" Co.\nLine two")
        XCTAssertEqual(documents[1][19], "ISO/IEC 27001:2022; ISO/IEC 27701:2019")
        let exceptions = try table(tables, "exceptions.csv")
        XCTAssertEqual(exceptions[1], ["'=cmd|' /C calc'!A0.pdf", "Acme, \"The\" Co.\nLine two",
                                       "1", "007", "CC6.1; CC6.2", "c", "t", "'@SUM(A1) and -1", "", "0.8", "4", "'+quote"])
        XCTAssertEqual(try table(tables, "findings.csv").count, 1, "header only")
    }

    func testNumberLikeTextIsQuotedSoASpreadsheetCanKeepIt() throws {
        var document = AssayDocument(source: SourceInfo(path: "r.pdf"))
        document.exceptions = ["1.10", "004512", "6.3.1", "118", "2.5", "1234567890123456", "0"].map {
            ExceptionRecord(controlID: $0, criteria: [], control: "c", test: "t", deviation: "d", managementResponse: nil,
                            confidence: 0.9, evidence: [Evidence(page: 7, quote: "q")])
        }
        let data = try XCTUnwrap(CSVExport.tables([document]).first { $0.name == "exceptions.csv" }?.data)
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\r\n")
        // Column 4 is control_id; the page (7) and confidence (0.9) are numbers and stay bare.
        XCTAssertEqual(lines[1], "r.pdf,,1,\"1.10\",,c,t,d,,0.9,7,q")
        XCTAssertEqual(lines[2], "r.pdf,,2,\"004512\",,c,t,d,,0.9,7,q")
        XCTAssertEqual(lines[3], "r.pdf,,3,6.3.1,,c,t,d,,0.9,7,q")
        XCTAssertEqual(lines[4], "r.pdf,,4,118,,c,t,d,,0.9,7,q")
        XCTAssertEqual(lines[5], "r.pdf,,5,2.5,,c,t,d,,0.9,7,q")
        XCTAssertEqual(lines[6], "r.pdf,,6,\"1234567890123456\",,c,t,d,,0.9,7,q")
        XCTAssertEqual(lines[7], "r.pdf,,7,0,,c,t,d,,0.9,7,q")
    }
}
