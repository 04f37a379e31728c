import AssayModel
import Foundation

/// The predicates for trust pages, over the claims the page makes: a SOC report whose auditor the
/// page does not name, an ISO certificate whose certification or accreditation body it does not
/// name, a withdrawn ISO edition, and a page so old that the SOC report it refers to is stale.
/// A page is the vendor's word, not evidence: each finding asks for the document behind the claim.
enum TrustFindingRules {
    static func evaluate(_ input: FindingInput) throws -> [RaisedFinding] {
        let document = input.document
        guard document.document.kind == .trustPage, !document.claims.isEmpty else { return [] }
        let compiled = try TrustPageRules.Compiled.shared(input.context.rules)
        let rules = compiled.rules
        let text = input.context.text
        let range = NSRange(location: 0, length: (text as NSString).length)
        var raised: [RaisedFinding] = []
        let reports = document.claims.filter(\.kind.isSOC)
        let certificates = document.claims.filter { $0.kind == .isoCertificate }
        func label(_ claim: Claim) -> String { claim.standard ?? claim.kind.label(claim.type) }
        if !reports.isEmpty,
           compiled.auditorNamed.firstMatch(in: text, range: range) == nil {
            raised.append(RaisedFinding(code: "trust.claim_auditor_not_named",
                                        values: ["names": reports.map(label).joined(separator: ", ")],
                                        evidence: reports.prefix(3).compactMap(\.evidence.first)))
        }
        if !certificates.isEmpty, !namesBody(withoutSchemes(text, compiled.reader.schemes), input.context.rules) {
            raised.append(RaisedFinding(code: "trust.claim_accreditation_unknown",
                                        values: ["names": certificates.map(label).joined(separator: ", ")],
                                        evidence: certificates.prefix(3).compactMap(\.evidence.first)))
        }
        for claim in certificates {
            guard let standard = claim.standard, case .withdrawn(let since) = input.editions.status(of: standard, at: input.asOf) else { continue }
            raised.append(RaisedFinding(code: "trust.claim_edition_withdrawn", values: ["standard": standard, "date": since.description],
                                        evidence: Array(claim.evidence.prefix(1))))
        }
        // A report whose period end the page gives, long past.
        let ended = reports.filter { claim in
            claim.periodEnd.flatMap(ISODate.init).map { $0.months(until: input.asOf) > input.thresholds.staleMonths } ?? false
        }
        // One finding per period end: a SOC 2 and a SOC 3 of the same period are one question.
        for end in Set(ended.compactMap { $0.periodEnd.flatMap(ISODate.init) }).sorted() {
            let same = ended.filter { $0.periodEnd.flatMap(ISODate.init) == end }
            raised.append(RaisedFinding(code: "trust.claim_period_stale",
                                        values: ["names": same.map(label).joined(separator: ", "), "period_end": end.description,
                                                 "months": String(Int(end.months(until: input.asOf)))],
                                        evidence: same.prefix(2).compactMap(\.evidence.last)))
        }
        if !reports.isEmpty, ended.isEmpty, let dated = pageDate(input.context, rules: rules) {
            let months = dated.date.months(until: input.asOf)
            if months > rules.stalePageMonths {
                raised.append(RaisedFinding(code: "trust.claim_report_stale",
                                            values: ["names": reports.map(label).joined(separator: ", "), "year": String(dated.date.year),
                                                     "months": String(Int(months))],
                                            evidence: dated.evidence.map { [$0] } ?? []))
            }
        }
        return raised
    }

    /// Whether the page names a certification body or an accreditation body it could be checked against.
    static func namesBody(_ text: String, _ rules: RuleBook) -> Bool {
        var names: [String] = []
        if let bodies = try? rules.load(CertificationBodies.self) {
            names += bodies.bodies.flatMap { [$0.name] + $0.aliases }
        }
        // An accreditation body's acronym ("CAI", "SAS") is also an acronym of many other things on
        // a web page: it counts only on a line that speaks of accreditation.
        var acronyms: [String] = []
        var stems: [String] = []
        if let bodies = try? rules.load(AccreditationBodies.self) {
            names += bodies.bodies.flatMap(\.names)
            acronyms = bodies.bodies.filter { $0.acronymAlone != false }.map(\.acronym)
            stems = bodies.accreditationStems
        }
        func found(_ name: String, in text: String) -> Bool {
            guard name.count >= 3 else { return false }
            let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: name) + "(?![\\p{L}\\p{N}])"
            return (try? NSRegularExpression(pattern: pattern))?.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
        }
        if names.contains(where: { found($0, in: text) }) { return true }
        return text.split(separator: "\n").contains { line in
            let lowered = line.lowercased()
            return stems.contains { lowered.contains($0) } && acronyms.contains { found($0, in: String(line)) }
        }
    }

    /// The text with every scheme name blanked out: "BSI C5" names a scheme, not the body BSI.
    static func withoutSchemes(_ text: String, _ schemes: [TrustScheme]) -> String {
        let blanked = NSMutableString(string: text)
        for scheme in schemes {
            for mention in scheme.mentions(in: text) {
                blanked.replaceCharacters(in: mention.range, with: String(repeating: " ", count: mention.range.length))
            }
        }
        return blanked as String
    }

    /// When the page was written: a date after an "effective date" / "last updated" cue, else the
    /// latest copyright year (read as its last day, the most favourable reading).
    static func pageDate(_ context: DocumentContext, rules: TrustPageRules) -> (date: ISODate, evidence: Evidence?)? {
        for line in context.body {
            let lowered = line.text.lowercased()
            guard rules.pageDateCues.contains(where: { lowered.contains($0) }),
                  let date = context.dates.dates(in: line.text, slashOrder: context.slashOrder ?? .dayFirst).first?.date else { continue }
            return (date, context.evidence(line: line))
        }
        guard let copyright = try? NSRegularExpression(pattern: "(?:©|\\(c\\)|copyright)[^\\n]{0,60}?\\b((?:19|20)\\d\\d)\\b|\\b((?:19|20)\\d\\d)\\b[^\\n]{0,3}$",
                                                       options: [.caseInsensitive]) else { return nil }
        var best: (date: ISODate, evidence: Evidence?)?
        for line in context.body where line.text.contains("©") || line.text.lowercased().contains("copyright") {
            let ns = line.text as NSString
            for match in copyright.matches(in: line.text, range: NSRange(location: 0, length: ns.length)) {
                let group = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                guard group.location != NSNotFound, let year = Int(ns.substring(with: group)),
                      let date = ISODate(year: year, month: 12, day: 31) else { continue }
                if best.map({ $0.date < date }) ?? true { best = (date, context.evidence(line: line)) }
            }
        }
        return best
    }
}
