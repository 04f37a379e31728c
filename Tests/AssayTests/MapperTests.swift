import AssayModel
import Foundation
import XCTest
@testable import Assay
@testable import AssayCore

/// The mappers, each run alone on a document record built here (as the extractors would have left
/// it) with the shipped rules: which findings, clauses, obligations and reconciliations they add,
/// and which they do not.
final class MapperTests: XCTestCase {
    private func context(asOf: String = "2026-01-15", controls: ControlRegister? = nil) throws -> DocumentContext {
        let page = Page(number: 1, width: 612, height: 792, lines: [], textLayer: .native)
        return try DocumentContext(paged: PagedText(mediaType: .text, pages: [page]), rules: RuleBook.standard(),
                                   options: ExtractOptions(asOf: asOf, controls: controls))
    }

    /// An invented SOC 2 Type 2 report of Quillon Systems, Inc., signed by Harrow & Pike LLP.
    private func soc2(opinion: String = "unqualified", type: ReportType = .type2, auditor: Bool = true) -> AssayDocument {
        var document = AssayDocument(source: SourceInfo(path: "quillon-soc2.pdf"),
                                     document: DocumentInfo(kind: .soc2, type: type, confidence: 0.95))
        func set(_ name: String, _ value: FieldValue, page: Int = 2, quote: String) {
            document.fields[name] = Field(value: value, confidence: 0.95, evidence: [Evidence(page: page, quote: quote)])
        }
        set("service_organization", .text("Quillon Systems, Inc."), quote: "Quillon Systems, Inc.")
        if auditor { set("service_auditor", .text("Harrow & Pike LLP"), quote: "Harrow & Pike LLP") }
        set("opinion", .text(opinion), quote: "In our opinion, in all material respects")
        if type == .type2 {
            set("period_start", .text("2025-01-01"), quote: "January 1, 2025 to June 30, 2025")
            set("period_end", .text("2025-06-30"), quote: "January 1, 2025 to June 30, 2025")
        } else {
            set("as_of_date", .text("2025-06-30"), quote: "June 30, 2025")
        }
        set("trust_services_categories", .list(["security", "availability"]), quote: "security and availability")
        return document
    }

    private func codes(_ document: AssayDocument) -> [String] { document.findings.map(\.code) }

    // MARK: FindingsMapper

    func testCleanRecentType2RaisesOnlyAgeing() throws {
        var document = soc2()
        try FindingsMapper().map(try context(), document: &document)
        // 199 days after the period's end: more than three months, not yet twelve.
        XCTAssertEqual(codes(document), ["soc.report_ageing"])
        let ageing = try XCTUnwrap(document.findings.first)
        XCTAssertEqual(ageing.severity, .medium)
        XCTAssertEqual(ageing.message, "The report's period ended on 2025-06-30, 6 months before the review date.")
        XCTAssertEqual(ageing.followUp, "Send a bridge letter covering the time since 2025-06-30 and the date of the next report.")
        XCTAssertEqual(ageing.evidence.map(\.quote), ["January 1, 2025 to June 30, 2025"])
    }

    func testStaleReportIsStaleNotAgeing() throws {
        var document = soc2()
        try FindingsMapper().map(try context(asOf: "2026-09-01"), document: &document)
        XCTAssertEqual(codes(document), ["soc.report_stale"])
        XCTAssertEqual(document.findings.first?.severity, .high)
        XCTAssertEqual(document.findings.first?.message,
                       "The report's period ended on 2025-06-30, 14 months before the review date; it no longer describes the controls in place.")
    }

    func testModifiedOpinionRaisedOnlyWhenNotUnqualified() throws {
        var qualified = soc2(opinion: "qualified")
        try FindingsMapper().map(try context(), document: &qualified)
        let finding = try XCTUnwrap(qualified.findings.first { $0.code == "soc.opinion_modified" })
        XCTAssertEqual(finding.severity, .high)
        XCTAssertEqual(finding.message, "The auditor's opinion is qualified, not unqualified.")
        XCTAssertEqual(finding.evidence.map(\.quote), ["In our opinion, in all material respects"])

        var clean = soc2()
        try FindingsMapper().map(try context(), document: &clean)
        XCTAssertFalse(codes(clean).contains("soc.opinion_modified"))
    }

