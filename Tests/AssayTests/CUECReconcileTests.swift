@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// The matcher's scores and reasons, the `soc.cuec_unmatched` finding, `cuecs.csv` and the memo
/// section, on a small register written here.
final class CUECReconcileTests: XCTestCase {
    private let rules = RuleBook(directory: Repo.root.appendingPathComponent("extractors"))

    private let register = ControlRegister(name: "controls.csv", controls: [
        OwnControl(id: "AC-1", text: "Quarterly access recertification: system owners review who holds access and remove what is no longer needed.",
                   criteria: ["CC6.2"], line: 2),
        OwnControl(id: "AC-2", text: "Leavers: HR tells IT of each leaver, and their accounts are disabled on their last day.", line: 3),
        OwnControl(id: "AC-3", text: "MFA is required on every cloud application through the single sign-on service.",
                   references: ["SOC 2 CC6.1"], line: 4),
        OwnControl(id: "HR-1", text: "Staff complete security awareness training every year.", criteria: ["CC2.2"], line: 5),
    ])

    private func cuec(_ text: String, _ criteria: [String] = [], page: Int = 9) -> CUEC {
        CUEC(text: text, criteria: criteria, confidence: 0.9, evidence: [Evidence(page: page, quote: text)])
    }

    private var cuecs: [CUEC] {
        [cuec("User entities are responsible for reviewing user access quarterly.", ["CC6.2"]),
         cuec("User entities are responsible for disabling the accounts of terminated employees promptly.", page: 10),
         cuec("User entities are responsible for enabling multi-factor authentication for their users.", ["CC6.1"], page: 10),
         cuec("User entities are responsible for reconciling invoices to purchase orders.", page: 11)]
    }

    func testScoresAndReasons() throws {
        let reconciliation = try CUECReconciler(register: register, rules: rules).reconcile(cuecs)
        XCTAssertEqual(reconciliation.register, "controls.csv")
        XCTAssertEqual(reconciliation.threshold, 0.37)
        XCTAssertEqual(reconciliation.matches.map(\.cuec), [0, 1, 2, 3])
        XCTAssertEqual(reconciliation.matches.map(\.status), [.matched, .matched, .matched, .unmatched])
        // In a register of four controls every idea is rare, so the leavers' control, sharing only
        // "access" (its "accounts"), just reaches the threshold: a weak second match, shown as such.
        XCTAssertEqual(reconciliation.matches[0].controls.map(\.id), ["AC-1", "AC-2"])
        XCTAssertEqual(reconciliation.matches[0].controls.map(\.score), [0.8, 0.37])
        XCTAssertEqual(reconciliation.matches[0].controls.map(\.reason), ["criteria CC6.2 shared; words: access rights, quarterly, reviewing",
                                                                            "words: access rights"])
        // "terminated" meets "leavers" and "disabled" through the synonym table; the recertification's
        // "remove what is no longer needed" is the same idea, less well worded for it.
        XCTAssertEqual(reconciliation.matches[1].controls.map(\.id), ["AC-2", "AC-1"])
        XCTAssertEqual(reconciliation.matches[1].controls.map(\.score), [0.59, 0.52])
        XCTAssertEqual(reconciliation.matches[1].controls.map(\.reason), ["words: access rights, offboarding", "words: access rights, offboarding"])
        // "MFA" meets "multi-factor authentication"; the criterion comes from the framework reference.
        XCTAssertEqual(reconciliation.matches[2].controls.map(\.id), ["AC-3"])
        XCTAssertEqual(reconciliation.matches[2].controls.map(\.score), [0.47])
        XCTAssertEqual(reconciliation.matches[2].controls.map(\.reason), ["criteria CC6.1 shared; words: multi-factor authentication"])
        XCTAssertEqual(reconciliation.matches[2].controls.first?.text, register.controls[2].text)
        XCTAssertEqual(reconciliation.unmatched, [3])
    }

    private func document() -> AssayDocument {
        var document = AssayDocument(source: SourceInfo(path: "acme-soc2.pdf"))
        document.document = DocumentInfo(kind: .soc2, type: .type2, confidence: 0.95, title: nil)
        document.cuecs = cuecs
        return document
    }

