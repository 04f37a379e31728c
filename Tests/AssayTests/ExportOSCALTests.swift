@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

final class ExportOSCALTests: XCTestCase {
    private let asOf = ISODate(year: 2026, month: 6, day: 30) ?? ISODate.reference

    private func extract(_ relative: String) -> AssayDocument {
        DocumentPipeline.extract(path: Repo.corpus(relative), label: "corpus/\(relative)",
                                 options: ExtractOptions(asOf: "2026-06-30"))
    }

    /// Vectors computed independently with Python's `uuid.uuid5`.
    func testUUIDv5MatchesKnownVectors() throws {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        XCTAssertEqual(UUIDv5.make(namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", name: "python.org"),
                       "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // uuid.uuid5(uuid.NAMESPACE_URL, "https://assay.invalid/ns/oscal") is the Assay namespace.
        XCTAssertEqual(UUIDv5.make(namespace: UUIDv5.urlNamespace, name: "https://assay.invalid/ns/oscal"), UUIDv5.assayNamespace)
        // uuid.uuid5(uuid.UUID("23346f67-d8e4-5af8-81df-0a0fafdca864"), "abc/fields.opinion")
        XCTAssertEqual(UUIDv5.assay("abc/fields.opinion"), "c1eb1232-002e-577e-bcef-83ed1d337c8d")
        XCTAssertNil(UUIDv5.make(namespace: "not-a-uuid", name: "x"))
    }

    func testSHA1KnownAnswers() {
        func hex(_ text: String) -> String { SHA1.digest(Array(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        XCTAssertEqual(hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d")
        // Two blocks after padding (FIPS 180-4 example).
        XCTAssertEqual(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    func testSOCReportExportIsDeterministicAndComplete() throws {
        let first = extract("soc2/corvane-analytics-soc2-type2-2026.pdf")
        let second = extract("soc2/corvane-analytics-soc2-type2-2026.pdf")
        let file = try XCTUnwrap(OSCALExport.build(first, asOf: asOf))
        let bytes = try OSCALExport.data(file)
        XCTAssertEqual(bytes, try OSCALExport.data(try XCTUnwrap(OSCALExport.build(second, asOf: asOf))), "byte-identical on a re-run")

        let sha = try XCTUnwrap(first.source.sha256)
        let results = file.assessmentResults
        XCTAssertEqual(results.uuid, UUIDv5.assay("\(sha)/assessment-results"))
        XCTAssertEqual(results.metadata.oscalVersion, "1.1.2")
        XCTAssertEqual(results.metadata.lastModified, "2026-06-30T00:00:00Z")
        XCTAssertEqual(results.importAP.href, "#assay-no-assessment-plan")
        XCTAssertEqual(results.results.count, 1)
        let result = try XCTUnwrap(results.results.first)
        let observations = result.observations ?? []
        let findings = result.findings ?? []

        // Every fact has an observation: fields, exceptions, subservice organisations, CUECs.
        XCTAssertGreaterThanOrEqual(observations.count,
                                    first.fields.count + first.exceptions.count + first.subserviceOrganizations.count + first.cuecs.count)
        let paths = observations.compactMap { $0.props.first { $0.name == "record-path" }?.value }
        XCTAssertTrue(paths.contains("fields.service_organization"))
        XCTAssertTrue(paths.contains("exceptions[0]"))
        XCTAssertTrue(paths.contains("subservice_organizations[0]"))
        XCTAssertTrue(paths.contains("cuecs[0]"))
        XCTAssertEqual(observations.first { $0.title == "Field service_organization" }?.uuid,
                       UUIDv5.assay("\(sha)/fields.service_organization"))

        // Every observation is EXAMINE, collected at the as-of date, and its evidence names the hash and page.
        let resource = try XCTUnwrap(results.backMatter?.resources.first)
        XCTAssertEqual(resource.rlinks.first?.hashes, [OSCAL.Hash(algorithm: "SHA-256", value: sha)])
        for observation in observations {
            XCTAssertEqual(observation.methods, ["EXAMINE"])
            XCTAssertEqual(observation.collected, "2026-06-30T00:00:00Z")
            XCTAssertFalse(observation.relevantEvidence.isEmpty)
            for evidence in observation.relevantEvidence {
                XCTAssertEqual(evidence.href, "#\(resource.uuid)")
                XCTAssertEqual(evidence.props.first { $0.name == "sha256" }?.value, sha)
                let page = try XCTUnwrap(evidence.props.first { $0.name == "page" }?.value, observation.title)
                XCTAssertTrue(evidence.description.hasPrefix("Page \(page) of the document (SHA-256 \(sha))"))
            }
        }
        let field = try XCTUnwrap(first.fields["service_organization"]?.evidence.first)
        let fieldObservation = try XCTUnwrap(observations.first { $0.title == "Field service_organization" })
        XCTAssertEqual(fieldObservation.relevantEvidence.first?.props.first { $0.name == "page" }?.value, String(field.page))

        // Every Assay finding is an OSCAL finding, in order, with its state and backing observations.
        XCTAssertEqual(findings.map(\.title), first.findings.map(\.code))
        XCTAssertEqual(findings.map(\.title), ["soc.exceptions_present", "soc.subservice_carved_out", "soc.cuecs_present"])
        XCTAssertEqual(findings.map(\.target.status.state), ["not-satisfied", "not-satisfied", "satisfied"])
        let ids = Set(observations.map(\.uuid))
        for finding in findings {
            XCTAssertEqual(finding.target.type, "objective-id")
            XCTAssertEqual(finding.target.targetID, finding.title)
            let related = try XCTUnwrap(finding.relatedObservations, finding.title)
            XCTAssertTrue(related.allSatisfy { ids.contains($0.observationUUID) })
        }
        let exceptionIDs = (0..<min(first.exceptions.count, 5)).map { UUIDv5.assay("\(sha)/exceptions[\($0)]") }
        XCTAssertEqual(findings.first?.relatedObservations?.map(\.observationUUID), exceptionIDs)

        // Every UUID is a version 5, RFC variant UUID, and none repeats.
        let all = [results.uuid, result.uuid, resource.uuid] + observations.map(\.uuid) + findings.map(\.uuid)
        XCTAssertEqual(Set(all).count, all.count)
        for uuid in all {
            XCTAssertNotNil(uuid.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression), uuid)
        }
        // Prop values are single-line, as OSCAL's string type requires.
        for prop in observations.flatMap(\.props) + findings.flatMap(\.props) {
            XCTAssertEqual(prop.value, prop.value.foldedWhitespace)
            XCTAssertFalse(prop.value.isEmpty)
            XCTAssertEqual(prop.ns, OSCAL.namespace)
        }
    }

    func testCertificateFindingsAndFileName() throws {
        let iso = extract("iso/harrowgate-iso27001-2022.pdf")
        let file = try XCTUnwrap(OSCALExport.build(iso, asOf: asOf))
        let findings = file.assessmentResults.results.first?.findings ?? []
        XCTAssertEqual(findings.map(\.title), iso.findings.map(\.code))
        XCTAssertEqual(findings.map(\.target.status.state), iso.findings.map { $0.severity == .info ? "satisfied" : "not-satisfied" })
        let sha = try XCTUnwrap(iso.source.sha256)
        XCTAssertEqual(OSCALExport.fileName(iso), "harrowgate-iso27001-2022.pdf.\(sha.prefix(12)).oscal.json")
        let json = try XCTUnwrap(String(data: try OSCALExport.data(file), encoding: .utf8))
        XCTAssertTrue(json.hasPrefix("{\n  \"assessment-results\" : {"))
        XCTAssertFalse(json.contains("null"), "absent members are left out, never null")
    }

    func testTrustPageClaimsAreObservations() throws {
        let page = extract("trust/halcyon-trust.html")
        XCTAssertGreaterThan(page.claims.count, 0)
        let sha = try XCTUnwrap(page.source.sha256)
        let observations = try XCTUnwrap(OSCALExport.build(page, asOf: asOf)?.assessmentResults.results.first?.observations)
        let claims = observations.filter { $0.props.contains(OSCAL.Prop.assay("record-kind", "claim")) }
        XCTAssertEqual(claims.map(\.uuid), page.claims.indices.map { UUIDv5.assay("\(sha)/claims[\($0)]") })
        XCTAssertEqual(claims.map { $0.props.first { $0.name == "claim-kind" }?.value }, page.claims.map(\.kind.rawValue))
        for (claim, observation) in zip(page.claims, claims) {
            XCTAssertEqual(observation.relevantEvidence.count, max(claim.evidence.count, 1))
            XCTAssertEqual(observation.relevantEvidence.first?.props.first { $0.name == "page" }?.value,
                           claim.evidence.first.map { String($0.page) })
        }
    }

    /// Every document in the corpus folders of certificates, SOC 1 / SOC 3 / Type I reports, bridge
    /// letters and trust pages: each Assay finding is an OSCAL finding, each observation's evidence
    /// names the file's hash and a page that the contract's evidence names too.
    func testEveryFindingOfTheCorpusFoldersIsAnOSCALFinding() throws {
        var documents = 0, findings = 0
        for folder in ["iso", "soc1", "soc2-type1", "soc3", "bridge", "trust"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Repo.corpus(folder))
                .filter { !$0.hasSuffix(".truth.json") }.sorted()
            for name in names {
                let document = extract("\(folder)/\(name)")
                let sha = try XCTUnwrap(document.source.sha256, name)
                let result = try XCTUnwrap(OSCALExport.build(document, asOf: asOf)?.assessmentResults.results.first, name)
                XCTAssertEqual(result.findings?.map(\.title) ?? [], document.findings.map(\.code), name)
                XCTAssertEqual(result.findings?.map(\.target.status.state) ?? [],
                               document.findings.map { $0.severity == .info ? "satisfied" : "not-satisfied" }, name)
                var cited: [Evidence] = document.fields.values.flatMap(\.evidence)
                cited += document.exceptions.flatMap(\.evidence)
                cited += document.subserviceOrganizations.flatMap(\.evidence)
                cited += document.cuecs.flatMap(\.evidence)
                cited += document.claims.flatMap(\.evidence)
                cited += document.findings.flatMap(\.evidence)
                let pages = Set(cited.map { String($0.page) })
                for evidence in (result.observations ?? []).flatMap(\.relevantEvidence) {
                    XCTAssertEqual(evidence.props.first { $0.name == "sha256" }?.value, sha, name)
                    let page = try XCTUnwrap(evidence.props.first { $0.name == "page" }?.value, name)
                    XCTAssertTrue(pages.contains(page), "\(name): page \(page)")
                }
                documents += 1
                findings += document.findings.count
            }
        }
        XCTAssertEqual(documents, 28)
        XCTAssertGreaterThan(findings, 0)
    }

    func testUnreadableDocumentHasNoFile() {
        let bad = extract("bad/truncated.pdf")
        XCTAssertNotNil(bad.error)
        XCTAssertNil(OSCALExport.build(bad, asOf: asOf))
    }
}
