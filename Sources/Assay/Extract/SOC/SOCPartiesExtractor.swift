import AssayModel
import Foundation

/// The service organisation (the addressee of the auditor's report), the signing firm (the firm
/// name standing alone in the signature block that closes the opinion section) and the report date
/// (the first date under that signature).
///
/// The signature block is looked for only inside the auditor's report, and from its end backwards,
/// so a subservice organisation or law firm named in passing earlier is never taken for the auditor.
public struct SOCPartiesExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try SOCFieldRules.load(context)
        let text = context.text as NSString
        let opinionRange = SOCText.range(context, section: "auditor_opinion", fallbackPages: 6)
        let hasSection = context.section("auditor_opinion") != nil

        if let match = rules.addressee.firstMatch(in: context.text, range: opinionRange) {
            let name = SOCText.cleanName(text.substring(with: match.range(at: 1)))
            if !name.isEmpty, let evidence = context.evidence(for: match.range(at: 1)) {
                result.set("service_organization", name, confidence: hasSection ? 0.95 : 0.88, evidence: [evidence])
            }
        } else if let match = rules.examined.firstMatch(in: context.text, range: opinionRange),
                  let evidence = context.evidence(for: match.range(at: 1)) {
            result.set("service_organization", SOCText.cleanName(text.substring(with: match.range(at: 1))),
                       confidence: 0.8, evidence: [evidence])
        }

        // The signature block: the last stand-alone firm line of the auditor's report.
        let firms = rules.firmLine.matches(in: context.text, range: opinionRange)
        let organization = result.fields["service_organization"]?.value.display.lowercased()
        if let match = firms.last(where: { m in
            let name = text.substring(with: m.range(at: 1)).lowercased()
            if SOCRegex.matches(rules.firmExclude, name) { return false }
            return organization.map { !name.contains($0) && !$0.contains(name) } ?? true
        }) {
            let name = SOCText.cleanName(text.substring(with: match.range(at: 1)))
            let named = rules.auditorNamed.firstMatch(in: context.text, range: SOCText.range(context, pages: 1, 2))
                .map { SOCText.cleanName(text.substring(with: $0.range(at: 1))) }
            let agrees = named.map { $0.lowercased() == name.lowercased() } ?? false
            if let evidence = context.evidence(for: match.range(at: 1)) {
                result.set("service_auditor", name, confidence: hasSection ? (agrees ? 0.97 : 0.93) : 0.85, evidence: [evidence])
            }
            // The report date: the first date within a few lines under the signature.
            let after = NSRange(location: match.range.location, length: min(300, text.length - match.range.location))
            if let date = context.dates.firstDate(in: text.substring(with: after), slashOrder: context.slashOrder ?? .monthFirst) {
                let range = NSRange(location: after.location + date.range.location, length: date.range.length)
                if let evidence = context.evidence(for: range) {
                    result.set("report_date", date.date.description, confidence: date.isAmbiguous ? 0.6 : 0.93, evidence: [evidence])
                }
            }
        } else if let match = rules.auditorNamed.firstMatch(in: context.text, range: SOCText.range(context, pages: 1, 2)),
                  let evidence = context.evidence(for: match.range(at: 1)) {
            result.set("service_auditor", SOCText.cleanName(text.substring(with: match.range(at: 1))), confidence: 0.8, evidence: [evidence])
        }
    }
}
