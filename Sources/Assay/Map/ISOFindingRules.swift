import AssayModel

/// The predicates for ISO certificates: expiry, edition, accreditation, validity, dates, scope, SoA, surveillance.
enum ISOFindingRules {
    static func evaluate(_ input: FindingInput, iafSignatories: Set<String>?) -> [RaisedFinding] {
        let document = input.document
        guard document.document.kind == .isoCertificate else { return [] }
        var raised: [RaisedFinding] = []
        let issue = input.date("issue_date")
        let expiry = input.date("expiry_date")
        let original = input.date("original_certification_date")
        if let expiry, expiry < input.asOf {
            raised.append(RaisedFinding(code: "iso.expired", values: ["expiry_date": expiry.description], evidence: input.evidence("expiry_date")))
        }
        for standard in document.fields["standards"]?.value.strings ?? [] {
            switch input.editions.status(of: standard, at: input.asOf) {
            case .withdrawn:
                raised.append(RaisedFinding(code: "iso.edition_withdrawn", values: ["standard": standard], evidence: input.evidence("standards")))
            case .unknown:
                raised.append(RaisedFinding(code: "iso.edition_unknown", values: ["standard": standard], evidence: input.evidence("standards")))
            case .current, .unlisted:
                break
            }
        }
        if let body = input.text("accreditation_body") {
            if let iafSignatories, !iafSignatories.contains(Matching.normalizedName(body)) {
                raised.append(RaisedFinding(code: "iso.accreditation_not_iaf", values: ["body": body], evidence: input.evidence("accreditation_body")))
            }
        } else {
            raised.append(RaisedFinding(code: "iso.accreditation_missing", values: [:], evidence: []))
        }
        if let issue, let expiry, expiry.dayNumber - issue.dayNumber > input.thresholds.max_validity_days {
            raised.append(RaisedFinding(code: "iso.validity_too_long", values: ["issue_date": issue.description, "expiry_date": expiry.description],
                                        evidence: input.evidence("issue_date", "expiry_date")))
        }
        var contradictions: [String] = []
        if let issue, let expiry, expiry <= issue { contradictions.append("expiry \(expiry) is not after issue \(issue)") }
        if let original, let issue, original > issue { contradictions.append("original certification \(original) is after issue \(issue)") }
        if let original, let expiry, expiry <= original { contradictions.append("expiry \(expiry) is not after original certification \(original)") }
        if !contradictions.isEmpty {
            raised.append(RaisedFinding(code: "iso.dates_inconsistent", values: ["names": contradictions.joined(separator: "; ")],
                                        evidence: input.evidence("issue_date", "expiry_date", "original_certification_date")))
        }
        if document.fields["soa_reference"] == nil {
            raised.append(RaisedFinding(code: "iso.soa_missing", values: [:], evidence: []))
        }
        // Surveillance audits fall on the anniversaries of the cycle's start; flag one due soon or overdue.
        if let anchor = issue ?? original, let expiry, input.asOf < expiry {
            var next = anchor
            while next <= input.asOf, let moved = ISODate(year: next.year + 1, month: next.month, day: min(next.day, 28)) { next = moved }
            let days = next.dayNumber - input.asOf.dayNumber
            if days <= input.thresholds.surveillance_window_days && next < expiry {
                raised.append(RaisedFinding(code: "iso.surveillance_due", values: ["names": next.description], evidence: input.evidence("issue_date")))
            }
        }
        return raised
    }
}

/// Scope fit: the services and sites the customer buys must be named by the scope or locations.
enum ScopeFindingRules {
    static func evaluate(_ input: FindingInput) -> [RaisedFinding] {
        let document = input.document
        guard document.document.kind != .unknown, document.document.kind != .trustPage else { return [] }
        let scope = ([input.text("scope"), input.text("system_name")].compactMap { $0 } + (document.fields["locations"]?.value.strings ?? []))
            .joined(separator: " ").lowercased()
        let locations = ((document.fields["locations"]?.value.strings ?? []) + [input.text("scope") ?? ""]).joined(separator: " ").lowercased()
        var raised: [RaisedFinding] = []
        for service in input.options.services where !scope.contains(service.lowercased()) {
            raised.append(RaisedFinding(code: "scope.service_not_covered", values: ["names": service], evidence: input.evidence("scope")))
        }
        for site in input.options.sites where !locations.contains(site.lowercased()) {
            raised.append(RaisedFinding(code: "scope.site_not_covered", values: ["names": site], evidence: input.evidence("locations", "scope")))
        }
        return raised
    }
}
