import AssayCore
import AssayModel
import Foundation

/// `assay export oscal`: one OSCAL 1.1.2 assessment-results file per document read.
///
/// One file per document rather than per run, because a document is the unit GRC tools attach
/// evidence to: it has one hash, one as-of date and its own findings, and adding a document to a run
/// must not change the files of the others. Every UUID is a version 5 UUID of the file's SHA-256
/// and the record's path in the contract (`fields.opinion`, `exceptions[2]`), so the same file
/// read at the same as-of date gives the same bytes. The mapping is documented in docs/exports.md.
public enum OSCALExport {
    /// The `import-ap` href. OSCAL requires a link to the assessment plan; Assay reads documents
    /// without one, so the link is a fragment that resolves to nothing, documented as such.
    public static let noAssessmentPlan = "#assay-no-assessment-plan"

    /// The assessment-results for `document`, judged at `asOf`; nil for a document that could not be read.
    public static func build(_ document: AssayDocument, asOf: ISODate) -> OSCAL.File? {
        guard document.error == nil else { return nil }
        let builder = Builder(document: document, asOf: asOf)
        return OSCAL.File(assessmentResults: builder.assessmentResults())
    }

    /// The file's bytes: pretty-printed JSON with sorted keys and a final newline.
    public static func data(_ file: OSCAL.File) throws -> Data {
        var data = try ContractJSON.encode(file, pretty: true)
        data.append(0x0A)
        return data
    }

    /// The file name for `document`: its base name and the first 12 hex digits of its SHA-256, so two
    /// inputs with the same base name from different folders do not overwrite each other.
    public static func fileName(_ document: AssayDocument) -> String {
        let path = document.source.path
        var base = path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent
        base = String(base.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) ? Character($0) : "_" })
        let hash = (document.source.sha256 ?? "unknown").prefix(12)
        return "\(base).\(hash).oscal.json"
    }

    /// Today in UTC: the as-of date the pipeline judges findings at when none is given.
    public static func today() -> ISODate { FindingsMapper.today() }

    /// Whether an Assay finding's severity counts as an objective that is met: `info` findings are
    /// notes (CUECs to operate), not shortcomings.
    static func state(_ severity: Severity) -> String {
        severity == .info ? "satisfied" : "not-satisfied"
    }
}

/// Builds one assessment-results document; every UUID is keyed by the file hash and a record path.
private struct Builder {
    let document: AssayDocument
    let asOf: ISODate
    let sha256: String
    let collected: String
    let resourceUUID: String

    init(document: AssayDocument, asOf: ISODate) {
        self.document = document
        self.asOf = asOf
        sha256 = document.source.sha256 ?? "unknown"
        collected = "\(asOf.description)T00:00:00Z"
        resourceUUID = UUIDv5.assay("\(document.source.sha256 ?? "unknown")/source")
    }

    func uuid(_ path: String) -> String { UUIDv5.assay("\(sha256)/\(path)") }

    var organization: String {
        document.organization?.value.display.foldedWhitespace ?? ""
    }

    var kindLabel: String {
        OutlineVocabulary.kindCode(document.document.kind, document.document.type)
    }

    func assessmentResults() -> OSCAL.AssessmentResults {
        let name = document.source.path == "-" ? "standard input" : URL(fileURLWithPath: document.source.path).lastPathComponent
        let (observations, findings) = observationsAndFindings()
        var metadataProps = [OSCAL.Prop.assay("as-of", asOf.description), OSCAL.Prop.assay("sha256", sha256),
                             OSCAL.Prop.assay("document-kind", document.document.kind.rawValue)]
        if let type = document.document.type { metadataProps.append(.assay("report-type", type.rawValue)) }
        let subject = organization.isEmpty ? name : "\(organization) (\(name))"
        let result = OSCAL.Result(
            uuid: uuid("results[0]"),
            title: "Assay reading of \(kindLabel) \(subject)".foldedWhitespace,
            description: "What Assay \(AssayVersion.string) read from \(name) (SHA-256 \(sha256)) and the findings it raised at \(asOf.description). Each observation is one extracted fact with the page it was read from.",
            start: collected,
            props: [.assay("as-of", asOf.description)],
            reviewedControls: OSCAL.ReviewedControls(controlSelections: [
                OSCAL.ControlSelection(description: "Assay reviews the document as a whole; no control catalogue is imported.",
                                       includeAll: OSCAL.IncludeAll()),
            ]),
            observations: observations.isEmpty ? nil : observations,
            findings: findings.isEmpty ? nil : findings)
        var rlinkHref = document.source.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "-"
        if rlinkHref.isEmpty { rlinkHref = "-" }
        let resource = OSCAL.Resource(
            uuid: resourceUUID, title: name,
            props: [.assay("sha256", sha256)] + (document.source.pages.map { [.assay("pages", String($0))] } ?? []),
            rlinks: [OSCAL.RLink(href: rlinkHref, mediaType: document.source.mediaType,
                                 hashes: [OSCAL.Hash(algorithm: "SHA-256", value: sha256)])])
        return OSCAL.AssessmentResults(
            uuid: uuid("assessment-results"),
            metadata: OSCAL.Metadata(title: "Assay assessment results: \(subject)".foldedWhitespace, lastModified: collected,
                                     version: AssayVersion.string, oscalVersion: OSCAL.version, props: metadataProps),
            importAP: OSCAL.ImportAP(href: OSCALExport.noAssessmentPlan),
            results: [result],
            backMatter: OSCAL.BackMatter(resources: [resource]))
    }

