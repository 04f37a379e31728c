@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The vendor view (`assay vendors`): grouping, name folding, the coverage timeline, vendor findings,
/// the merged CUEC list, the questions, the JSON contract and its schema, and the HTML page.
final class VendorViewTests: XCTestCase {
    static let asOf = ISODate(year: 2026, month: 11, day: 1) ?? .reference

    /// The documents of corpus/vendors, read in process as `assay vendors` reads them.
    static func corpusInputs() throws -> [VendorInput] {
        let root = Repo.corpus("vendors")
        let walk = try BatchWalker.walk(root: URL(fileURLWithPath: root))
        return walk.inputs.map { input in
            let label = "corpus/vendors/" + input.relativePath
            let document = DocumentPipeline.extract(path: input.absolutePath, label: label, options: ExtractOptions(asOf: "2026-11-01"))
            return VendorInput(document: document, folder: input.vendor)
        }
    }

    static func analyzer() throws -> VendorAnalyzer { try VendorAnalyzer(rules: RuleBook.standard()) }

    static func date(_ text: String) -> ISODate { ISODate(text) ?? .reference }

    // MARK: corpus folder

    func testCorpusVendorFolderWithAGap() throws {
        let view = try Self.analyzer().analyze(Self.corpusInputs(), asOf: Self.asOf)
        XCTAssertEqual(view.vendors.map(\.name), ["Corbel Metrics", "Harwick Payroll"])
        let vendor = try XCTUnwrap(view.vendors.first)
        XCTAssertEqual(vendor.groupedBy, .folder)
        XCTAssertEqual(vendor.slug, "corbel-metrics")
        XCTAssertEqual(vendor.documents.count, 5)
        XCTAssertEqual(vendor.timeline.map { "\($0.row.rawValue) \($0.start)..\($0.end)" }, [
            "soc2 2024-01-01..2024-12-31", "certificate 2024-06-03..2027-06-02",
            "bridge_letter 2025-01-01..2025-03-31", "soc2 2025-08-01..2026-01-31",
        ])
        // The bridge letter ends on 2025-03-31 and the next SOC period starts on 2025-08-01; the last
        // period ends on 2026-01-31, 274 days before the as-of date.
        XCTAssertEqual(vendor.gaps.map { "\($0.start)..\($0.end) \($0.days)" }, ["2025-04-01..2025-07-31 122", "2026-02-01..2026-11-01 274"])
        XCTAssertEqual(vendor.gaps.first?.between, ["corpus/vendors/Corbel Metrics/bridge-letter-2025-q1.txt",
                                                    "corpus/vendors/Corbel Metrics/soc2-type2-2025-2026.txt"])
        XCTAssertEqual(vendor.overlaps, [])
        XCTAssertEqual(vendor.findings.map(\.code), ["vendor.coverage_gap", "vendor.coverage_gap", "vendor.claim_not_provided",
                                                   "vendor.claim_not_provided", "vendor.entity_mismatch"])
        XCTAssertEqual(vendor.findings.first?.message, "No SOC report or bridge letter covers 2025-04-01 to 2025-07-31 (122 days).")
        XCTAssertEqual(vendor.findings.first?.severity, .high)
        XCTAssertEqual(vendor.findings[4].message, "The documents name different legal entities: “Corbel Metrics, Inc.” (bridge-letter-2025-q1.txt, soc2-type2-2024.txt, soc2-type2-2025-2026.txt); “Corbel Metrics Europe Limited” (iso27001-certificate.txt).")
        XCTAssertEqual(vendor.consistency.map { "\($0.aspect) \($0.status.rawValue)" }, ["legal_entity different", "services consistent", "sites consistent"])
        // Every finding carries evidence that names its document and quotes its page.
        for finding in vendor.findings {
            XCTAssertFalse(finding.evidence.isEmpty, finding.code)
            for evidence in finding.evidence { XCTAssertTrue(evidence.path.hasPrefix("corpus/vendors/Corbel Metrics/")) }
        }
        XCTAssertEqual(vendor.findings.first?.evidence.map(\.quote), ["January 1, 2025 through March 31, 2025", "August 1, 2025 to January 31, 2026"])
        // Three CUECs in the 2024 report, four in the next; one reworded only by commas, two identical.
        XCTAssertEqual(vendor.cuecs.count, 4)
        XCTAssertEqual(vendor.cuecs.map(\.sources.count), [2, 2, 2, 1])
        XCTAssertEqual(vendor.cuecs[1].text, "User entities are responsible for reviewing, at least once a quarter, which of their users hold administrator rights in the platform.")
        // The carve-out question is asked once for both reports.
        let carveOut = try XCTUnwrap(vendor.questions.first { $0.text.hasPrefix("Send the current SOC reports of Northgale") })
        XCTAssertEqual(carveOut.because, ["corpus/vendors/Corbel Metrics/soc2-type2-2024.txt#soc.subservice_carved_out",
                                          "corpus/vendors/Corbel Metrics/soc2-type2-2025-2026.txt#soc.subservice_carved_out"])
        XCTAssertEqual(vendor.questions.prefix(5).map { $0.because.first ?? "" }, ["vendor.coverage_gap", "vendor.coverage_gap",
                                                                                  "vendor.claim_not_provided", "vendor.claim_not_provided",
                                                                                  "vendor.entity_mismatch"])
        // The 2024 report's "send the current report" is answered by the later report and not asked;
        // the trust page's own findings (auditor and certification body not named) add two.
        XCTAssertEqual(vendor.questions.count, 9)
        XCTAssertFalse(vendor.questions.contains { $0.because.contains { $0.hasSuffix("#soc.report_stale") } })
        // The trust page claims a later SOC 2 report and a 27701 certificate that the folder lacks; its
        // 27001 claim is borne out by the certificate (same edition, same expiry).
        let trust = "corpus/vendors/Corbel Metrics/trust-centre.html"
        XCTAssertEqual(vendor.claims.map { "\($0.kind.rawValue) \($0.standard ?? "") \($0.periodEnd ?? $0.expiryDate ?? "") -> \($0.providedBy ?? "none")" }, [
            "soc2  2026-07-31 -> none",
            "iso_certificate ISO/IEC 27001:2022 2027-06-02 -> corpus/vendors/Corbel Metrics/iso27001-certificate.txt",
            "iso_certificate ISO/IEC 27701:2019 2027-06-02 -> none",
        ])
        XCTAssertEqual(vendor.findings[2].message, "The trust page \(trust) claims a SOC 2 Type II report for the period ending 2026-07-31, and none of the vendor's documents bears it out.")
        XCTAssertEqual(vendor.findings[3].followUp, "Send an ISO/IEC 27701:2019 certificate valid until 2027-06-02, which your trust page says you hold.")
        // The trust page's heading and the sentence that gives the date.
        XCTAssertEqual(vendor.findings[3].evidence.map(\.quote), ["ISO/IEC 27701:2019 certified",
            "Our privacy information management system extends the ISMS and is certified to ISO/IEC 27701:2019. Certificate valid until 2 June 2027."])
        XCTAssertEqual(Set(vendor.findings[3].evidence.map(\.path)), [trust])
    }

