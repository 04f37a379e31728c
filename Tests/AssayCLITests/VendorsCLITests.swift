import Foundation
import XCTest

/// `assay vendors` as a script uses it: JSON on stdout, pages with --out, the same view from a
/// batch output folder, and usage errors with exit status 64.
final class VendorsCLITests: XCTestCase {
    private func gaps(_ json: String) throws -> [String] {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let vendors = try XCTUnwrap(object["vendors"] as? [[String: Any]])
        return vendors.flatMap { vendor in
            ((vendor["gaps"] as? [[String: Any]]) ?? []).map { "\(vendor["name"] ?? "") \($0["start"] ?? "")..\($0["end"] ?? "") \($0["days"] ?? "")" }
        }
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-vendors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func testDropFolderPrintsTheVendorView() throws {
        let run = try CLITests.execute(["vendors", "corpus/vendors", "--as-of", "2026-11-01"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try gaps(run.stdout), ["Corbel Metrics 2025-04-01..2025-07-31 122", "Corbel Metrics 2026-02-01..2026-11-01 274"])
        XCTAssertTrue(run.stdout.contains("\"path\" : \"corpus/vendors/Corbel Metrics/soc2-type2-2024.txt\""))
    }

    /// Run from cron with standard output closed: the workers' pipes must not take descriptor 1.
    func testClosedStandardOutputStillReadsEveryDocument() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLITests.execute(["__shell__", "exec >&-; exec \"$0\" vendors corpus/vendors --as-of 2026-11-01 --out \"$1\"", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let view = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("vendors.json"))) as? [String: Any])
        let documents = (view["vendors"] as? [[String: Any]] ?? []).flatMap { $0["documents"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(documents.count, 8)
        XCTAssertEqual(documents.compactMap { $0["error"] as? String }, [])
    }

    func testOutWritesPagesIndexAndJSON() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CLITests.execute(["vendors", "corpus/vendors", "--as-of", "2026-11-01", "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, out.appendingPathComponent("vendors.html").path + "\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(files, ["vendor-corbel-metrics.html", "vendor-harwick-payroll.html", "vendors.html", "vendors.json"])
        let json = try String(contentsOf: out.appendingPathComponent("vendors.json"), encoding: .utf8)
        let printed = try CLITests.execute(["vendors", "corpus/vendors", "--as-of", "2026-11-01"])
        XCTAssertEqual(json, printed.stdout)
    }

    func testFromBatchGivesTheSameCoverage() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let batch = try CLITests.execute(["batch", "corpus/vendors", "--out", out.path, "--as-of", "2026-11-01", "--jobs", "1"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let run = try CLITests.execute(["vendors", "--from-batch", out.path, "--as-of", "2026-11-01"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(try gaps(run.stdout), ["Corbel Metrics 2025-04-01..2025-07-31 122", "Corbel Metrics 2026-02-01..2026-11-01 274"])
        XCTAssertTrue(run.stdout.contains("\"path\" : \"Corbel Metrics/soc2-type2-2024.txt\""))
    }

    func testUsageErrors() throws {
        for arguments in [["vendors"], ["vendors", "corpus/vendors", "--format", "html"], ["vendors", "corpus/vendors", "--as-of", "2026-13-01"],
                          ["vendors", "corpus/vendors", "--from-batch", "corpus/vendors"], ["vendors", "-"], ["vendors", "corpus/vendors", "corpus/iso"]] {
            let run = try CLITests.execute(arguments)
            XCTAssertEqual(run.status, 64, arguments.joined(separator: " "))
            XCTAssertEqual(run.stdout, "")
        }
    }

    func testSchemaVendorsPrintsTheVendorSchema() throws {
        let run = try CLITests.execute(["schema", "--vendors"])
        XCTAssertEqual(run.status, 0)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["$id"] as? String, "assay.vendors/v1")
    }
}