    /// One observation per field, exception, subservice organisation, CUEC and trust-page claim (in
    /// that order, fields by key), then one finding per Assay finding, linked to the observations
    /// that share its evidence. A finding whose evidence no observation carries gets an observation
    /// of its own.
    func observationsAndFindings() -> ([OSCAL.Observation], [OSCAL.Finding]) {
        var observations: [OSCAL.Observation] = []
        var byEvidence: [Evidence: [String]] = [:]
        func add(path: String, kind: String, title: String, description: String, props: [OSCAL.Prop], evidence: [Evidence]) {
            let id = uuid(path)
            observations.append(OSCAL.Observation(
                uuid: id, title: title.foldedWhitespace, description: nonEmpty(description),
                props: [.assay("record-path", path), .assay("record-kind", kind)] + props.filter { !$0.value.isEmpty },
                methods: ["EXAMINE"], relevantEvidence: relevantEvidence(evidence), collected: collected))
            for item in evidence { byEvidence[item, default: []].append(id) }
        }
        for key in document.fields.keys.sorted() {
            guard let field = document.fields[key] else { continue }
            add(path: "fields.\(key)", kind: "field", title: "Field \(key)",
                description: "\(key): \(field.value.display)",
                props: [.assay("field", key), .assay("value", field.value.display), .assay("confidence", String(field.confidence))],
                evidence: field.evidence)
        }
        for (index, record) in document.exceptions.enumerated() {
            var lines = ["Control \(record.controlID ?? "(unnumbered)"): \(record.control)", "Test: \(record.test)",
                         "Deviation: \(record.deviation)"]
            if let response = record.managementResponse { lines.append("Management response: \(response)") }
            add(path: "exceptions[\(index)]", kind: "exception",
                title: "Exception \(index + 1)\(record.controlID.map { " (\($0))" } ?? "")", description: lines.joined(separator: "\n\n"),
                props: [.assay("control-id", record.controlID ?? ""), .assay("criteria", record.criteria.joined(separator: "; ")),
                        .assay("confidence", String(record.confidence))],
                evidence: record.evidence)
        }
        for (index, record) in document.subserviceOrganizations.enumerated() {
            add(path: "subservice_organizations[\(index)]", kind: "subservice-organization",
                title: "Subservice organisation \(record.name)",
                description: "\(record.name) (\(record.method.rawValue)): \(record.services)",
                props: [.assay("name", record.name), .assay("method", record.method.rawValue),
                        .assay("confidence", String(record.confidence))],
                evidence: record.evidence)
        }
        for (index, record) in document.cuecs.enumerated() {
            add(path: "cuecs[\(index)]", kind: "cuec", title: "Complementary user-entity control \(index + 1)",
                description: record.text,
                props: [.assay("criteria", record.criteria.joined(separator: "; ")), .assay("confidence", String(record.confidence))],
                evidence: record.evidence)
        }
        for (index, claim) in document.claims.enumerated() {
            let what = [claim.standard ?? claim.kind.rawValue, claim.type?.rawValue].compactMap { $0 }.joined(separator: " ")
            var dates: [String] = []
            if let end = claim.periodEnd { dates.append("period ending \(end)") }
            if let expiry = claim.expiryDate { dates.append("expiring \(expiry)") }
            add(path: "claims[\(index)]", kind: "claim", title: "Claimed \(what)",
                description: "The page says the vendor holds \(what)\(dates.isEmpty ? "" : " (\(dates.joined(separator: ", ")))").",
                props: [.assay("claim-kind", claim.kind.rawValue), .assay("confidence", String(claim.confidence))],
                evidence: claim.evidence)
        }
        var findings: [OSCAL.Finding] = []
        for (index, finding) in document.findings.enumerated() {
            var related: [String] = []
            for item in finding.evidence {
                for id in byEvidence[item] ?? [] where !related.contains(id) { related.append(id) }
            }
            if related.isEmpty, !finding.evidence.isEmpty {
                let path = "findings[\(index)].evidence"
                add(path: path, kind: "finding-evidence", title: "Evidence for \(finding.code)",
                    description: finding.evidence.map { "Page \($0.page): \($0.quote)" }.joined(separator: "\n\n"),
                    props: [.assay("finding-code", finding.code)], evidence: finding.evidence)
                related.append(uuid(path))
            }
            var description = finding.message
            if let followUp = finding.followUp { description += "\n\nFollow-up: \(followUp)" }
            findings.append(OSCAL.Finding(
                uuid: uuid("findings[\(index)]"), title: finding.code, description: nonEmpty(description),
                props: [.assay("finding-code", finding.code), .assay("severity", finding.severity.rawValue)],
                target: OSCAL.Target(type: "objective-id", targetID: finding.code,
                                     status: OSCAL.Status(state: OSCALExport.state(finding.severity))),
                relatedObservations: related.isEmpty ? nil : related.map(OSCAL.RelatedObservation.init)))
        }
        return (observations, findings)
    }

    /// Each evidence item as relevant-evidence pointing at the document's back-matter resource, with
    /// the file's SHA-256 and the page as props; a record without evidence still names the file.
    func relevantEvidence(_ evidence: [Evidence]) -> [OSCAL.RelevantEvidence] {
        let href = "#\(resourceUUID)"
        guard !evidence.isEmpty else {
            return [OSCAL.RelevantEvidence(href: href, description: "The document as a whole (SHA-256 \(sha256)).",
                                           props: [.assay("sha256", sha256)])]
        }
        return evidence.map { item in
            OSCAL.RelevantEvidence(
                href: href,
                description: "Page \(item.page) of the document (SHA-256 \(sha256)): \u{201C}\(item.quote.foldedWhitespace)\u{201D}",
                props: [.assay("sha256", sha256), .assay("page", String(item.page))])
        }
    }

    func nonEmpty(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "(no text)" : trimmed
    }
}
