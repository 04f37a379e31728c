import AssayModel
import Foundation

/// The predicates for ISO certificates: expiry, edition, accreditation, validity, dates, scope, SoA, surveillance.
enum ISOFindingRules {
    static func evaluate(_ input: FindingInput, iafSignatories: Set<String>?) throws -> [RaisedFinding] {
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
        if let issue, let expiry, expiry.dayNumber - issue.dayNumber > input.thresholds.maxValidityDays {
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
        if let scope = input.text("scope"), let holder = input.text("organization"),
           let other = try otherOrganization(inScope: scope, holder: holder, rules: input.context.rules) {
            raised.append(RaisedFinding(code: "iso.scope_other_organization", values: ["names": other], evidence: input.evidence("scope")))
        }
        let standards = document.fields["standards"]?.value.strings ?? []
        let needsSoA = standards.contains { standard in input.catalogue.soaStandards.contains { standard.contains($0) } }
        if document.fields["soa_reference"] == nil && needsSoA {
            raised.append(RaisedFinding(code: "iso.soa_missing", values: [:], evidence: []))
        }
        if let finding = CertificateOCRRule.evaluate(input) { raised.append(finding) }
        if let (due, evidence) = printedSurveillanceDate(input), input.expiryOrFuture(expiry),
           due.dayNumber - input.asOf.dayNumber <= input.thresholds.surveillanceWindowDays {
            raised.append(RaisedFinding(code: "iso.surveillance_due", values: ["names": due.description], evidence: evidence.map { [$0] } ?? []))
        }
        return raised
    }
}

/// A certificate read from page images (scanned, or a text layer that did not match the page):
/// its values are OCR's reading and deserve a look at the image.
enum CertificateOCRRule {
    static func evaluate(_ input: FindingInput) -> RaisedFinding? {
        let pages = input.context.paged.pages.filter { $0.textLayer == .ocr }.map(\.number)
        guard !pages.isEmpty else { return nil }
        return RaisedFinding(code: "certificate.read_by_ocr", values: ["names": pages.map(String.init).joined(separator: ", ")], evidence: [])
    }
}

/// Certificates of other schemes (`other_assurance`): expiry, and OCR reading. Accreditation and
/// edition rules are ISO's and do not apply.
enum OtherAssuranceFindingRules {
    static func evaluate(_ input: FindingInput) -> [RaisedFinding] {
        guard input.document.document.kind == .otherAssurance else { return [] }
        var raised: [RaisedFinding] = []
        let scheme = input.document.fields["standards"]?.value.strings.first ?? input.text("scheme") ?? "scheme"
        if let expiry = input.date("expiry_date"), expiry < input.asOf {
            raised.append(RaisedFinding(code: "other.expired", values: ["expiry_date": expiry.description, "scheme": scheme],
                                        evidence: input.evidence("expiry_date")))
        }
        if let finding = CertificateOCRRule.evaluate(input) { raised.append(finding) }
        return raised
    }
}

/// The next surveillance audit date when the certificate prints one. Certificates that only say
/// "subject to annual surveillance" give no date, and guessing anniversaries would flag nearly all.
private func printedSurveillanceDate(_ input: FindingInput) -> (ISODate, Evidence?)? {
    let label = input.surveillanceLabel
    let text = input.context.text as NSString
    for match in label.matches(in: input.context.text, range: NSRange(location: 0, length: text.length)) {
        let start = match.range.location + match.range.length
        let window = NSRange(location: start, length: min(120, text.length - start))
        let following = text.substring(with: window)
        if let mention = input.context.dates.firstDate(in: following, slashOrder: input.context.slashOrder ?? .dayFirst) {
            let range = NSRange(location: match.range.location, length: start - match.range.location + mention.range.location + mention.range.length)
            return (mention.date, input.context.evidence(for: range))
        }
    }
    return nil
}

/// A registered name (words ending in a legal form) in the scope that shares no distinctive word
/// with the certificate holder's name.
private func otherOrganization(inScope scope: String, holder: String, rules: RuleBook) throws -> String? {
    let pattern = try rules.load(LegalForms.self).namePattern()
    let holderWords = Matching.words(Matching.normalizedName(holder))
    let ns = scope as NSString
    for match in pattern.matches(in: scope, range: NSRange(location: 0, length: ns.length)) {
        let candidate = ns.substring(with: match.range)
        let words = Matching.words(Matching.normalizedName(candidate))
        if !words.isEmpty && words.isDisjoint(with: holderWords) { return candidate }
    }
    return nil
}

extension FindingInput {
    /// True when the certificate has not expired at the as-of date (or states no expiry).
    func expiryOrFuture(_ expiry: ISODate?) -> Bool { expiry.map { asOf < $0 } ?? true }
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
