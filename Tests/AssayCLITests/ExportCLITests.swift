import Foundation
import XCTest

/// `assay export oscal` and `assay export roi` as a script runs them: files written, paths printed,
/// exit status.
final class ExportCLITests: XCTestCase {
    private let soc = "corpus/soc2/corvane-analytics-soc2-type2-2026.pdf"

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-export-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testOSCALWritesOneFilePerReadableDocumentAndIsStable() throws {
        let first = try temporaryFolder(), second = try temporaryFolder()
        let arguments = ["export", "oscal", soc, "corpus/bad/truncated.pdf", "--as-of", "2026-06-30", "--out"]
        let run = try CLITests.execute(arguments + [first.path])
        XCTAssertEqual(run.status, 1, "a document failed")
        XCTAssertTrue(run.stderr.contains("corpus/bad/truncated.pdf: no OSCAL file"), run.stderr)
        let printed = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(printed.count, 1)
        let name = try XCTUnwrap(printed.first.map { URL(fileURLWithPath: $0).lastPathComponent })
        XCTAssertTrue(name.hasPrefix("corvane-analytics-soc2-type2-2026.pdf.") && name.hasSuffix(".oscal.json"), name)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: first.path), [name])

        XCTAssertEqual(try CLITests.execute(arguments + [second.path]).status, 1)
        let a = try Data(contentsOf: first.appendingPathComponent(name))
        let b = try Data(contentsOf: second.appendingPathComponent(name))
        XCTAssertEqual(a, b, "byte-identical across runs")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: a) as? [String: Any])
        let results = try XCTUnwrap(object["assessment-results"] as? [String: Any])
        let metadata = try XCTUnwrap(results["metadata"] as? [String: Any])
        XCTAssertEqual(metadata["oscal-version"] as? String, "1.1.2")
        XCTAssertEqual(metadata["last-modified"] as? String, "2026-06-30T00:00:00Z")
    }

    func testROIWritesTemplateColumnMapAndEvidence() throws {
        let folder = try temporaryFolder()
        let run = try CLITests.execute(["export", "roi", soc, "--out", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").map { URL(fileURLWithPath: String($0)).lastPathComponent },
                       ["b_05.01.csv", "roi_columns.csv", "roi_evidence.csv"])
        let table = try Data(contentsOf: folder.appendingPathComponent("b_05.01.csv"))
        XCTAssertEqual(table, Data(("\u{FEFF}c0010,c0020,c0030,c0040,c0050,c0060,c0070,c0080,c0090,c0100,c0110,c0120\r\n"
                       + ",,,,\"Corvane Analytics, Inc.\",\"Corvane Analytics, Inc.\",,,,,,\r\n").utf8))
    }

    func testUsageErrorsExit64() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("not-a-folder")
        try Data().write(to: file)
        XCTAssertEqual(try CLITests.execute(["export", "oscal", soc, "--out", file.path]).status, 64)
        XCTAssertEqual(try CLITests.execute(["export", "roi", soc, "--as-of", "30/06/2026"]).status, 64)
        XCTAssertEqual(try CLITests.execute(["export", "roi"]).status, 64)
    }
}
