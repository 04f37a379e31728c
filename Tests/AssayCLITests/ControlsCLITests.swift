import Foundation
import XCTest

/// `--controls FILE` as a script uses it: matches in the output, a bad register a usage error
/// (exit 64) that names file and line and writes nothing.
final class ControlsCLITests: XCTestCase {
    private let text = "corpus/text/ostrander-freight-soc2-type2-2026.txt"

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-controls-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testExtractMatchesCUECsToTheRegister() throws {
        let run = try CLITests.execute(["extract", text, "--as-of", "2026-11-01", "--controls", "corpus/controls/register.csv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let reconciliation = try XCTUnwrap(object["cuec_reconciliation"] as? [String: Any])
        XCTAssertEqual(reconciliation["register"] as? String, "corpus/controls/register.csv")
        let matches = try XCTUnwrap(reconciliation["matches"] as? [[String: Any]])
        XCTAssertEqual(matches.map { $0["status"] as? String }, ["matched", "matched"])
        let plain = try CLITests.execute(["extract", text, "--as-of", "2026-11-01"])
        XCTAssertFalse(plain.stdout.contains("cuec_reconciliation"))
    }

    func testABadRegisterIsAUsageErrorNamingFileAndLineAndNothingIsWritten() throws {
        let folder = try temporaryFolder()
        let register = folder.appendingPathComponent("controls.csv")
        try Data("id,text\nA-1,one\nA-1,two\n".utf8).write(to: register)
        let out = folder.appendingPathComponent("review")
        let run = try CLITests.execute(["report", text, "--out", out.path, "--controls", register.path])
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("--controls: \(register.path):3: the id A-1 is used twice (first on line 2)"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        for command in [["extract", text], ["batch", "corpus/vendors", "--out", out.path], ["vendors", "corpus/vendors"],
                        ["export", "csv", text, "--out", out.path]] {
            XCTAssertEqual(try CLITests.execute(command + ["--controls", "corpus/controls/missing.csv"]).status, 64, "\(command)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testHelpShowsTheOptionWithAnExample() throws {
        let help = try CLITests.execute(["extract", "--help"]).stdout
        XCTAssertTrue(help.contains("--controls <FILE>"), help)
        XCTAssertTrue(help.contains("--controls controls/register.csv"), help)
    }
}
