@testable import Assay
@testable import AssayCore
import Foundation
import XCTest

/// Every rule file that holds regular expressions is compiled by `assay rules check` the way its stage
/// compiles it: a pattern broken in any of them (an unbalanced parenthesis) is a problem naming the
/// file and the key, never a pattern quietly skipped.
final class RuleCompileTests: XCTestCase {
    /// One pattern per file: the text in front of it (the key and the opening quote, found once per
    /// file) and the key `rules check` must name.
    static let patterns: [(file: String, before: String, key: String)] = [
        ("classify.yaml", "{ pattern: '", "kinds.soc2.patterns[0]"),
        ("furniture.yaml", "  - '", "always[0]"),
        ("soc/sections.yaml", "\nheading: '", "heading"),
        ("soc/fields.yaml", "\naddressee: '", "addressee"),
        ("soc/exceptions.yaml", "\ncontrol_id: '", "control_id"),
        ("soc/controls.yaml", "\ntest_start: '", "test_start"),
        ("soc/controls.yaml", "\n  inquiry: ['", "verbs.inquiry[0]"),
        ("soc/subservice.yaml", "\nheader: '", "header"),
        ("soc/cuecs.yaml", "\nheading: '", "heading"),
        ("soc/csocs.yaml", "\nheading: '", "heading"),
        ("soc/schemes.yaml", "pattern: '", "schemes[0].pattern"),
        ("map/findings.yaml", "\nsurveillance_label: '", "surveillance_label"),
        ("map/reliability.yaml", "      - '", "signals.firm_unverifiable.licence_patterns[0]"),
        ("iso/certificate.yaml", "\nstandard_pattern: '", "standard_pattern"),
        ("iso/certificate.yaml", "\nstandard_prefix: '", "standard_prefix"),
        ("iso/certificate.yaml", "\nstandard_mention: '", "standard_mention"),
        ("other/schemes.yaml", "pattern: '", "schemes[0].pattern"),
        ("other/audit_report.yaml", "\nsentence_end: '", "sentence_end"),
        ("bridge/letter.yaml", "\nreport_end_phrases: ['", "report_end_phrases[0]"),
        ("trust/page.yaml", "\nsoc_pattern: '", "soc_pattern"),
        ("reconcile/matching.yaml", "\ncriteria_pattern: '", "criteria_pattern"),
    ]

    /// A copy of the shipped rules folder, to break one file of.
    static func copyOfRules() throws -> URL {
        let directory = try Repo.temporaryDirectory()
        let source = try RuleBook.standard().directory
        for file in RuleCatalog.yamlFiles(in: source) {
            let target = directory.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: target)
        }
        return directory
    }

    /// Puts an unbalanced `(` at the start of the first pattern after `before` in `file`.
    static func breakPattern(in directory: URL, file: String, after before: String) throws {
        let url = directory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: before) else { throw CocoaError(.fileReadCorruptFile) }
        try text.replacingCharacters(in: range, with: before + "(").write(to: url, atomically: true, encoding: .utf8)
    }

    func testABrokenPatternInEveryFileIsReportedWithFileAndKey() throws {
        for (file, before, key) in Self.patterns {
            let directory = try Self.copyOfRules()
            defer { try? FileManager.default.removeItem(at: directory) }
            try Self.breakPattern(in: directory, file: file, after: before)
            let problems = RuleCatalog.problems(in: RuleBook(directory: directory))
            XCTAssertFalse(problems.isEmpty, "\(file): a broken pattern passed the check")
            XCTAssertTrue(problems.contains { $0.hasPrefix("\(file) at \(key): ") && $0.contains("valid regular expression") }, "\(file): \(problems)")
            XCTAssertTrue(problems.allSatisfy { $0.hasPrefix(file + " ") }, "\(file): \(problems)")
        }
    }

    /// Every file the catalogue knows that holds a pattern is in the table above (a file with a
    /// quoted value containing a group or an escape is taken to hold one).
    func testEveryFileWithPatternsIsCovered() throws {
        let source = try RuleBook.standard().directory
        let covered = Set(Self.patterns.map(\.file))
        for file in RuleCatalog.yamlFiles(in: source) where !covered.contains(file) {
            let text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
            let patternLike = text.split(separator: "\n").contains { line in
                !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") && line.contains("'") && (line.contains("\\b") || line.contains("\\s") || line.contains("(?"))
            }
            XCTAssertFalse(patternLike, "\(file) seems to hold patterns but RuleCompileTests does not break one")
        }
    }

    /// The stage uses the same compiled value the check builds: a broken pattern fails the stage's
    /// own build too, with the same error (no stage falls back to skipping it).
    func testTheStagesCompiledValuesRejectABrokenPattern() throws {
        let cases: [(String, String, (RuleBook) throws -> Void)] = [
            ("soc/subservice.yaml", "\nheader: '", { _ = try SOCSubserviceExtractor.Compiled.shared($0) }),
            ("soc/cuecs.yaml", "\nheading: '", { _ = try SOCCUECExtractor.Compiled.shared($0) }),
            ("soc/schemes.yaml", "pattern: '", { _ = try SOCSchemeExtractor.Compiled.shared($0) }),
            ("bridge/letter.yaml", "\nreport_end_phrases: ['", { _ = try BridgeLetterRules.Compiled.shared($0) }),
            ("trust/page.yaml", "\nauditor_named: '", { _ = try TrustPageRules.Compiled.shared($0) }),
            ("map/findings.yaml", "\nsurveillance_label: '", { _ = try FindingCatalogue.surveillanceLabel($0) }),
        ]
        for (file, before, build) in cases {
            let directory = try Self.copyOfRules()
            defer { try? FileManager.default.removeItem(at: directory) }
            try Self.breakPattern(in: directory, file: file, after: before)
            XCTAssertThrowsError(try build(RuleBook(directory: directory)), file) { error in
                XCTAssertEqual((error as? RuleError)?.file, file)
            }
            XCTAssertNoThrow(try build(RuleBook(directory: try RuleBook.standard().directory)), file)
        }
    }

    /// A rule file's `version:` must be the one its type declares: a missing or different version
    /// is a problem naming the file and the key.
    func testAMissingOrWrongVersionIsReported() throws {
        let directory = try Self.copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cuecs = directory.appendingPathComponent("soc/cuecs.yaml")
        let text = try String(contentsOf: cuecs, encoding: .utf8)
        try text.replacingOccurrences(of: "\nversion: 1\n", with: "\nversion: 2\n").write(to: cuecs, atomically: true, encoding: .utf8)
        let dates = directory.appendingPathComponent("dates.yaml")
        let datesText = try String(contentsOf: dates, encoding: .utf8)
        try datesText.replacingOccurrences(of: "\nversion: 1\n", with: "\n").write(to: dates, atomically: true, encoding: .utf8)
        let problems = RuleCatalog.problems(in: RuleBook(directory: directory))
        XCTAssertTrue(problems.contains("soc/cuecs.yaml at version: is 2, but this build reads version 1"), "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("dates.yaml at version: is missing") }, "\(problems)")
        XCTAssertEqual(SOCCUECExtractor.Rules.version, 1)
        XCTAssertEqual(SOCCUECExtractor.Rules.file, "soc/cuecs.yaml")
    }
}
