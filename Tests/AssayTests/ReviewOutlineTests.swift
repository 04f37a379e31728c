@testable import Assay
import AssayModel
import XCTest

/// The review outline once, with exact values: labels, order, values, evidence and the confidence
/// flag, on hand-built results (names invented) — a SOC 2 Type II with exceptions, a carve-out and
/// reconciled CUECs, an ISO certificate, and a failure. The renderings only format this outline;
/// their goldens (`GoldenTests.testRenderingsMatchGoldenFiles`) pin the formatting.
final class ReviewOutlineTests: XCTestCase {
    static func field(_ value: String, page: Int, confidence: Double = 0.95) -> Field {
        Field(value: .text(value), confidence: confidence, evidence: [Evidence(page: page, quote: value)])
    }

    static func soc2() -> AssayDocument {
        var doc = AssayDocument(source: SourceInfo(path: "v/soc2.pdf", sha256: "0123456789abcdef0123", pages: 40, textLayer: .native),
                                document: DocumentInfo(kind: .soc2, type: .type2, confidence: 0.99))
        doc.fields = ["service_organization": field("Quillfeather Ltd", page: 1), "opinion": field("qualified", page: 4),
                      "period_start": field("2025-01-01", page: 1), "period_end": field("2025-12-31", page: 1),
                      "locations": field("Leeds", page: 9, confidence: 0.8), "scheme": field("AICPA", page: 2)]
        doc.findings = [
            Finding(code: "soc.cuecs_present", severity: .info, message: "Two CUECs.", followUp: nil, evidence: []),
            Finding(code: "soc.subservice_carved_out", severity: .medium, message: "Carved out: Nimbus.", followUp: "Send Nimbus's report.",
                    evidence: [Evidence(page: 12, quote: "Nimbus")]),
            Finding(code: "soc.opinion_qualified", severity: .high, message: "Qualified.", followUp: nil, evidence: [Evidence(page: 4, quote: "qualified")]),
            Finding(code: "soc.exceptions_present", severity: .medium, message: "One exception.", followUp: nil, evidence: []),
        ]
        doc.reliability = Reliability(signals: [ReliabilitySignal(code: "no_sample_sizes", explanation: "No sample sizes.",
                                                                  evidence: (1...4).map { Evidence(page: 20 + $0, quote: "q\($0)") })])
        doc.exceptions = [
            ExceptionRecord(controlID: "CC6.1.2", criteria: ["CC6.1"], control: "Access is reviewed.", test: "Inspected.",
                            deviation: "One review missed.", managementResponse: nil, confidence: 0.85, evidence: [Evidence(page: 30, quote: "missed")]),
        ]
        doc.subserviceOrganizations = [
            SubserviceOrganization(name: "Nimbus Cloud", services: "Hosting", method: .carveOut, confidence: 0.95, evidence: [Evidence(page: 12, quote: "Nimbus")]),
            SubserviceOrganization(name: "Vault Rooms", services: "", method: .inclusive, confidence: 0.95, evidence: []),
        ]
        doc.cuecs = [CUEC(text: "Users review access.", criteria: ["CC6.2"], confidence: 0.9, evidence: [Evidence(page: 14, quote: "review")]),
                     CUEC(text: "Users protect keys.", criteria: [], confidence: 0.7, evidence: [])]
        doc.cuecReconciliation = CUECReconciliation(register: "ours.csv", matches: [
            CUECMatch(cuec: 0, controls: [OwnControlMatch(id: "AC-7", score: 0.8, reason: "shared words", text: "Quarterly review")]),
            CUECMatch(cuec: 1, controls: []),
        ])
        doc.obligations = [Obligation(framework: "DORA", reference: "Art. 28(4)", title: "Assess the provider", status: .notEvidenced,
                                      rationale: "No test.", because: [])]
        doc.diagnostics = [Diagnostic(level: .info, code: "ocr.skipped", message: "fine"), Diagnostic(level: .warning, code: "dates.ambiguous", message: "Two dates.")]
        return doc
    }