    func testType1AndMissingAuditor() throws {
        var document = soc2(type: .type1, auditor: false)
        try FindingsMapper().map(try context(), document: &document)
        // The as-of date stands in for the period's end.
        XCTAssertEqual(Set(codes(document)), ["soc.report_ageing", "soc.type1_only", "soc.auditor_unidentified"])
        XCTAssertEqual(document.findings.first { $0.code == "soc.auditor_unidentified" }?.message,
                       "No signing audit firm could be read from the report.")
        XCTAssertEqual(document.findings.first { $0.code == "soc.report_ageing" }?.evidence.map(\.quote), ["June 30, 2025"])
    }

    func testShortPeriodOnlyForShortType2() throws {
        var short = soc2()
        short.fields["period_start"]?.value = .text("2025-04-01")
        try FindingsMapper().map(try context(), document: &short)
        // 1 April to 30 June, both days counted.
        XCTAssertEqual(short.findings.first { $0.code == "soc.period_short" }?.message,
                       "The review period is only 91 days; controls were tested over a short window.")

        var full = soc2()
        try FindingsMapper().map(try context(), document: &full)
        XCTAssertFalse(codes(full).contains("soc.period_short"))
    }

    func testCertificateGetsNoSOCFindings() throws {
        var document = AssayDocument(source: SourceInfo(path: "quillon-iso.pdf"),
                                     document: DocumentInfo(kind: .isoCertificate, type: nil, confidence: 0.95))
        document.fields["expiry_date"] = Field(value: .text("2028-03-11"), confidence: 0.95, evidence: [Evidence(page: 1, quote: "11 March 2028")])
        try FindingsMapper().map(try context(), document: &document)
        // No signing firm and no period, but a certificate is not a SOC report.
        XCTAssertFalse(codes(document).contains { $0.hasPrefix("soc.") })
        XCTAssertFalse(codes(document).contains("iso.expired"))
    }

    // MARK: ClausesMapper

    func testCertificateClauses() throws {
        var document = AssayDocument(source: SourceInfo(path: "quillon-iso.pdf"),
                                     document: DocumentInfo(kind: .isoCertificate, type: nil, confidence: 0.95))
        try ClausesMapper().map(try context(), document: &document)
        XCTAssertEqual(document.clauses.map(\.id), ["maintain_assurance", "annual_delivery", "audit_cooperation", "soa_access", "nonconformity_notice"])
        XCTAssertTrue(document.clauses.allSatisfy { $0.because == ["document.kind"] })
    }

    func testClausesFromKindAndFromFindings() throws {
        var document = soc2(opinion: "qualified")
        document.findings = [Finding(code: "soc.opinion_modified", severity: .high, message: "m", followUp: nil, evidence: [])]
        try ClausesMapper().map(try context(), document: &document)
        XCTAssertEqual(document.clauses.map(\.id), ["maintain_assurance", "annual_delivery", "audit_cooperation", "exception_remediation"])
        XCTAssertEqual(document.clauses.first?.because, ["document.kind"])
        XCTAssertEqual(document.clauses.last?.because, ["findings[0]"])
        XCTAssertEqual(document.clauses.last?.text.hasPrefix("The provider remediates the exceptions"), true)
    }

    func testNoFindingNoFindingClause() throws {
        var document = soc2()
        try ClausesMapper().map(try context(), document: &document)
        XCTAssertEqual(document.clauses.map(\.id), ["maintain_assurance", "annual_delivery", "audit_cooperation"])
        XCTAssertFalse(document.clauses.contains { $0.id == "exception_remediation" || $0.id == "soa_access" })
    }

    func testUnknownDocumentGetsNoClauses() throws {
        var document = AssayDocument(source: SourceInfo(path: "notes.txt"), document: DocumentInfo(kind: .unknown, type: nil, confidence: 0.2))
        document.findings = [Finding(code: "soc.opinion_modified", severity: .high, message: "m", followUp: nil, evidence: [])]
        try ClausesMapper().map(try context(), document: &document)
        XCTAssertEqual(document.clauses, [])
    }

    // MARK: ObligationsMapper

    private func obligation(_ document: AssayDocument, _ framework: String, _ reference: String) -> Obligation? {
        document.obligations.first { $0.framework == framework && $0.reference == reference }
    }

    func testCleanType2SupportsDORA285() throws {
        var document = soc2()
        try ObligationsMapper().map(try context(), document: &document)
        let rule = try XCTUnwrap(obligation(document, "DORA", "Art. 28(5)"))
        XCTAssertEqual(rule.status, .supports)
        XCTAssertEqual(rule.because, ["document.kind", "document.type", "fields.opinion"])
        XCTAssertEqual(rule.rationale, "An unqualified SOC 2 Type II opinion shows the provider met the trust services criteria over the period.")
        // Every obligation of the table is listed once, whatever its status.
        XCTAssertEqual(document.obligations.count, Set(document.obligations.map { "\($0.framework) \($0.reference)" }).count)
        XCTAssertTrue(document.obligations.allSatisfy { ObligationsMapper.frameworks.contains($0.framework) })
    }