    func testClaimsAreMatchedByKindTypeEditionAndDate() {
        XCTAssertTrue(ClaimMatcher.sameStandard("ISO/IEC 27001:2022", "ISO 27001"))
        XCTAssertTrue(ClaimMatcher.sameStandard("ISO/IEC 27001:2022", "ISO/IEC 27001:2022"))
        XCTAssertFalse(ClaimMatcher.sameStandard("ISO/IEC 27001:2013", "ISO/IEC 27001:2022"))
        XCTAssertFalse(ClaimMatcher.sameStandard("ISO/IEC 27017:2015", "ISO/IEC 27018:2019"))
        XCTAssertTrue(ClaimMatcher.notEarlier(ISODate("2027-06-02"), than: "2027-06-02"))
        XCTAssertTrue(ClaimMatcher.notEarlier(ISODate("2027-06-02"), than: nil))
        XCTAssertFalse(ClaimMatcher.notEarlier(ISODate("2026-01-31"), than: "2026-07-31"))
        XCTAssertTrue(ClaimMatcher.notEarlier(nil, than: "2026-07-31"), "a date Assay could not read is not held against the document")
        XCTAssertFalse(ClaimMatcher.sameStandard("ISO/IEC 20000-1:2018", "ISO/IEC 20000-10:2018"))
        XCTAssertTrue(ClaimMatcher.sameStandard("ISO/IEC 20000-1:2018", "ISO 20000-1"))
        XCTAssertEqual(ClaimMatcher.parts("ISO 22301:2019").number, "22301")
        XCTAssertEqual(ClaimMatcher.parts("ISO 9001:2015").edition, "2015")

        func document(_ path: String, _ kind: DocumentKind, _ type: ReportType?, _ fields: [String: FieldValue]) -> VendorInput {
            var document = AssayDocument(source: SourceInfo(path: path))
            document.document = DocumentInfo(kind: kind, type: type, confidence: 0.9, title: nil)
            for (key, value) in fields { document.fields[key] = Field(value: value, confidence: 0.9, evidence: []) }
            return VendorInput(document: document, folder: "V")
        }
        var trust = document("V/trust.html", .trustPage, nil, [:])
        trust.document.claims = [
            Claim(kind: .soc2, type: .type2, standard: nil, periodEnd: "2026-06-30", expiryDate: nil, confidence: 0.85, evidence: []),
            Claim(kind: .soc2, type: .type1, standard: nil, periodEnd: nil, expiryDate: nil, confidence: 0.85, evidence: []),
            Claim(kind: .isoCertificate, type: nil, standard: "ISO/IEC 27001:2022", periodEnd: nil, expiryDate: "2027-01-01", confidence: 0.85, evidence: []),
        ]
        let inputs = [trust,
                      document("V/soc2.pdf", .soc2, .type2, ["period_end": .text("2026-06-30")]),
                      document("V/iso.pdf", .isoCertificate, nil, ["standards": .list(["ISO/IEC 27001:2013"]), "expiry_date": .text("2027-06-01")])]
        XCTAssertEqual(ClaimMatcher(inputs: inputs).claims().map(\.providedBy), ["V/soc2.pdf", nil, nil],
                       "a Type II report is not a Type I one, and a 2013 certificate is not the claimed 2022 one")
        // A card dated by the report's issue, six weeks after its period: borne out within the tolerance.
        var issued = trust
        issued.document.claims = [Claim(kind: .soc2, type: .type2, standard: nil, periodEnd: "2026-08-15", expiryDate: nil,
                                        confidence: 0.85, evidence: [])]
        XCTAssertEqual(ClaimMatcher(inputs: [issued, inputs[1]], periodToleranceDays: 92).claims().map(\.providedBy), ["V/soc2.pdf"])
        XCTAssertEqual(ClaimMatcher(inputs: [issued, inputs[1]], periodToleranceDays: 0).claims().map(\.providedBy), [nil])
        // A report whose type was not read is not held to be of another type.
        var untyped = inputs[1]
        untyped.document.document.type = nil
        XCTAssertEqual(ClaimMatcher(inputs: [trust, untyped]).claims().map(\.providedBy), ["V/soc2.pdf", "V/soc2.pdf", nil])
    }