    func testSOC2TypeIIWithExceptionsAndCarveOut() throws {
        let outline = ReviewOutline(Self.soc2())
        XCTAssertEqual(outline.title, "Quillfeather Ltd — SOC 2 Type II")
        XCTAssertEqual(outline.kind, "SOC 2 Type II")
        XCTAssertFalse(outline.isKindLowConfidence)
        XCTAssertEqual(outline.period, "2025-01-01 – 2025-12-31")
        XCTAssertEqual(outline.opinion, "qualified")
        XCTAssertNil(outline.failure)
        XCTAssertEqual(outline.source.shortSHA256, "0123456789ab")
        XCTAssertEqual(outline.sections.map(\.heading), [
            "Cover sheet", "Findings (4)", "Reliability (1)", "Exceptions (1)", "Subservice organisations (2)",
            "Our to-dos: complementary user-entity controls (2)", "Our obligations", "Diagnostics",
        ])

        // Cover: the vocabulary's order, then unlisted fields by key; 0.8 is flagged, 0.95 is not.
        let cover = try XCTUnwrap(outline.section(.cover))
        XCTAssertEqual(cover.rows.map(\.label), ["Organisation", "Opinion", "Period start", "Period end", "Locations", "Scheme"])
        XCTAssertEqual(cover.rows.map(\.value), ["Quillfeather Ltd", "qualified", "2025-01-01", "2025-12-31", "Leeds", "AICPA"])
        XCTAssertEqual(cover.rows.map(\.isLowConfidence), [false, false, false, false, true, false])
        XCTAssertEqual(cover.rows[4].evidence, [Evidence(page: 9, quote: "Leeds")])

        // Findings: high first, equal severities in the document's order.
        let findings = try XCTUnwrap(outline.section(.findings))
        XCTAssertEqual(findings.rows.map(\.code), ["soc.opinion_qualified", "soc.subservice_carved_out", "soc.exceptions_present", "soc.cuecs_present"])
        XCTAssertEqual(findings.rows.map(\.label), ["high", "medium", "medium", "info"])
        XCTAssertEqual(findings.rows[1].details, [OutlineDetail(.followUp, "Send Nimbus's report.")])
        XCTAssertEqual(findings.rows[1].details.first?.label, "Ask the vendor")

        // Reliability: the signal's label, and at most three quotes inline; all evidence kept.
        let signal = try XCTUnwrap(outline.section(.reliability)?.rows.first)
        XCTAssertEqual([signal.label, signal.code, signal.value], ["No sample sizes", "no_sample_sizes", "No sample sizes."])
        XCTAssertEqual(signal.quotes.map(\.page), [21, 22, 23])
        XCTAssertEqual(signal.evidence.count, 4)

        // Exceptions: control number, criteria, control, "None given"; 0.85 is flagged.
        let exceptions = try XCTUnwrap(outline.section(.exceptions))
        XCTAssertEqual(exceptions.columns, ["Control", "Criteria", "Deviation", "Management's response"])
        let exception = try XCTUnwrap(exceptions.rows.first)
        XCTAssertEqual([exception.label, exception.value], ["CC6.1.2", "One review missed."])
        XCTAssertEqual(exception.details.map(\.label), ["Criteria", "Control", "Management's response"])
        XCTAssertEqual(exception.details.map(\.value), ["CC6.1", "Access is reviewed.", "None given"])
        XCTAssertEqual(exception.confidence, 0.85)
        XCTAssertTrue(exception.isLowConfidence)

        // Subservice organisations: one word for each treatment.
        let subservice = try XCTUnwrap(outline.section(.subservice))
        XCTAssertEqual(subservice.columns, ["Organisation", "Services", "Method"])
        XCTAssertEqual(subservice.rows.map(\.label), ["Nimbus Cloud", "Vault Rooms"])
        XCTAssertEqual(subservice.rows.map(\.value), ["Hosting", ""])
        XCTAssertEqual(subservice.rows.map { $0.detail(.method)?.value }, ["carved out", "inclusive"])

        // CUECs: the reconciliation note, the own control or none; 0.9 is not low, 0.7 is.
        let cuecs = try XCTUnwrap(outline.section(.cuecs))
        XCTAssertEqual(cuecs.note, "Matched to our own controls in ours.csv: 1 of 2 have no own control.")
        XCTAssertEqual(cuecs.rows.map(\.value), ["Users review access.", "Users protect keys."])
        XCTAssertEqual(cuecs.rows.map(\.isLowConfidence), [false, true])
        XCTAssertEqual(cuecs.rows[0].ownControls?.map(\.id), ["AC-7"])
        XCTAssertEqual(cuecs.rows[0].ownControls?.first?.because, "score 0.80; shared words")
        XCTAssertEqual(cuecs.rows[1].ownControls, [])

        // Obligations and diagnostics (warnings only).
        let obligation = try XCTUnwrap(outline.section(.obligations)?.rows.first)
        XCTAssertEqual([obligation.label, obligation.value], ["DORA", "Assess the provider"])
        XCTAssertEqual(obligation.details.map(\.value), ["Art. 28(4)", "not evidenced", "No test."])
        XCTAssertEqual(outline.section(.diagnostics)?.rows.map { [$0.label, $0.code ?? "", $0.value] }, [["warning", "dates.ambiguous", "Two dates."]])
    }