    func testQualifiedOpinionOnlyPartlySupportsDORA285() throws {
        var document = soc2(opinion: "qualified")
        try ObligationsMapper().map(try context(), document: &document)
        XCTAssertEqual(obligation(document, "DORA", "Art. 28(5)")?.status, .partial)
        XCTAssertEqual(obligation(document, "DORA", "Art. 28(5)")?.because, ["document.kind"])
    }

    func testLocationsDecideDORA302b() throws {
        var without = soc2()
        try ObligationsMapper().map(try context(), document: &without)
        XCTAssertEqual(obligation(without, "DORA", "Art. 30(2)(b)")?.status, .notEvidenced)
        XCTAssertEqual(obligation(without, "DORA", "Art. 30(2)(b)")?.rationale, "This document does not address this obligation.")
        XCTAssertEqual(obligation(without, "DORA", "Art. 30(2)(b)")?.because, [])

        var with = soc2()
        with.fields["locations"] = Field(value: .list(["Boise, Idaho"]), confidence: 0.8, evidence: [Evidence(page: 4, quote: "Boise, Idaho")])
        try ObligationsMapper().map(try context(), document: &with)
        XCTAssertEqual(obligation(with, "DORA", "Art. 30(2)(b)")?.status, .partial)
    }

    func testUnknownDocumentGetsNoObligations() throws {
        var document = AssayDocument(source: SourceInfo(path: "notes.txt"), document: DocumentInfo(kind: .unknown, type: nil, confidence: 0.2))
        try ObligationsMapper().map(try context(), document: &document)
        XCTAssertEqual(document.obligations, [])
    }

    // MARK: CUECReconciliationMapper

    private let register = ControlRegister(name: "own-controls.csv", controls: [
        OwnControl(id: "IAM-4", text: "Each quarter, system owners review who holds access and remove access no longer needed.",
                   criteria: ["CC6.2"], line: 2),
        OwnControl(id: "HR-2", text: "Staff complete security awareness training every year.", criteria: ["CC2.2"], line: 3),
    ])

    private func withCUECs() -> AssayDocument {
        var document = soc2()
        document.cuecs = [
            CUEC(text: "User entities are responsible for reviewing user access quarterly.", criteria: ["CC6.2"], confidence: 0.9,
                 evidence: [Evidence(page: 30, quote: "reviewing user access quarterly")]),
            CUEC(text: "User entities are responsible for reconciling invoices to purchase orders.", criteria: [], confidence: 0.9,
                 evidence: [Evidence(page: 31, quote: "reconciling invoices to purchase orders")]),
        ]
        return document
    }

    func testReconciliationWithARegister() throws {
        var document = withCUECs()
        try CUECReconciliationMapper().map(try context(controls: register), document: &document)
        let reconciliation = try XCTUnwrap(document.cuecReconciliation)
        XCTAssertEqual(reconciliation.register, "own-controls.csv")
        XCTAssertEqual(reconciliation.matches.map(\.status), [.matched, .unmatched])
        XCTAssertEqual(reconciliation.matches.first?.controls.first?.id, "IAM-4")
        XCTAssertEqual(reconciliation.unmatched, [1])
        let finding = try XCTUnwrap(document.findings.first { $0.code == "soc.cuec_unmatched" })
        XCTAssertEqual(finding.message, "Complementary user-entity controls that no own control in own-controls.csv answers (1 of 2): "
                       + "(2) User entities are responsible for reconciling invoices to purchase orders.")
        XCTAssertEqual(finding.evidence.map(\.page), [31])
    }

    func testNoRegisterNoReconciliation() throws {
        var document = withCUECs()
        try CUECReconciliationMapper().map(try context(), document: &document)
        XCTAssertNil(document.cuecReconciliation)
        XCTAssertFalse(document.findings.contains { $0.code == "soc.cuec_unmatched" })
    }

    func testEveryCUECMatchedRaisesNoFinding() throws {
        var document = withCUECs()
        document.cuecs.removeLast()
        try CUECReconciliationMapper().map(try context(controls: register), document: &document)
        XCTAssertEqual(document.cuecReconciliation?.unmatched, [])
        XCTAssertEqual(document.cuecReconciliation?.matches.map(\.status), [.matched])
        XCTAssertFalse(document.findings.contains { $0.code == "soc.cuec_unmatched" })
    }
}
