import AssayModel
import Foundation

/// `extractors/trust/page.yaml`.
struct TrustPageRules: Decodable, Sendable {
    var version: Int
    var heading_max_length: Int
    var card_lines: Int
    var soc_pattern: String
    var negations: [String]
    var expiry_cues: [String]
}

/// Reads a trust-centre page: the vendor's name and each report or certificate it claims, with the
/// period end or expiry the page gives. A claim comes from a short heading line ("SOC 2 Type II",
/// "ISO/IEC 27001:2022 certified"); its dates from the lines under it, up to the next heading.
/// Headings whose card says the vendor does not hold it yet ("in progress") are not claims.
public struct TrustPageExtractor: DocumentExtractor {
    public init() {}

    public var kinds: Set<DocumentKind> { [.trustPage] }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try context.rules.load(TrustPageRules.self, from: "trust/page.yaml")
        let certificate = try context.rules.load(CertificateRules.self, from: "iso/certificate.yaml")
        let forms = try context.rules.load(LegalForms.self, from: "bodies/legal_forms.yaml")
        let soc: NSRegularExpression
        let standard: NSRegularExpression
        do { soc = try NSRegularExpression(pattern: rules.soc_pattern, options: [.caseInsensitive]) } catch {
            throw RuleError(file: "trust/page.yaml", key: "soc_pattern", message: "is not a valid regular expression")
        }
        do { standard = try NSRegularExpression(pattern: certificate.standard_pattern) } catch {
            throw RuleError(file: "iso/certificate.yaml", key: "standard_pattern", message: "is not a valid regular expression")
        }
        let anyStandard = try NSRegularExpression(pattern: "\\b(?:ISO(?:/IEC)?|IEC)\\s*\\d{4,5}")
        readOrganization(context, pattern: try forms.namePattern(), into: &result)

        let lines = context.body
        func mentions(_ text: String, _ regex: NSRegularExpression) -> [NSTextCheckingResult] {
            regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
        }
        let headings = lines.indices.filter { index in
            let text = lines[index].text.trimmingCharacters(in: .whitespaces)
            guard text.count <= rules.heading_max_length, !text.hasSuffix("?") else { return false }
            return !mentions(text, soc).isEmpty || !mentions(text, anyStandard).isEmpty
        }
        var seen: Set<String> = []
        for (position, index) in headings.enumerated() {
            let heading = lines[index]
            let next = position + 1 < headings.count ? headings[position + 1] : lines.count
            let card = lines[(index + 1)..<min(next, index + 1 + rules.card_lines)]
            // Sentences in the card (and the heading) decide whether it is held; short labels
            // ("In progress") sit above the next card's heading, so only the one right above counts.
            var statements = [heading.text] + card.filter { $0.text.split(separator: " ").count >= 5 }.map(\.text)
            if index > 0, lines[index - 1].text.split(separator: " ").count <= 3 { statements.append(lines[index - 1].text) }
            let negated = statements.contains { text in rules.negations.contains { text.lowercased().contains($0) } }
            if negated { continue }
            let cardLines = [heading] + Array(card)
            let cardText = cardLines.map(\.text).joined(separator: "\n")
            let dates = context.dates.dates(in: cardText, slashOrder: context.slashOrder ?? .dayFirst)
            let latestMention = dates.max { $0.date < $1.date }
            let latest = latestMention?.date
            var expiryMention: DateMention?
            let lowered = cardText.lowercased() as NSString
            for cue in rules.expiry_cues {
                let range = lowered.range(of: cue)
                guard range.location != NSNotFound else { continue }
                if let after = dates.first(where: { $0.range.location >= range.location }) { expiryMention = after; break }
            }
            let expiry = expiryMention?.date
            // The heading names the claim; the card line that states its date, when another, backs the date.
            func evidence(dated mention: DateMention?) -> [Evidence] {
                var offset = 0
                for (position, line) in cardLines.enumerated() {
                    let length = (line.text as NSString).length + 1
                    if let mention, mention.range.location >= offset, mention.range.location < offset + length, position > 0 {
                        return [context.evidence(line: heading), context.evidence(line: line)]
                    }
                    offset += length
                }
                return [context.evidence(line: heading)]
            }
            let ns = heading.text as NSString
            for match in mentions(heading.text, soc) {
                guard let number = Int(ns.substring(with: match.range(at: 1))) else { continue }
                let kind: DocumentKind = number == 1 ? .soc1 : number == 2 ? .soc2 : .soc3
                // The contract gives SOC 3 reports type2 (they are always on a period).
                var type: ReportType? = kind == .soc3 ? .type2 : nil
                if kind != .soc3, match.range(at: 2).location != NSNotFound {
                    type = ["1", "I"].contains(ns.substring(with: match.range(at: 2)).uppercased()) ? .type1 : .type2
                }
                let key = "\(kind.rawValue)/\(type?.rawValue ?? "-")"
                guard seen.insert(key).inserted else { continue }
                result.claims.append(Claim(kind: kind, type: type, standard: nil, periodEnd: latest?.description, expiryDate: nil,
                                           confidence: latest == nil ? 0.7 : 0.85, evidence: evidence(dated: latestMention)))
            }
            for match in mentions(heading.text, standard) {
                let prefix = ns.substring(with: match.range(at: 1)).replacingOccurrences(of: " ", with: "")
                let designation = "\(prefix) \(ns.substring(with: match.range(at: 2))):\(ns.substring(with: match.range(at: 3)))"
                guard !certificate.not_certified.contains(ns.substring(with: match.range(at: 2))),
                      seen.insert(designation).inserted else { continue }
                let until = expiry ?? latest
                result.claims.append(Claim(kind: .isoCertificate, type: nil, standard: designation, periodEnd: nil,
                                           expiryDate: until?.description, confidence: until == nil ? 0.7 : 0.85,
                                           evidence: evidence(dated: expiryMention ?? latestMention)))
            }
        }
    }

    /// The vendor: the registered name the page repeats most.
    private func readOrganization(_ context: DocumentContext, pattern: NSRegularExpression, into result: inout ExtractionResult) {
        var counts: [String: (count: Int, name: String, range: NSRange)] = [:]
        let ns = context.text as NSString
        for match in pattern.matches(in: context.text, range: NSRange(location: 0, length: ns.length)) {
            var name = ns.substring(with: match.range)
            var range = match.range
            // Drop what the name pattern lets in front: years, "©".
            while let first = name.split(separator: " ").first, first.allSatisfy({ $0.isNumber || $0 == "©" }) {
                let cut = first.count + 1
                name = String(name.dropFirst(cut))
                range = NSRange(location: range.location + cut, length: range.length - cut)
            }
            guard name.count > 3 else { continue }
            let key = Matching.normalizedName(name)
            let entry = counts[key]
            counts[key] = (count: (entry?.count ?? 0) + 1, name: entry?.name ?? name, range: entry?.range ?? range)
        }
        guard let best = counts.values.max(by: { $0.count != $1.count ? $0.count < $1.count : $0.range.location > $1.range.location }) else { return }
        result.set("service_organization", best.name, confidence: best.count >= 2 ? 0.88 : 0.7,
                   evidence: context.evidence(for: best.range).map { [$0] } ?? [])
    }
}