    func testCorpusVendorWithContinuousCoverage() throws {
        let view = try Self.analyzer().analyze(Self.corpusInputs(), asOf: Self.asOf)
        let vendor = try XCTUnwrap(view.vendors.last)
        XCTAssertEqual(vendor.name, "Harwick Payroll")
        XCTAssertEqual(vendor.timeline.filter { $0.row.isControlCoverage }.map { "\($0.start)..\($0.end)" }, ["2025-07-01..2026-06-30", "2026-07-01..2026-08-31"])
        XCTAssertEqual(vendor.gaps, [])
        XCTAssertEqual(vendor.overlaps, [])
        XCTAssertEqual(vendor.findings, [])
        // "HARWICK PAYROLL INC" on the certificate is the same entity as "Harwick Payroll, Inc.".
        XCTAssertEqual(vendor.consistency.map { "\($0.aspect) \($0.status.rawValue)" }, ["legal_entity consistent", "services consistent", "sites not_comparable"])
        XCTAssertEqual(vendor.cuecs.count, 3)
        // The report's "send a bridge letter" is answered by the bridge letter in the folder.
        XCTAssertEqual(vendor.questions.map { $0.because }, [
            ["corpus/vendors/Harwick Payroll/soc2-type2-2025-2026.txt#soc.subservice_carved_out"],
        ])
    }

