@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

final class RuleCatalogTests: XCTestCase {
    func testShippedRulesAreValidAndEveryFileIsChecked() throws {
        XCTAssertEqual(RuleCatalog.problems(in: try RuleBook.standard()), [])
    }

    func testTheStandardBookIsSharedUntilARuleFileChanges() throws {
        XCTAssertTrue(try RuleBook.standard() === RuleBook.standard())
        let directory = try RuleCompileTests.copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = RuleBook.stamp(of: directory)
        XCTAssertEqual(before, RuleBook.stamp(of: directory))
        XCTAssertGreaterThanOrEqual(before.count, 20)
        let file = directory.appendingPathComponent("dates.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n# an analyst's note\n").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(before, RuleBook.stamp(of: directory))
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

    func testWarmUpListNamesOnlyCataloguedFilesAndDecodesThem() throws {
        let known = Set(RuleCatalog.checks.map(\.file))
        XCTAssertEqual(RuleCatalog.extractionFiles.filter { !known.contains($0.file) }.map(\.file), [])
        let book = try RuleBook.standard()
        for check in RuleCatalog.extractionFiles { XCTAssertNoThrow(try check.validate(book), check.file) }
    }

    /// Threads decoding the same files at once (the warm-up beside the stages) get the same values,
    /// and one file can be read as two different types.
    func testConcurrentLoadsAgreeAndOneFileServesTwoTypes() throws {
        let book = try RuleBook.standard()
        let counts = LockedCounts()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let bodies = try? book.load(AccreditationBodies.self, from: "bodies/accreditation.yaml")
            let signatories = try? book.load(IAFSignatories.Rules.self, from: "bodies/accreditation.yaml")
            let dates = try? book.load(DateParser.Rules.self, from: "dates.yaml")
            counts.add(bodies != nil && signatories != nil && dates != nil)
        }
        XCTAssertEqual(counts.successes, 8)
        let signatories = try book.load(IAFSignatories.Rules.self, from: "bodies/accreditation.yaml")
        XCTAssertFalse(signatories.iafMLA.isEmpty)
        XCTAssertEqual(try IAFSignatories.load(book), try IAFSignatories.load(RuleBook(directory: book.directory)))
    }

    /// A stage's compiled rules are built once per rule book, also when threads ask at the same
    /// moment; a failed build is not kept, so the next caller tries again.
    func testBuiltValuesAreMadeOnceAndFailuresAreNotKept() throws {
        let book = try RuleBook.standard()
        let builds = LockedCounts()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let value = try? book.built("test.value") { _ -> Int in
                builds.add(true)
                return 42
            }
            XCTAssertEqual(value, 42)
        }
        XCTAssertEqual(builds.successes, 1)
        struct Broken: Error {}
        XCTAssertThrowsError(try book.built("test.failing") { _ -> Int in throw Broken() })
        XCTAssertEqual(try book.built("test.failing") { _ in 7 }, 7)
    }

    /// The warm-up's kind-specific files name only kinds that exist, and every SOC stage's file is
    /// among a SOC report's.
    func testWarmUpDecodesAKindsFilesOnlyForThatKind() {
        let socFiles = Set(RuleCatalog.extractionFiles.filter { $0.kinds?.contains(.soc2) ?? true }.map(\.file))
        for file in ["soc/sections.yaml", "soc/fields.yaml", "soc/exceptions.yaml", "soc/subservice.yaml", "soc/cuecs.yaml", "map/findings.yaml"] {
            XCTAssertTrue(socFiles.contains(file), file)
        }
        XCTAssertFalse(socFiles.contains("trust/page.yaml"))
        XCTAssertFalse(socFiles.contains("iso/certificate.yaml"))
        let isoFiles = Set(RuleCatalog.extractionFiles.filter { $0.kinds?.contains(.isoCertificate) ?? true }.map(\.file))
        XCTAssertTrue(isoFiles.isSuperset(of: ["iso/certificate.yaml", "bodies/legal_forms.yaml", "bodies/certification.yaml"]))
        XCTAssertFalse(isoFiles.contains("soc/fields.yaml"))
    }
}

private final class LockedCounts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var successes = 0
    func add(_ ok: Bool) { lock.withLock { if ok { successes += 1 } } }
}