    func testISOCertificate() throws {
        var doc = AssayDocument(source: SourceInfo(path: "v/iso.pdf", pages: 1, textLayer: .ocr),
                                document: DocumentInfo(kind: .isoCertificate, confidence: 0.8))
        doc.fields = ["organization": Self.field("Ravelin Works", page: 1), "standards": Self.field("ISO/IEC 27001:2022", page: 1),
                      "issue_date": Self.field("2024-05-01", page: 1), "expiry_date": Self.field("2027-04-30", page: 1),
                      "certification_body": Self.field("Northgate Certification", page: 1, confidence: 0.6)]
        doc.claims = [Claim(kind: .soc2, type: .type1, standard: nil, periodEnd: "2025-06-30", expiryDate: nil, confidence: 0.85, evidence: []),
                      Claim(kind: .isoCertificate, type: nil, standard: "ISO/IEC 27701:2019", periodEnd: nil, expiryDate: "2026-01-31", confidence: 0.95, evidence: [])]
        let outline = ReviewOutline(doc)
        XCTAssertEqual(outline.title, "Ravelin Works — ISO certificate")
        XCTAssertTrue(outline.isKindLowConfidence)
        XCTAssertEqual(outline.period, "2024-05-01 – 2027-04-30")
        XCTAssertNil(outline.opinion)
        XCTAssertEqual(outline.source.textLayer, "ocr")
        XCTAssertEqual(outline.sections.map(\.id), [.cover, .claims])
        let cover = try XCTUnwrap(outline.section(.cover))
        XCTAssertEqual(cover.rows.map(\.label), ["Organisation", "Standards", "Issued", "Expires", "Certification body"])
        XCTAssertEqual(cover.rows.map(\.isLowConfidence), [false, false, false, false, true])
        let claims = try XCTUnwrap(outline.section(.claims))
        XCTAssertNil(claims.count)
        XCTAssertEqual(claims.rows.map(\.value), ["SOC 2 Type I report, period ended 2025-06-30", "ISO/IEC 27701:2019 certificate, valid until 2026-01-31"])
        XCTAssertEqual(claims.rows.map(\.isLowConfidence), [true, false])
    }

    func testOneOrganisationRowWhenBothOrganisationFieldsAgree() throws {
        var doc = AssayDocument(source: SourceInfo(path: "v/trust.html", pages: 1, textLayer: .native),
                                document: DocumentInfo(kind: .trustPage, confidence: 0.99))
        doc.fields = ["service_organization": Self.field("Ravelin Works", page: 1), "organization": Self.field("Ravelin Works", page: 1),
                      "standards": Self.field("SOC 2 Type II", page: 1)]
        let cover = try XCTUnwrap(ReviewOutline(doc).section(.cover))
        XCTAssertEqual(cover.rows.map(\.label), ["Organisation", "Standards"])
        // Two different names under the one label are both shown.
        doc.fields["organization"] = Self.field("Ravelin Works Holdings", page: 1)
        let both = try XCTUnwrap(ReviewOutline(doc).section(.cover))
        XCTAssertEqual(both.rows.map(\.value), ["Ravelin Works", "Ravelin Works Holdings", "SOC 2 Type II"])
    }