    func testUnmatchedCUECsRaiseOneFindingWithTheirEvidence() throws {
        let reconciled = try Assay.reconcile(document(), options: ReconcileOptions(register: register, rules: rules))
        XCTAssertEqual(reconciled.cuecReconciliation?.unmatched, [3])
        let findings = reconciled.findings.filter { $0.code == "soc.cuec_unmatched" }
        XCTAssertEqual(findings, [Finding(
            code: "soc.cuec_unmatched", severity: .medium,
            message: "Complementary user-entity controls that no own control in controls.csv answers (1 of 4): (4) User entities are responsible for reconciling invoices to purchase orders.",
            followUp: nil,
            evidence: [Evidence(page: 11, quote: "User entities are responsible for reconciling invoices to purchase orders.")])])
        // Reconciling again (another register) replaces the reconciliation and its finding.
        let again = try Assay.reconcile(reconciled, options: ReconcileOptions(register: register, rules: rules))
        XCTAssertEqual(again.findings.filter { $0.code == "soc.cuec_unmatched" }.count, 1)
        // Every CUEC answered: no finding.
        var answered = document()
        answered.cuecs.removeLast()
        XCTAssertEqual(try Assay.reconcile(answered, options: ReconcileOptions(register: register, rules: rules)).findings, [])
    }

    func testCUECsCSV() throws {
        let reconciled = try Assay.reconcile(document(), options: ReconcileOptions(register: register, rules: rules))
        let table = try XCTUnwrap(CSVExport.tables([reconciled, document()]).first { $0.name == "cuecs.csv" })
        let rows = try StrictCSV.parse(table.data)
        XCTAssertEqual(rows.first, ["file", "organization", "number", "cuec", "criteria", "page", "quote", "controls", "score", "reason", "status"])
        XCTAssertEqual(rows.count, 9)
        XCTAssertEqual(rows[1], ["acme-soc2.pdf", "", "1", "User entities are responsible for reviewing user access quarterly.", "CC6.2", "9",
                                 "User entities are responsible for reviewing user access quarterly.", "AC-1; AC-2", "0.8",
                                 "AC-1: criteria CC6.2 shared; words: access rights, quarterly, reviewing | AC-2: words: access rights", "matched"])
        XCTAssertEqual(Array(rows[2][7...]), ["AC-2; AC-1", "0.59", "AC-2: words: access rights, offboarding | AC-1: words: access rights, offboarding", "matched"])
        XCTAssertEqual(Array(rows[4][7...]), ["", "", "", "unmatched"])
        // Without a register the matching columns stay empty.
        XCTAssertEqual(Array(rows[5][7...]), ["", "", "", ""])
    }

    func testMemoShowsOwnControlsOrNone() throws {
        let reconciled = try Assay.reconcile(document(), options: ReconcileOptions(register: register, rules: rules))
        let memo = MarkdownMemo.render(reconciled)
        XCTAssertTrue(memo.contains("""
        Matched to our own controls in controls.csv: 1 of 4 have no own control.

        - [ ] User entities are responsible for reviewing user access quarterly. (CC6.2) (p. 9)
          - Own control **AC-1** Quarterly access recertification: system owners review who holds access and remove what is no longer needed. (score 0.80; criteria CC6.2 shared; words: access rights, quarterly, reviewing)
        """), memo)
        XCTAssertTrue(memo.contains("""
        - [ ] User entities are responsible for reconciling invoices to purchase orders. (p. 11)
          - **No own control** answers this: add one to the register or record why it does not apply.
        """), memo)
        // Without a register the memo is as before.
        XCTAssertFalse(MarkdownMemo.render(document()).contains("own control"))
        let page = ReportPage.render(reconciled, pdf: nil, password: nil)
        // The page words "no own control" as the memo does (one outline vocabulary).
        XCTAssertTrue(page.contains("<div class=\"own none\"><strong>No own control</strong> answers this: add one to the register or record why it does not apply.</div>"))
        XCTAssertTrue(page.contains("<div class=\"own\">Own control <strong>AC-3</strong> MFA is required on every cloud application through the single sign-on service. <span class=\"conf\">(score 0.47; criteria CC6.1 shared; words: multi-factor authentication)</span></div>"))
    }

    func testVendorMergeKeepsTheBestMatchOfEachControl() {
        let a = OwnControlMatch(id: "AC-1", score: 0.5, reason: "a"), b = OwnControlMatch(id: "AC-1", score: 0.7, reason: "b")
        let c = OwnControlMatch(id: "AC-2", score: 0.6, reason: "c")
        let merged = CUECMerger(threshold: 0.85).merge([(path: "x.pdf", cuec: cuec("Review access.")), (path: "y.pdf", cuec: cuec("Review access.")),
                                                        (path: "y.pdf", cuec: cuec("Keep keys secret."))],
                                                       ownControls: [[a, c], [b], nil])
        XCTAssertEqual(merged.map(\.ownControls), [[b, c], nil])
    }
}
