@testable import Assay
import AssayModel
import Foundation
import XCTest

final class RuleCatalogTests: XCTestCase {
    func testShippedRulesAreValidAndEveryFileIsChecked() throws {
        XCTAssertEqual(RuleCatalog.problems(in: try RuleBook.standard()), [])
    }

    func testABrokenRuleNamesTheFileAndKey() throws {
        let directory = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try RuleBook.standard().directory
        for file in RuleCatalog.yamlFiles(in: source) {
            let target = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
        }
        let findings = directory.appendingPathComponent("map/findings.yaml")
        let text = try String(contentsOf: findings, encoding: .utf8).replacingOccurrences(of: "  stale_months: 12", with: "  stale_months: twelve")
        try text.write(to: findings, atomically: true, encoding: .utf8)
        try "version: 1\n".write(to: directory.appendingPathComponent("stray.yaml"), atomically: true, encoding: .utf8)
        let problems = RuleCatalog.problems(in: RuleBook(directory: directory))
        XCTAssertEqual(problems.count, 2, "\(problems)")
        XCTAssertTrue(problems.contains("stray.yaml: no check knows this file (add it to RuleCatalog)"))
        XCTAssertTrue(problems.contains { $0.hasPrefix("map/findings.yaml at .thresholds.stale_months:") }, "\(problems)")
    }
}
