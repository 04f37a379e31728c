import Foundation
import XCTest

/// `assay rules check` on a folder given with `--rules` or `ASSAY_RULES`: 0 when every file is valid,
/// 1 with one line naming the file and key when a pattern is broken.
final class RulesCheckCLITests: XCTestCase {
    private func brokenCopy() throws -> URL {
        let source = CLITests.root.appendingPathComponent("extractors")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-rules-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: directory)
        let file = directory.appendingPathComponent("soc/subservice.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\nheader: '", with: "\nheader: '(").write(to: file, atomically: true, encoding: .utf8)
        return directory
    }

    func testShippedRulesPass() throws {
        let result = try CLITests.execute(["rules", "check", "--rules", "extractors"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("rule files valid"), result.stdout)
    }

    func testABrokenPatternFailsWithFileAndKey() throws {
        let directory = try brokenCopy()
        defer { try? FileManager.default.removeItem(at: directory) }
        let flag = try CLITests.execute(["rules", "check", "--rules", directory.path])
        XCTAssertEqual(flag.status, 1, flag.stdout + flag.stderr)
        XCTAssertEqual(flag.stdout, "soc/subservice.yaml at header: is not a valid regular expression\n")
        let environment = try CLITests.execute(["rules", "check"], environment: ["ASSAY_RULES": directory.path])
        XCTAssertEqual(environment.status, 1, environment.stdout + environment.stderr)
        XCTAssertEqual(environment.stdout, flag.stdout)
    }
}
