@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// The report-mill check across a batch drop folder and the vendor view, and scope drift between a
/// vendor's successive reports.
final class ReliabilityDriftTests: XCTestCase {
    func testBatchFlagsTheMillPairInBothJSONFilesAndTheSummary() throws {
        let drop = try Repo.temporaryDirectory(), out = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: drop); try? FileManager.default.removeItem(at: out) }
        let files = ReliabilityTests.millPaths + ["corpus/vendors/Corbel Metrics/soc2-type2-2024.txt"]
        for path in files {
            let parts = path.split(separator: "/")
            let folder = drop.appendingPathComponent(String(parts[2]))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repo.root.appendingPathComponent(path), to: folder.appendingPathComponent(String(parts[3])))
        }
        let options = ExtractOptions(asOf: "2026-11-01")
        let configuration = BatchConfiguration(inputDirectory: drop, outputDirectory: out, jobs: 1, force: false,
                                               key: BatchCacheKey.current(options: options))
        // Until the tests-of-controls reader lands, the stand-in reads each report's Section IV.
        let runner = BatchRunner(configuration: configuration, reader: { path, label in
            var document = DocumentPipeline.extract(path: path, label: label, options: options)
            document.controls = (try? ReliabilityTests.controls(fromText: path)) ?? []
            return document
        })
        let report = try runner.run()
        XCTAssertEqual(report.notes, ["Template match: Marlowe Rook Health/soc2-type2-2026.txt and Thistledown Payments/soc2-type2-2025-2026.txt (different vendors) have 96% of their test wording in common."])
        func findings(_ relative: String) throws -> [Finding] {
            try ContractJSON.decodeDocument(Data(contentsOf: out.appendingPathComponent(relative + ".json"))).findings
                .filter { $0.code == "soc.reliability.template_match" }
        }
        XCTAssertEqual(try findings("Thistledown Payments/soc2-type2-2025-2026.txt").map(\.message),
                       ["The test descriptions are 96% the same as those of Marlowe Rook Health/soc2-type2-2026.txt, a report on another vendor."])
        XCTAssertEqual(try findings("Marlowe Rook Health/soc2-type2-2026.txt").count, 1)
        XCTAssertEqual(try findings("Corbel Metrics/soc2-type2-2024.txt"), [])
        let lines = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8)
        XCTAssertEqual(lines.components(separatedBy: "soc.reliability.template_match").count - 1, 4, "results.jsonl is built after the pass: each report has the finding and its signal naming it")
        // A second run reads nothing again and finds the same pair, without a second finding.
        let again = try runner.run()
        XCTAssertEqual(again.skipped, 3)
        XCTAssertEqual(again.notes.count, 1)
        XCTAssertEqual(try findings("Marlowe Rook Health/soc2-type2-2026.txt").count, 1)
    }

    func testVendorViewListsTemplateMatchesAcrossVendors() throws {
        let inputs = try ReliabilityTests.millPaths.map { path in
            VendorInput(document: try ReliabilityTests.withControls(path), folder: String(path.split(separator: "/")[2]))
        }
        let view = try VendorAnalyzer(rules: ReliabilityTests.book).analyze(inputs, asOf: ISODate("2026-11-01")!)
        XCTAssertEqual(view.vendors.map(\.name), ["Marlowe Rook Health", "Thistledown Payments"])
        XCTAssertEqual(view.vendors[0].templateMatches, [TemplateMatch(path: ReliabilityTests.millPaths[1], vendor: "Marlowe Rook Health",
                                                                       otherPath: ReliabilityTests.millPaths[0], otherVendor: "Thistledown Payments",
                                                                       similarity: 0.961)])
        XCTAssertEqual(view.vendors[1].templateMatches.map(\.otherVendor), ["Marlowe Rook Health"])
        let page = VendorPage.render(view.vendors[0], asOf: view.asOf)
        XCTAssertTrue(page.contains("shares 96% of its test wording with <code>corpus/mill/Thistledown Payments/soc2-type2-2025-2026.txt</code>"))
    }

    func testCorbelMetricsLaterReportAddsACategoryAndAnIncludedSubserviceOrganisation() throws {
        let folder = Repo.root.appendingPathComponent("corpus/vendors/Corbel Metrics")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".truth.json") }.sorted().map { name in
            VendorInput(document: DocumentPipeline.extract(path: folder.appendingPathComponent(name).path, label: "corpus/vendors/Corbel Metrics/\(name)",
                                                           options: ExtractOptions(asOf: "2026-11-01")), folder: "Corbel Metrics")
        }
        let view = try VendorAnalyzer(rules: ReliabilityTests.book).analyze(inputs, asOf: ISODate("2026-11-01")!)
        let old = "corpus/vendors/Corbel Metrics/soc2-type2-2024.txt", new = "corpus/vendors/Corbel Metrics/soc2-type2-2025-2026.txt"
        XCTAssertEqual(view.vendors[0].scopeDrift, [
            ScopeChange(aspect: "subservice_organizations", change: "added", oldPath: old, newPath: new, oldValue: nil,
                        newValue: "Quillmoor Mail Relay, Inc.", oldEvidence: [VendorEvidence(path: old, page: 2, quote: "Northgale Hosting, Inc.")],
                        newEvidence: [VendorEvidence(path: new, page: 2, quote: "Quillmoor Mail Relay, Inc.")]),
            ScopeChange(aspect: "trust_services_categories", change: "added", oldPath: old, newPath: new, oldValue: nil, newValue: "confidentiality",
                        oldEvidence: [VendorEvidence(path: old, page: 1, quote: "Security and Availability")],
                        newEvidence: [VendorEvidence(path: new, page: 1, quote: "Security, Availability and Confidentiality")]),
        ])
        XCTAssertEqual(view.vendors[0].templateMatches, [])
        let page = VendorPage.render(view.vendors[0], asOf: view.asOf)
        XCTAssertTrue(page.contains("<h2 id=\"scope-drift\">What changed between successive reports (2)</h2>"))
    }

    func testScopeDriftOnSyntheticReports() throws {
        func report(_ path: String, _ fields: [String: FieldValue], subservice: [SubserviceOrganization] = [], kind: DocumentKind = .soc2) -> VendorInput {
            var document = AssayDocument(source: SourceInfo(path: path), document: DocumentInfo(kind: kind, type: .type2, confidence: 0.99))
            for (key, value) in fields { document.fields[key] = Field(value: value, confidence: 0.95, evidence: [Evidence(page: 3, quote: value.display)]) }
            document.subserviceOrganizations = subservice
            return VendorInput(document: document, folder: "V")
        }
        func hosting(_ method: SubserviceMethod) -> SubserviceOrganization {
            SubserviceOrganization(name: "Cloudhaven Hosting, Inc.", services: "hosting", method: method, confidence: 0.9, evidence: [Evidence(page: 4, quote: "Cloudhaven Hosting, Inc.")])
        }
        let earlier = report("V/2025.pdf", ["period_end": .text("2025-06-30"), "service_auditor": .text("Marsh & Tull LLP"), "opinion": .text("unqualified"),
                                            "locations": .list(["Austin, Texas", "Dublin, Ireland"]), "system_name": .text("Ledger Platform")],
                             subservice: [hosting(.carveOut)])
        let later = report("V/2026.pdf", ["period_end": .text("2026-06-30"), "service_auditor": .text("MARSH AND TULL L.L.P."), "opinion": .text("qualified"),
                                          "locations": .list(["Austin, Texas"]), "system_name": .text("Ledger Platform")],
                           subservice: [hosting(.inclusive)])
        // A SOC 1 report of the same vendor is not compared with the SOC 2 ones; nor is one without a period end.
        let soc1 = report("V/soc1.pdf", ["period_end": .text("2025-12-31"), "opinion": .text("adverse")], kind: .soc1)
        let undated = report("V/undated.pdf", ["opinion": .text("adverse")])
        let changes = ScopeDriftChecker(names: try VendorNameFolder(rules: ReliabilityTests.book)).changes([later, soc1, undated, earlier])
        XCTAssertEqual(changes.map { "\($0.aspect) \($0.change) \($0.oldValue ?? "-") -> \($0.newValue ?? "-")" }, [
            "locations removed Dublin, Ireland -> -",
            "subservice_method changed Cloudhaven Hosting, Inc.: carve_out -> Cloudhaven Hosting, Inc.: inclusive",
            "opinion changed unqualified -> qualified",
        ], "the auditor's name folds to the same firm")
        XCTAssertTrue(changes.allSatisfy { !$0.oldEvidence.isEmpty && !$0.newEvidence.isEmpty })
        XCTAssertEqual(changes[0].oldEvidence, [VendorEvidence(path: "V/2025.pdf", page: 3, quote: "Austin, Texas; Dublin, Ireland")])
    }
}
