import AssayCore
import AssayModel

/// The vendor findings, one small function per code, each reading the timeline, the consistency
/// checks or the documents and filling its template from `vendors/findings.yaml`.
struct VendorFindingRules {
    let rules: VendorRules
    let inputs: [VendorInput]
    let timeline: CoverageTimeline
    let consistency: [ConsistencyCheck]
    let claims: [VendorClaim]
    let asOf: ISODate

    func all() throws -> [VendorFinding] {
        var findings: [VendorFinding] = []
        findings += try coverageGaps()
        findings += try coverageOverlaps()
        findings += try noCurrentAssurance()
        findings += try bridgeWithoutReport()
        findings += try differences("legal_entity", code: "vendor.entity_mismatch", key: "names")
        findings += try differences("services", code: "vendor.scope_mismatch", key: "values")
        findings += try differences("sites", code: "vendor.sites_differ", key: "values")
        findings += try claimsNotProvided()
        findings += try unreadable()
        return findings.sorted { ($0.severity, $0.code, $0.message) < ($1.severity, $1.code, $1.message) }
    }

    /// Evidence of the spans on either side of an interval.
    private func evidence(_ interval: CoverageInterval) -> [VendorEvidence] {
        CoverageTimeline.unique(interval.between.flatMap { path in
            timeline.spans.filter { $0.path == path }.flatMap(\.evidence)
        })
    }

    func coverageGaps() throws -> [VendorFinding] {
        try timeline.gaps.map {
            try rules.finding("vendor.coverage_gap", ["start": "\($0.start)", "end": "\($0.end)", "days": "\($0.days)"], evidence: evidence($0))
        }
    }

    func coverageOverlaps() throws -> [VendorFinding] {
        try timeline.overlaps.map {
            try rules.finding("vendor.coverage_overlap", ["start": "\($0.start)", "end": "\($0.end)", "days": "\($0.days)"], evidence: evidence($0))
        }
    }

    /// Raised when neither a SOC period or bridge letter ends within the trailing tolerance before
    /// the as-of date nor a certificate is valid on it.
    func noCurrentAssurance() throws -> [VendorFinding] {
        let recentControls = timeline.coveredThrough.map { asOf.dayNumber - $0.dayNumber <= rules.tolerances.trailingGapDays } ?? false
        let validCertificate = timeline.spans.contains { $0.row == .certificate && $0.start <= asOf && asOf <= $0.end }
        guard !recentControls, !validCertificate else { return [] }
        let latest = timeline.spans.filter { $0.start <= asOf }.max { $0.end < $1.end }
        return [try rules.finding("vendor.no_current_assurance", ["as_of": "\(asOf)"], evidence: latest?.evidence ?? [])]
    }

    /// A bridge letter whose bridged report (its `bridged_period_end`, else the day before its own
    /// period) is not the end of any SOC period among the vendor's documents.
    func bridgeWithoutReport() throws -> [VendorFinding] {
        let reportEnds = Set(timeline.spans.filter { $0.row != .bridgeLetter && $0.row != .certificate }.map(\.end))
        var findings: [VendorFinding] = []
        for input in inputs where input.document.document.kind == .bridgeLetter && !input.document.isFailure {
            let fields = input.document.fields
            let path = input.document.source.path
            let stated = fields["bridged_period_end"].flatMap { field in ISODate(field.value.display).map { ($0, field.evidence) } }
            let derived = fields["period_start"].flatMap { field in ISODate(field.value.display).map { ($0.adding(days: -1), field.evidence) } }
            guard let (bridgedEnd, evidence) = stated ?? derived, !reportEnds.contains(bridgedEnd) else { continue }
            findings.append(try rules.finding("vendor.bridge_without_report", ["path": path, "bridged_end": "\(bridgedEnd)"],
                                              evidence: evidence.map { VendorEvidence(path: path, $0) }))
        }
        return findings
    }

    func differences(_ aspect: String, code: String, key: String) throws -> [VendorFinding] {
        guard let check = consistency.first(where: { $0.aspect == aspect }), check.status == .different else { return [] }
        // Each distinct value once, with the files (last path component) that state it.
        var order: [String] = []
        var files: [String: [String]] = [:]
        for value in check.values {
            if files[value.value] == nil { order.append(value.value) }
            files[value.value, default: []].append(String(value.path.split(separator: "/").last ?? Substring(value.path)))
        }
        let listed = order.map { "“\($0)” (\(files[$0, default: []].joined(separator: ", ")))" }.joined(separator: "; ")
        return [try rules.finding(code, [key: listed], evidence: check.values.flatMap(\.evidence))]
    }

    /// A trust-page claim that no document of the vendor's bears out: the document to ask for.
    func claimsNotProvided() throws -> [VendorFinding] {
        try claims.filter { $0.providedBy == nil }.map { claim in
            try rules.finding("vendor.claim_not_provided", ["path": claim.path, "claim": rules.phrase(claim)], evidence: claim.evidence)
        }
    }

    func unreadable() throws -> [VendorFinding] {
        try inputs.compactMap { input in
            guard let error = input.document.error else { return nil }
            return try rules.finding("vendor.document_unreadable", ["path": input.document.source.path, "code": error.code.rawValue], evidence: [])
        }
    }
}
