@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// Every finding kind is raised on the corpus documents whose hand-written answers expect it, and
/// on no other: each code is tested both ways at once.
final class FindingTests: XCTestCase {
    func testFindingsMatchTheAnswersOnEveryCorpusDocument() throws {
        var raisedSomewhere = Set<String>()
        var absentSomewhere = Set<String>()
        for pair in EvaluationRun.truthFiles(under: Repo.root.appendingPathComponent("corpus").path) {
            let size = (try? FileManager.default.attributesOfItem(atPath: pair.document)[.size] as? Int) ?? 0
            if size > 2_000_000 { continue }
            let truth = try JSONDecoder().decode(TruthFile.self, from: Data(contentsOf: URL(fileURLWithPath: pair.truth)))
            guard truth.error == nil else { continue }
            let document = DocumentPipeline.extract(path: pair.document, options: ExtractOptions(asOf: truth.as_of ?? "2026-11-01"))
            let expected = Set(truth.findings ?? [])
            let raised = Set(document.findings.map(\.code))
            XCTAssertEqual(raised, expected, pair.document)
            raisedSomewhere.formUnion(raised)
            absentSomewhere.formUnion(Self.documentCodes.subtracting(raised))
        }
        // Each code a corpus document can trigger is seen raised on one document and absent on another.
        for code in Self.documentCodes {
            XCTAssertTrue(raisedSomewhere.contains(code), "no corpus document raises \(code)")
            XCTAssertTrue(absentSomewhere.contains(code), "every corpus document raises \(code)")
        }
    }

    /// The finding codes that depend only on the document (scope fit needs --service/--site).
    static let documentCodes: Set<String> = [
        "soc.opinion_modified", "soc.exceptions_present", "soc.report_stale", "soc.report_ageing", "soc.period_short",
        "soc.type1_only", "soc.soc3_only", "soc.subservice_carved_out", "soc.cuecs_present", "soc.reliability.firm_unverifiable",
        "bridge.management_issued", "bridge.gap_long",
        "iso.expired", "iso.edition_withdrawn", "iso.edition_unknown", "iso.accreditation_missing",
        "iso.accreditation_not_iaf", "iso.validity_too_long", "iso.dates_inconsistent", "iso.scope_other_organization",
        "iso.soa_missing", "iso.surveillance_due",
    ]

    func testScopeFitFlagsServicesAndSitesTheScopeDoesNotName() {
        let path = Repo.corpus("iso/harrowgate-iso27001-2022.pdf")
        let covered = DocumentPipeline.extract(path: path, options: ExtractOptions(asOf: "2026-11-01", services: ["payroll"], sites: ["Leeds"]))
        XCTAssertEqual(covered.findings.filter { $0.code.hasPrefix("scope.") }.map(\.code), [])
        let uncovered = DocumentPipeline.extract(path: path, options: ExtractOptions(asOf: "2026-11-01", services: ["Treasury API"], sites: ["Frankfurt"]))
        let scope = uncovered.findings.filter { $0.code.hasPrefix("scope.") }
        XCTAssertEqual(scope.map(\.code), ["scope.service_not_covered", "scope.site_not_covered"])
        XCTAssertEqual(scope.map(\.severity), [.high, .high])
        XCTAssertEqual(scope.first?.message, "The scope does not name the service Treasury API that we buy; the assurance may not apply to it.")
    }

    func testStalenessDependsOnTheAsOfDate() {
        let path = Repo.corpus("soc2/tallis-health-data-soc2-type2-2025.pdf") // period ends 2025-12-31
        func codes(_ asOf: String) -> Set<String> {
            Set(DocumentPipeline.extract(path: path, options: ExtractOptions(asOf: asOf)).findings.map(\.code))
                .intersection(["soc.report_stale", "soc.report_ageing"])
        }
        XCTAssertEqual(codes("2026-02-15"), [])
        XCTAssertEqual(codes("2026-06-30"), ["soc.report_ageing"])
        XCTAssertEqual(codes("2027-02-01"), ["soc.report_stale"])
    }
}