    func testFailureAndUnknownKind() {
        let doc = AssayDocument.failure(SourceInfo(path: "bad/locked.pdf"), DocumentError(.encrypted, "Needs a password."))
        let outline = ReviewOutline(doc)
        XCTAssertEqual(outline.title, "bad/locked.pdf — Unknown document")
        XCTAssertFalse(outline.namesOrganization)
        XCTAssertEqual(outline.failure, ReviewOutline.Failure(label: "Could not be read", code: "encrypted", message: "Needs a password."))
        XCTAssertEqual(outline.sections, [])
        XCTAssertEqual(outline.source.textLayer, "none")
        XCTAssertNil(outline.source.shortSHA256)
    }

    /// The three renderings of one result use the outline's words, order and cut-off.
    func testRenderingsSayTheSameThing() {
        let doc = Self.soc2()
        let text = TextSummary.render(doc), memo = MarkdownMemo.render(doc), page = ReportPage.render(doc, pdf: nil)
        XCTAssertTrue(text.contains("  - Nimbus Cloud (carved out) [p. 12]"), text)
        XCTAssertTrue(memo.contains("- Nimbus Cloud — carved out: Hosting (p. 12)"), memo)
        XCTAssertTrue(page.contains("<td>Hosting</td><td>carved out</td></tr>"))
        XCTAssertTrue(text.contains("  - CC6.1.2: One review missed. [p. 30] (confidence 0.85)\n      Management's response: None given"), text)
        XCTAssertTrue(memo.contains("- **CC6.1.2** (CC6.1): One review missed. (p. 30) _(confidence 0.85)_\n  - Management's response: None given"), memo)
        XCTAssertTrue(page.contains("<tr class=\"exception low\"><td><strong>CC6.1.2</strong><br/>Access is reviewed.</td><td>CC6.1</td><td>One review missed. <span class=\"conf\">(confidence 0.85)</span>"))
        XCTAssertTrue(page.contains("<td>None given</td></tr>"))
        // The same order of parts in all three.
        let headings = ["Findings (4)", "Reliability (1)", "Exceptions (1)", "Subservice organisations (2)", "Our obligations", "Diagnostics"]
        for rendering in [text, memo, page] {
            let positions = headings.compactMap { rendering.range(of: $0)?.lowerBound }
            XCTAssertEqual(positions.count, headings.count)
            XCTAssertEqual(positions, positions.sorted())
        }
        XCTAssertTrue(text.contains("  DORA Art. 28(4) — not evidenced: Assess the provider"), text)
        XCTAssertTrue(memo.contains("| DORA | Art. 28(4) | Assess the provider | not evidenced | No test. |"), memo)
        XCTAssertTrue(page.contains("<td>not evidenced</td>"))
    }

    /// One word per kind, for the renderings and for the findings AssayCore raises.
    func testVocabulary() {
        XCTAssertEqual(DocumentKind.allCases.map { OutlineVocabulary.kind($0, nil) },
                       ["SOC 1", "SOC 2", "SOC 3", "ISO certificate", "Bridge letter", "Trust page", "Other assurance", "Unknown document"])
        XCTAssertEqual(OutlineVocabulary.kind(.soc3, .type2), "SOC 3")
        XCTAssertEqual(OutlineVocabulary.kind(.soc1, .type1), "SOC 1 Type I")
        XCTAssertEqual(OutlineVocabulary.kindCode(.soc2, .type2), "soc2 type2")
        XCTAssertEqual(OutlineVocabulary.claimedDocument(.otherAssurance, nil, standard: "CSA STAR Level 2"), "CSA STAR Level 2")
        XCTAssertEqual(OutlineVocabulary.claimedDocument(.isoCertificate, nil, standard: nil), "ISO certificate")
        XCTAssertFalse(OutlineCutoffs.standard.isLow(0.9))
        XCTAssertTrue(OutlineCutoffs.standard.isLow(0.89))
    }
}