    func testJSONIsDeterministicAcrossRuns() throws {
        let first = ContractJSON.string(try Self.analyzer().analyze(Self.corpusInputs(), asOf: Self.asOf), pretty: true)
        let second = ContractJSON.string(try Self.analyzer().analyze(Self.corpusInputs().reversed(), asOf: Self.asOf), pretty: true)
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.contains("\"schema\" : \"assay.vendors/v1\""))
    }

    // MARK: schema

    func testSchemaAndCodableOutputAgree() throws {
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(VendorSchema.json.utf8)) as? [String: Any])
        var view = try Self.analyzer().analyze(Self.corpusInputs(), asOf: Self.asOf)
        // Add a vendor that exercises the optional values and the other record kinds.
        view.vendors.append(try Self.analyzer().analyze(Self.syntheticInputs(), asOf: Self.asOf).vendors[0])
        view.vendors[view.vendors.count - 1].templateMatches = [TemplateMatch(path: "V/a.pdf", vendor: "V", otherPath: "W/b.pdf",
                                                                              otherVendor: "W", similarity: 0.9)]
        // With --controls a merged CUEC carries its own controls.
        let withCUECs = try XCTUnwrap(view.vendors.firstIndex { !$0.cuecs.isEmpty })
        view.vendors[withCUECs].cuecs[0].ownControls = [OwnControlMatch(id: "AC-1", score: 0.5, reason: "words: access", text: "Access is reviewed.")]
        let json = try JSONSerialization.jsonObject(with: ContractJSON.encode(view, pretty: false))
        XCTAssertEqual(SchemaValidator(root: schema).validate(json, schema), [])
        // Both ways: every key the output writes is declared, and every declared key is written.
        var declared = Set<String>(), written = Set<String>()
        Self.declaredKeys(schema, root: schema, path: "$", into: &declared)
        Self.writtenKeys(json, path: "$", into: &written)
        XCTAssertEqual(written.subtracting(declared).sorted(), [])
        XCTAssertEqual(declared.subtracting(written).sorted(), [])
    }

    func testSchemaRejectsABrokenView() throws {
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(VendorSchema.json.utf8)) as? [String: Any])
        let broken: [String: Any] = ["schema": "assay.vendors/v1", "as_of": "1 November 2026", "vendors": [["name": "X"]]]
        XCTAssertEqual(SchemaValidator(root: schema).validate(broken, schema).sorted(), [
            "$.as_of: '1 November 2026' does not match ^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "$.vendors[0]: missing claims", "$.vendors[0]: missing consistency", "$.vendors[0]: missing cuecs", "$.vendors[0]: missing documents",
            "$.vendors[0]: missing findings", "$.vendors[0]: missing gaps", "$.vendors[0]: missing grouped_by",
            "$.vendors[0]: missing overlaps", "$.vendors[0]: missing questions", "$.vendors[0]: missing scope_drift",
            "$.vendors[0]: missing slug", "$.vendors[0]: missing template_matches", "$.vendors[0]: missing timeline",
        ])
    }

    /// Paths of object keys a schema declares (array items as `[]`).
    static func declaredKeys(_ schema: [String: Any], root: [String: Any], path: String, into keys: inout Set<String>) {
        if let ref = schema["$ref"] as? String, let defs = root["$defs"] as? [String: Any],
           let target = defs[ref.replacingOccurrences(of: "#/$defs/", with: "")] as? [String: Any] {
            declaredKeys(target, root: root, path: path, into: &keys)
            return
        }
        for (key, child) in schema["properties"] as? [String: Any] ?? [:] {
            keys.insert("\(path).\(key)")
            if let child = child as? [String: Any] { declaredKeys(child, root: root, path: "\(path).\(key)", into: &keys) }
        }
        if let items = schema["items"] as? [String: Any] { declaredKeys(items, root: root, path: path + "[]", into: &keys) }
    }

    static func writtenKeys(_ value: Any, path: String, into keys: inout Set<String>) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                keys.insert("\(path).\(key)")
                writtenKeys(child, path: "\(path).\(key)", into: &keys)
            }
        } else if let array = value as? [Any] {
            for item in array { writtenKeys(item, path: path + "[]", into: &keys) }
        }
    }

    // MARK: names and grouping

    func testNameFolding() throws {
        let folder = try VendorNameFolder(rules: RuleBook.standard())
        XCTAssertEqual(folder.fold("GitHub"), "github")
        XCTAssertEqual(folder.fold("GitHub, Inc."), "github")
        XCTAssertEqual(folder.fold("GITHUB INC"), "github")
        XCTAssertEqual(folder.fold("The Kestrel Group Holdings Ltd."), "kestrel")
        XCTAssertEqual(folder.fold("Rheinwerk Hosting GmbH & Co. KG"), "rheinwerk hosting")
        XCTAssertEqual(folder.fold("Briselames S.A.S."), "briselames")
        XCTAssertEqual(folder.fold("Corbel Metrics Europe Limited"), "corbel metrics europe")
        XCTAssertEqual(folder.fold("Halvorsen & Pike LLP"), "halvorsen and pike")
        // A name is never folded to nothing.
        XCTAssertEqual(folder.fold("Limited"), "limited")
        XCTAssertEqual(folder.fold("  "), "")
    }

    func testFilesOutsideFoldersAreGroupedByTheOrganisationTheyName() throws {
        let documents = [
            Self.document("a.txt", kind: .soc2, type: .type2, ["service_organization": "GitHub, Inc.", "period_start": "2025-01-01", "period_end": "2025-12-31"]),
            Self.document("b.txt", kind: .isoCertificate, type: nil, ["organization": "GITHUB INC", "issue_date": "2025-02-01", "expiry_date": "2028-01-31"]),
            Self.document("c.txt", kind: .trustPage, type: nil, ["service_organization": "GitHub"]),
            Self.document("d.txt", kind: .soc2, type: .type2, ["service_organization": "Gitlab B.V."]),
        ]
        let view = try Self.analyzer().analyze(documents.map { VendorInput(document: $0, folder: nil) }, asOf: Self.asOf)
        XCTAssertEqual(view.vendors.map { "\($0.name) \($0.groupedBy.rawValue) \($0.documents.map(\.path))" },
                       ["GitHub, Inc. organization [\"a.txt\", \"b.txt\", \"c.txt\"]", "Gitlab B.V. organization [\"d.txt\"]"])
        XCTAssertEqual(view.vendors.map(\.slug), ["github-inc", "gitlab-b-v"])
    }

    func testSlugs() {
        XCTAssertEqual(VendorGrouper.slug("Corbel Metrics"), "corbel-metrics")
        XCTAssertEqual(VendorGrouper.slug("  Müller & Söhne / EU "), "m-ller-s-hne-eu")
        XCTAssertEqual(VendorGrouper.slug("../"), "vendor")
    }

    // MARK: timeline and findings on made-up documents

    static func document(_ path: String, kind: DocumentKind, type: ReportType?, _ fields: [String: String],
                         cuecs: [CUEC] = [], findings: [Finding] = []) -> AssayDocument {
        var document = AssayDocument(source: SourceInfo(path: path), document: DocumentInfo(kind: kind, type: type, confidence: 0.99))
        for (key, value) in fields {
            document.fields[key] = Field(value: .text(value), confidence: 0.95, evidence: [Evidence(page: 2, quote: value)])
        }
        document.cuecs = cuecs
        document.findings = findings
        return document
    }

    /// A vendor with an overlap, a Type I point, a bridge letter for a report that is missing, an
    /// expired certificate, a certificate scope that does not name the system, and an unreadable file.
    static func syntheticInputs() -> [VendorInput] {
        [
            document("v/type2-2024.txt", kind: .soc2, type: .type2, ["service_organization": "Acme Cloud, Inc.", "system_name": "Acme Data Platform", "period_start": "2024-01-01", "period_end": "2024-12-31"]),
            document("v/type2-2024b.txt", kind: .soc2, type: .type2, ["service_organization": "Acme Cloud Inc", "period_start": "2024-10-01", "period_end": "2025-03-31"]),
            document("v/type1.txt", kind: .soc2, type: .type1, ["service_organization": "Acme Cloud, Inc.", "as_of_date": "2025-04-15"]),
            document("v/bridge.txt", kind: .bridgeLetter, type: nil, ["service_organization": "Acme Cloud, Inc.", "period_start": "2025-07-01", "period_end": "2025-09-30", "bridged_period_end": "2025-06-30"]),
            document("v/iso.txt", kind: .isoCertificate, type: nil, ["organization": "Acme Cloud, Inc.", "issue_date": "2022-01-01", "expiry_date": "2024-12-31", "scope": "The hosting of the Acme Portal."]),
            AssayDocument.failure(SourceInfo(path: "v/broken.pdf"), DocumentError(.encrypted, "The PDF needs a password.")),
        ].map { VendorInput(document: $0, folder: "Acme") }
    }

    func testTimelineOverlapPointBridgeWithoutReportAndNothingCurrent() throws {
        let vendor = try XCTUnwrap(try Self.analyzer().analyze(Self.syntheticInputs(), asOf: Self.date("2025-11-01")).vendors.first)
        XCTAssertEqual(vendor.timeline.map { "\($0.row.rawValue) \($0.start)..\($0.end) \($0.isPoint)" }, [
            "certificate 2022-01-01..2024-12-31 false", "soc2 2024-01-01..2024-12-31 false",
            "soc2 2024-10-01..2025-03-31 false", "soc2 2025-04-15..2025-04-15 true", "bridge_letter 2025-07-01..2025-09-30 false",
        ])
        XCTAssertEqual(vendor.overlaps.map { "\($0.start)..\($0.end) \($0.days)" }, ["2024-10-01..2024-12-31 92"])
        // 2025-04-01..04-14 is 14 days (within the tolerance); 04-16..06-30 is 76 days; 10-01..11-01 is 32 days.
        XCTAssertEqual(vendor.gaps.map { "\($0.start)..\($0.end) \($0.days)" }, ["2025-04-16..2025-06-30 76"])
        XCTAssertEqual(vendor.findings.map(\.code), [
            "vendor.coverage_gap", "vendor.bridge_without_report", "vendor.document_unreadable",
            "vendor.scope_mismatch", "vendor.coverage_overlap",
        ])
        XCTAssertEqual(vendor.findings[1].message, "The bridge letter v/bridge.txt bridges a report whose period ended on 2025-06-30, and no such report is among the vendor's documents.")
        XCTAssertEqual(vendor.findings[1].evidence, [VendorEvidence(path: "v/bridge.txt", page: 2, quote: "2025-06-30")])
        XCTAssertEqual(vendor.documents.first { $0.path == "v/broken.pdf" }?.error, "encrypted")
    }

    func testNoCurrentAssurance() throws {
        let inputs = [
            Self.document("old.txt", kind: .soc2, type: .type2, ["service_organization": "Acme", "period_start": "2024-01-01", "period_end": "2024-12-31"]),
        ].map { VendorInput(document: $0, folder: "Acme") }
        let vendor = try XCTUnwrap(try Self.analyzer().analyze(inputs, asOf: Self.asOf).vendors.first)
        XCTAssertEqual(vendor.findings.map(\.code), ["vendor.coverage_gap", "vendor.no_current_assurance"])
        XCTAssertEqual(vendor.gaps.map { "\($0.start)..\($0.end) \($0.days)" }, ["2025-01-01..2026-11-01 670"])
        XCTAssertEqual(vendor.findings[1].message, "Nothing covers the as-of date 2026-11-01: no SOC period or bridge letter ends within the tolerance before it and no certificate is valid on it.")
    }

    // MARK: CUEC merge and questions

    func testCUECMergeFoldsNearIdenticalTexts() {
        let merger = CUECMerger(threshold: 0.85)
        let a = CUEC(text: "Customers review user access to the platform every quarter.", criteria: ["CC6.2"], confidence: 0.9, evidence: [Evidence(page: 40, quote: "Customers review user access")])
        let b = CUEC(text: "Customers review user access to the Platform every quarter", criteria: ["CC6.3"], confidence: 0.9, evidence: [Evidence(page: 12, quote: "Customers review user access")])
        let c = CUEC(text: "Customers encrypt the files they upload.", criteria: [], confidence: 0.9, evidence: [Evidence(page: 41, quote: "Customers encrypt")])
        let d = CUEC(text: "Customers review user access to the platform every month and remove leavers.", criteria: [], confidence: 0.9, evidence: [Evidence(page: 13, quote: "every month")])
        let merged = merger.merge([(path: "x.pdf", cuec: a), (path: "x.pdf", cuec: c), (path: "y.pdf", cuec: b), (path: "y.pdf", cuec: d)])
        XCTAssertEqual(merged.map(\.text), [a.text, c.text, d.text])
        XCTAssertEqual(merged[0].criteria, ["CC6.2", "CC6.3"])
        XCTAssertEqual(merged[0].sources, [VendorEvidence(path: "x.pdf", page: 40, quote: "Customers review user access"),
                                           VendorEvidence(path: "y.pdf", page: 12, quote: "Customers review user access")])
    }

    func testQuestionsAreAskedOnceMostSevereFirst() {
        let low = Finding(code: "soc.period_short", severity: .low, message: "m", followUp: "Confirm the period.", evidence: [])
        let high = Finding(code: "soc.report_stale", severity: .high, message: "m", followUp: "Send the current report.", evidence: [Evidence(page: 1, quote: "q")])
        let none = Finding(code: "soc.cuecs_present", severity: .info, message: "m", followUp: nil, evidence: [])
        let vendorFinding = VendorFinding(code: "vendor.coverage_gap", severity: .high, message: "m", followUp: "Explain the gap.", evidence: [])
        let documents = [Self.document("a", kind: .soc2, type: .type2, [:], findings: [low, high, none]),
                         Self.document("b", kind: .soc2, type: .type2, [:], findings: [high])]
        let questions = QuestionList.build(vendorFindings: [vendorFinding], documents: documents)
        XCTAssertEqual(questions.map(\.text), ["Explain the gap.", "Send the current report.", "Confirm the period."])
        XCTAssertEqual(questions[1].because, ["a#soc.report_stale", "b#soc.report_stale"])
        XCTAssertEqual(questions[1].evidence, [VendorEvidence(path: "a", page: 1, quote: "q"), VendorEvidence(path: "b", page: 1, quote: "q")])
    }

    func testQuestionsALaterDocumentAnswersAreNotAsked() {
        let stale = Finding(code: "soc.report_stale", severity: .high, message: "m", followUp: "Send the current report.", evidence: [])
        let ageing = Finding(code: "soc.report_ageing", severity: .medium, message: "m", followUp: "Send a bridge letter.", evidence: [])
        let documents = [Self.document("old", kind: .soc2, type: .type2, [:], findings: [stale]),
                         Self.document("new", kind: .soc2, type: .type2, [:], findings: [ageing])]
        let span = { (path: String, row: CoverageRow, end: String) in
            CoverageSpan(path: path, row: row, start: Self.date("2020-01-01"), end: Self.date(end), isPoint: false, evidence: [])
        }
        let rules = ["soc.report_stale": ["same"], "soc.report_ageing": ["same", "bridge_letter"]]
        let withoutBridge = [span("old", .soc2, "2024-12-31"), span("new", .soc2, "2025-12-31")]
        XCTAssertEqual(QuestionList.build(vendorFindings: [], documents: documents, timeline: withoutBridge, superseded: rules).map(\.because),
                       [["new#soc.report_ageing"]])
        // A certificate ending later answers neither; a bridge letter ending later answers the ageing report.
        let withCertificate = withoutBridge + [span("iso", .certificate, "2027-01-01")]
        XCTAssertEqual(QuestionList.build(vendorFindings: [], documents: documents, timeline: withCertificate, superseded: rules).count, 1)
        let withBridge = withoutBridge + [span("bridge", .bridgeLetter, "2026-03-31")]
        XCTAssertEqual(QuestionList.build(vendorFindings: [], documents: documents, timeline: withBridge, superseded: rules), [])
        XCTAssertEqual(QuestionList.build(vendorFindings: [], documents: documents).count, 2)
    }

    // MARK: HTML

    func testVendorPageIsWellFormedAndListsEveryFinding() throws {
        var view = try Self.analyzer().analyze(Self.corpusInputs(), asOf: Self.asOf)
        view.vendors.append(try Self.analyzer().analyze(Self.syntheticInputs(), asOf: Self.asOf).vendors[0])
        for vendor in view.vendors {
            let html = VendorPage.render(vendor, asOf: view.asOf)
            let xml = try XMLDocument(data: Data(html.utf8), options: [])
            let items = try xml.nodes(forXPath: "//li[@class='finding']").map { $0.stringValue ?? "" }
            XCTAssertEqual(items.count, vendor.findings.count, vendor.name)
            for (item, finding) in zip(items, vendor.findings) {
                XCTAssertTrue(item.contains(finding.code) && item.contains(finding.message), "\(vendor.name): \(finding.code)")
            }
            XCTAssertEqual(try xml.nodes(forXPath: "//ul[@class='todo']/li").count, vendor.cuecs.count)
            XCTAssertEqual(try xml.nodes(forXPath: "//ol[@class='questions']/li").count, vendor.questions.count)
            // Each question shows the evidence behind it.
            XCTAssertEqual(try xml.nodes(forXPath: "//ol[@class='questions']/li/figure[@class='evidence']").count,
                           vendor.questions.map(\.evidence.count).reduce(0, +))
            XCTAssertFalse(html.contains("<script"))
            XCTAssertEqual(html.components(separatedBy: "<rect class=\"gap\"").count - 1, vendor.gaps.count)
            XCTAssertTrue(html.contains("as of 2026-11-01"))
        }
        let corbel = VendorPage.render(view.vendors[0], asOf: view.asOf)
        XCTAssertTrue(corbel.contains(">gap 122 d</text>"))
        XCTAssertTrue(corbel.contains("<title>Gap: 2025-04-01 to 2025-07-31, 122 days</title>"))
        let index = try XMLDocument(data: Data(VendorIndex.render(view).utf8), options: [])
        XCTAssertEqual(try index.nodes(forXPath: "//tbody/tr/td/a").compactMap { ($0 as? XMLElement)?.attribute(forName: "href")?.stringValue },
                       ["vendor-corbel-metrics.html", "vendor-harwick-payroll.html", "vendor-acme.html"])
    }

    func testTimelineOfLongValidityLabelsAboutTwelveYears() throws {
        let inputs = [Self.document("c.txt", kind: .isoCertificate, type: nil, ["organization": "Old Ltd", "issue_date": "1950-01-01", "expiry_date": "2150-12-31"])]
            .map { VendorInput(document: $0, folder: nil) }
        let vendor = try XCTUnwrap(try Self.analyzer().analyze(inputs, asOf: Self.asOf).vendors.first)
        let svg = TimelineSVG.render(vendor, asOf: Self.asOf)
        // 1950 to 2151: a label every 17 years.
        XCTAssertEqual(svg.components(separatedBy: "fill=\"#333\">").count - 1, 12)
        XCTAssertTrue(svg.contains(">1950</text>") && svg.contains(">1967</text>") && !svg.contains(">1951</text>"))
        XCTAssertEqual(vendor.findings, [])
    }

    func testDocumentTextIsEscapedOnTheVendorPage() throws {
        let inputs = [Self.document("<b>.txt", kind: .soc2, type: .type2, ["service_organization": "Evil <script>alert(1)</script> & Co", "period_start": "2025-01-01", "period_end": "2025-12-31"])]
            .map { VendorInput(document: $0, folder: nil) }
        let vendor = try XCTUnwrap(try Self.analyzer().analyze(inputs, asOf: Self.asOf).vendors.first)
        let html = VendorPage.render(vendor, asOf: Self.asOf)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        XCTAssertNoThrow(try XMLDocument(data: Data(html.utf8), options: []))
    }
}
