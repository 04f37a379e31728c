import AssayModel
import Foundation

/// The service organisation (the addressee of the auditor's report, or the name its first
/// paragraph defines), the signing firm (the firm name standing alone in the signature block that
/// closes the report, or failing that a firm the report names in set phrases) and the report date
/// (the date under the restricted-use sentence or under the signature).
///
/// The signature block is looked for only inside the auditor's report, and from its end backwards,
/// so a subservice organisation or law firm named in passing earlier is never taken for the auditor.
/// Real signatures are often images: the city and date stay in the text layer, the firm does not.
public struct SOCPartiesExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try SOCFieldRules.load(context)
        let text = context.text as NSString
        let (opinionRange, hasSection) = SOCText.opinionRange(context, rules: rules)
        readOrganization(context, rules: rules, in: opinionRange, hasSection: hasSection, into: &result)
        readDate(context, rules: rules, in: opinionRange, into: &result)

        // The signature block: the last stand-alone firm line of the auditor's report.
        // A partner's own line ("Jane Doe, CPA") under the firm's is not the firm.
        let allFirms = rules.firmLine.matches(in: context.text, range: opinionRange)
        let firmsOnly = allFirms.filter { rules.individualSigner.firstMatch(in: context.text, range: $0.range) == nil }
        let firms = firmsOnly.isEmpty ? allFirms : firmsOnly
        let organization = result.fields["service_organization"]?.value.display.lowercased()
        if let match = firms.last(where: { m in
            let name = text.substring(with: m.range(at: 1)).lowercased()
            if SOCRegex.matches(rules.firmExclude, name) { return false }
            return organization.map { !name.contains($0) && !$0.contains(name) } ?? true
        }) {
            var name = SOCText.cleanName(text.substring(with: match.range(at: 1)))
            var nameRange = match.range(at: 1)
            // A heading such as "Tests Performed by Acme LLP" ends in a firm but is not one.
            if let by = name.range(of: #"\b(?:performed|prepared|issued|tested|applied|audited|examined) by\s+"#, options: [.regularExpression, .caseInsensitive]) {
                let cut = (String(name[..<by.upperBound]) as NSString).length
                name = String(name[by.upperBound...])
                nameRange = NSRange(location: nameRange.location + cut, length: max(0, nameRange.length - cut))
            }
            let named = rules.auditorNamed.firstMatch(in: context.text, range: SOCText.range(context, pages: 1, 2))
                .map { SOCText.cleanName(text.substring(with: $0.range(at: 1))) }
            let agrees = named.map { $0.lowercased() == name.lowercased() } ?? false
            if let evidence = context.evidence(for: nameRange) {
                result.set("service_auditor", name, confidence: hasSection ? (agrees ? 0.97 : 0.93) : 0.85, evidence: [evidence])
            }
            // The report date: the first date within a few lines under the signature.
            let after = NSRange(location: match.range.location, length: min(300, text.length - match.range.location))
            if result.fields["report_date"] == nil,
               let date = context.dates.firstDate(in: text.substring(with: after), slashOrder: context.slashOrder ?? .monthFirst) {
                let range = NSRange(location: after.location + date.range.location, length: date.range.length)
                if let evidence = context.evidence(for: range) {
                    result.set("report_date", date.date.description, confidence: date.isAmbiguous ? 0.6 : 0.93, evidence: [evidence])
                }
            }
        } else if let match = rules.auditorNamed.firstMatch(in: context.text, range: SOCText.range(context, pages: 1, 2)),
                  let evidence = context.evidence(for: match.range(at: 1)) {
            result.set("service_auditor", SOCText.cleanName(text.substring(with: match.range(at: 1))), confidence: 0.8, evidence: [evidence])
        } else if let (name, range) = mentionedFirm(context, rules: rules) ?? individualSigner(context, rules: rules, in: opinionRange),
                  let evidence = context.evidence(for: range) {
            result.set("service_auditor", name, confidence: 0.8, evidence: [evidence])
        }
    }

    /// The addressee ("To the Management of Acme", "To: Acme", the name on the line after "To the
    /// Management of"), then the name the opinion defines as "the Service Organization", then the
    /// possessive after "We have examined".
    func readOrganization(_ context: DocumentContext, rules: SOCFieldRules, in range: NSRange, hasSection: Bool,
                          into result: inout ExtractionResult) {
        let text = context.text as NSString
        let flat = SOCText.flatText(context) as NSString
        let tries: [(NSRegularExpression, NSString, Double)] = [
            (rules.addressee, text, hasSection ? 0.95 : 0.9),
            (rules.addresseeLine, text, 0.9),
            (rules.addresseeNext, text, 0.9),
            (rules.serviceOrganizationNamed, flat, 0.88),
            (rules.examined, text, 0.8),
            (rules.opinionPossessive, flat, 0.75),
        ]
        for (regex, source, confidence) in tries {
            guard let match = regex.firstMatch(in: source as String, range: range),
                  let raw = SOCRegex.group(match, 1, in: source) else { continue }
            var name = SOCText.cleanName(raw)
            var nameRange = match.range(at: 1)
            var confidence = confidence
            if let end = SOCRegex.firstMatch(rules.organizationEnd, name), let cut = SOCRegex.group(end, 1, in: name as NSString) {
                name = cut
                nameRange.length = min(nameRange.length, (cut as NSString).length)
                confidence = min(confidence, 0.85)
            }
            guard name.count >= 2, name.split(separator: " ").count <= 10,
                  let evidence = context.evidence(for: nameRange) else { continue }
            result.set("service_organization", name, confidence: confidence, evidence: [evidence])
            return
        }
    }

    /// The report date: a date standing on its own line (or after "Date:") within a few lines
    /// after the last restricted-use sentence of the report, past the city and signature lines.
    func readDate(_ context: DocumentContext, rules: SOCFieldRules, in range: NSRange, into result: inout ExtractionResult) {
        let flat = SOCText.flatText(context)
        guard let sentence = rules.restrictedUse.matches(in: flat, range: range).last else { return }
        let first = context.bodyIndex(at: NSMaxRange(sentence.range)) + 1
        guard first < context.body.count else { return }
        for index in first..<min(context.body.count, first + 8) {
            let line = context.body[index].text.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}")))
            guard let date = context.dates.firstDate(in: line, slashOrder: context.slashOrder ?? .monthFirst) else { continue }
            let rest = (line as NSString).replacingCharacters(in: date.range, with: "")
                .trimmingCharacters(in: CharacterSet.whitespaces.union(.punctuationCharacters))
            guard rest.isEmpty || ["date", "dated"].contains(rest.lowercased()) || SOCRegex.firstMatch(rules.dateCity, rest) != nil else { return }
            let lead = (context.body[index].text as NSString).range(of: line).location
            let at = NSRange(location: context.lineStart(index) + max(0, lead) + date.range.location, length: date.range.length)
            if let evidence = context.evidence(for: at) {
                result.set("report_date", date.date.description, confidence: date.isAmbiguous ? 0.6 : 0.93, evidence: [evidence])
            }
            return
        }
    }

    /// A firm named by one of the report's set phrases ("rights against Acme LLP", "Tests Performed
    /// by Acme LLP"), when the signature itself is an image. The most frequent name wins.
    func mentionedFirm(_ context: DocumentContext, rules: SOCFieldRules) -> (String, NSRange)? {
        let flat = context.text
        let whole = NSRange(location: 0, length: (flat as NSString).length)
        var counts: [String: (count: Int, name: String, range: NSRange)] = [:]
        for regex in rules.auditorMentions {
            for match in regex.matches(in: flat, range: whole) {
                guard let raw = SOCRegex.group(match, 1, in: flat as NSString) else { continue }
                let name = SOCText.cleanName(raw)
                let key = Matching.normalizedName(name)
                guard !key.isEmpty else { continue }
                let entry = counts[key]
                counts[key] = ((entry?.count ?? 0) + 1, entry?.name ?? name, entry?.range ?? match.range(at: 1))
            }
        }
        guard let best = counts.values.max(by: { $0.count != $1.count ? $0.count < $1.count : $0.range.location > $1.range.location })
        else { return nil }
        return (best.name, best.range)
    }

    /// A sole practitioner's signature line ("Jane Doe, Certified Public Accountant") in the report.
    func individualSigner(_ context: DocumentContext, rules: SOCFieldRules, in range: NSRange) -> (String, NSRange)? {
        guard let match = rules.individualSigner.matches(in: context.text, range: range).last else { return nil }
        let line = match.range
        let text = (context.text as NSString).substring(with: line)
            .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}")))
        let lead = ((context.text as NSString).substring(with: line) as NSString).range(of: text).location
        return (SOCText.cleanName(text), NSRange(location: line.location + max(0, lead), length: (text as NSString).length))
    }
}
