import AssayModel
import Foundation

/// `extractors/other/audit_report.yaml`: the labels of an audit report's cover form.
struct AuditReportRules: RuleFile, Sendable {
    package static let version = 1
    var version: Int
    var reportWindow: Int
    var reportWords: [String]
    var labels: [String: [String]]
    var otherLabels: [String]
    var locationLeads: [String]
    var maxSiteWords: Int
    var dateLineConnectors: [String]
    var sentenceEnd: String

    package static let file = "other/audit_report.yaml"

    /// The patterns built from the lists; a list that builds no valid pattern is an error naming its key.
    struct Compiled: Sendable {
        /// Every label of a field or of `other_labels`, followed by a colon.
        var label: NSRegularExpression
        var fieldOfLabel: [String: String]
        var reportWord: NSRegularExpression
        var locationLead: NSRegularExpression
        var site: NSRegularExpression
        var dateLine: NSRegularExpression
        var sentenceEnd: NSRegularExpression
    }

    /// The patterns compiled once per rule book: only documents of no known kind are read as audit
    /// reports, and `RuleWarmUp` builds them for those while the document is analysed.
    static func compiled(_ book: RuleBook) throws -> (rules: AuditReportRules, compiled: Compiled) {
        try book.built(file) { book in
            let rules = try book.load(AuditReportRules.self, from: file)
            return (rules, try rules.compiled())
        }
    }

    func compiled() throws -> Compiled {
        func alternation(_ words: [String]) -> String {
            Set(words.map { $0.lowercased() }).sorted { ($0.count, $0) > ($1.count, $1) }
                .map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: " ", with: "\\s+") }
                .joined(separator: "|")
        }
        func compile(_ pattern: String, key: String) throws -> NSRegularExpression {
            do { return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
                throw RuleError(file: Self.file, key: key, message: "does not build a valid regular expression")
            }
        }
        var fieldOfLabel: [String: String] = [:]
        for label in otherLabels { fieldOfLabel[Self.key(label)] = "other" }
        for (field, list) in labels.sorted(by: { $0.key < $1.key }) {
            for label in list { fieldOfLabel[Self.key(label)] = field }
        }
        let word = "[\\p{L}\\p{M}][\\p{L}\\p{M}\\-.'’]*"
        let qualifier = "\\([\\p{L}\\p{M}.\\- ]{1,15}\\)"
        let upper = "\\p{Lu}[\\p{L}\\p{M}\\-.'’]*"
        return Compiled(
            label: try compile("(?<![\\p{L}\\p{N}])(?:\(alternation(Array(fieldOfLabel.keys))))\\.?[ \\t]*:", key: "labels"),
            fieldOfLabel: fieldOfLabel,
            reportWord: try compile("(?<![\\p{L}])(?:\(alternation(reportWords)))(?![\\p{L}])", key: "report_words"),
            locationLead: try compile("(?<![\\p{L}])(?:\(alternation(locationLeads)))(?![\\p{L}])[ \\t]*:?", key: "location_leads"),
            // A place (capitalised words, perhaps a short qualifier in brackets) and a bracket after it.
            site: try compile("\\G[\\s,;]*(\(upper)(?:[ \\t]+(?:\(word)|\(qualifier))){0,\(max(0, maxSiteWords - 1))})[ \\t]*\\(([^()\\n]{3,80})\\)",
                              key: "max_site_words"),
            dateLine: try compile("(?<![\\p{L}])\(upper)(?:[ \\t]+(?:\(upper)|\(qualifier))){0,2},[ \\t]*(?:(?:\(alternation(dateLineConnectors)))[ \\t]+)?$",
                                  key: "date_line_connectors"),
            sentenceEnd: try compile(sentenceEnd, key: "sentence_end"))
    }

    static func key(_ label: String) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case reportWindow = "report_window"
        case reportWords = "report_words"
        case labels
        case otherLabels = "other_labels"
        case locationLeads = "location_leads"
        case maxSiteWords = "max_site_words"
        case dateLineConnectors = "date_line_connectors"
        case sentenceEnd = "sentence_end"
    }
}

/// Reads an audit report that is neither a SOC report nor a certificate — a report on technical
/// and organisational measures, an ISAE 3000 attestation, a data-centre inspection — from the
/// labelled form on its first pages: the audited organisation, the auditor, the scope, the sites and
/// the report's date, in the languages `other/audit_report.yaml` lists.
///
/// Such forms often reach us with their line breaks lost (a web page's transcript), so a value runs
/// to the next label rather than to the end of its line, and a name is cut after its legal form
/// ("… GmbH"), which keeps the address that follows it out. Sites are read only where each is
/// followed by a bracket with a date (the date it was last visited), the one list form that cannot
/// be confused with the prose around it.
public struct AuditReportExtractor: DocumentExtractor {
    public init() {}

    public var kinds: Set<DocumentKind> { [.unknown] }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let (rules, compiled) = try AuditReportRules.compiled(context.rules)
        let forms = try context.rules.load(LegalForms.self)
        let text = context.text
        let ns = text as NSString
        let window = NSRange(location: 0, length: min(ns.length, rules.reportWindow))
        guard compiled.reportWord.firstMatch(in: text, range: window) != nil else { return }

        let labels = compiled.label.matches(in: text, range: NSRange(location: 0, length: ns.length))
        for (index, label) in labels.enumerated() {
            let name = AuditReportRules.key(ns.substring(with: label.range).trimmingCharacters(in: CharacterSet(charactersIn: ":. \t")))
            guard let field = compiled.fieldOfLabel[name], field != "other", result.fields[field] == nil else { continue }
            let end = index + 1 < labels.count ? labels[index + 1].range.location : ns.length
            let value = Self.valueRange(after: label.range, upTo: end, in: ns)
            guard value.length > 0 else { continue }
            switch field {
            case "organization", "service_auditor":
                if let name = Self.registeredName(in: value, text: ns, suffixes: forms.suffixes) {
                    let trimmed = Self.trimmed(name, in: ns)
                    result.set(field, ns.substring(with: trimmed), confidence: 0.85, evidence: context.evidence(for: trimmed).map { [$0] } ?? [])
                }
            case "scope":
                var scope = value
                if let lead = compiled.locationLead.firstMatch(in: text, range: value) {
                    scope.length = lead.range.location - scope.location
                    readSites(after: NSMaxRange(lead.range), labels: labels, compiled: compiled, context: context, into: &result)
                }
                if let stop = compiled.sentenceEnd.firstMatch(in: text, range: scope) { scope.length = stop.range.location - scope.location }
                let trimmed = Self.trimmed(scope, in: ns)
                let words = ns.substring(with: trimmed).split(whereSeparator: \.isWhitespace)
                guard words.count >= 3 else { continue }
                result.set("scope", ns.substring(with: trimmed), confidence: 0.8, evidence: context.evidence(for: trimmed).map { [$0] } ?? [])
            case "report_date":
                if let date = context.dates.firstDate(in: ns.substring(with: value), slashOrder: context.slashOrder ?? .dayFirst) {
                    let range = NSRange(location: value.location + date.range.location, length: date.range.length)
                    result.set("report_date", date.date.description, confidence: 0.85, evidence: context.evidence(for: range).map { [$0] } ?? [])
                }
            default:
                continue
            }
        }
        if result.fields["report_date"] == nil { readDateLine(context, compiled: compiled, into: &result) }
    }

    /// A value runs from its label to the next label, at most 300 characters; when the label ends
    /// its line the value is the next line.
    static func valueRange(after label: NSRange, upTo end: Int, in text: NSString) -> NSRange {
        var start = NSMaxRange(label)
        let limit = min(end, start + 300)
        guard limit > start else { return NSRange(location: start, length: 0) }
        var range = NSRange(location: start, length: limit - start)
        let newline = text.range(of: "\n", range: range)
        if newline.location != NSNotFound {
            let sameLine = text.substring(with: NSRange(location: start, length: newline.location - start))
            if sameLine.contains(where: \.isLetter) {
                range.length = newline.location - start
            } else {
                start = NSMaxRange(newline)
                let next = text.range(of: "\n", range: NSRange(location: start, length: max(0, limit - start)))
                range = NSRange(location: start, length: (next.location == NSNotFound ? limit : next.location) - start)
            }
        }
        return range
    }

    /// The registered name that opens `range`: its words up to the first legal form among the first
    /// ten ("TÜV Nord Cert GmbH Am Alten Markt 3" gives "TÜV Nord Cert GmbH").
    static func registeredName(in range: NSRange, text: NSString, suffixes: [String]) -> NSRange? {
        let value = text.substring(with: range)
        let forms = suffixes.sorted { $0.count > $1.count }
        var offset = 0, words = 0
        let utf16 = Array(value.utf16)
        while offset < utf16.count, words < 10 {
            while offset < utf16.count, Self.isSpace(utf16[offset]) { offset += 1 }
            guard offset < utf16.count else { break }
            let rest = (value as NSString).substring(from: offset)
            for form in forms where words > 0 && rest.hasPrefix(form) {
                let after = (rest as NSString).length > (form as NSString).length
                    ? (rest as NSString).substring(with: NSRange(location: (form as NSString).length, length: 1)) : " "
                if after.rangeOfCharacter(from: .letters) == nil {
                    return NSRange(location: range.location, length: offset + (form as NSString).length)
                }
            }
            while offset < utf16.count, !Self.isSpace(utf16[offset]) { offset += 1 }
            words += 1
        }
        return nil
    }

    private static func isSpace(_ unit: UInt16) -> Bool { unit == 32 || unit == 9 || unit == 10 || unit == 13 }

    /// `range` without surrounding spaces and punctuation.
    static func trimmed(_ range: NSRange, in text: NSString) -> NSRange {
        let edge = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ":;,-–"))
        var start = range.location, end = NSMaxRange(range)
        while start < end, let scalar = UnicodeScalar(text.character(at: start)), edge.contains(scalar) { start += 1 }
        while end > start, let scalar = UnicodeScalar(text.character(at: end - 1)), edge.contains(scalar) { end -= 1 }
        return NSRange(location: start, length: end - start)
    }

    /// The sites after a location lead: places each followed by a bracket holding a date, with other
    /// labels ("Related documents:") skipped where the form's lost line breaks put them in between.
    private func readSites(after position: Int, labels: [NSTextCheckingResult], compiled: AuditReportRules.Compiled,
                           context: DocumentContext, into result: inout ExtractionResult) {
        let ns = context.text as NSString
        var cursor = position
        while true {
            while cursor < ns.length, let scalar = UnicodeScalar(ns.character(at: cursor)), CharacterSet.whitespacesAndNewlines.contains(scalar) { cursor += 1 }
            guard let label = labels.first(where: { $0.range.location == cursor }) else { break }
            cursor = NSMaxRange(label.range)
        }
        var sites: [String] = [], evidence: [Evidence] = []
        while cursor < ns.length, let match = compiled.site.firstMatch(in: context.text, range: NSRange(location: cursor, length: ns.length - cursor)) {
            let bracket = ns.substring(with: match.range(at: 2))
            guard context.dates.firstDate(in: bracket, slashOrder: .dayFirst) != nil else { break }
            sites.append(ns.substring(with: match.range(at: 1)))
            if let quote = context.evidence(for: match.range(at: 1)) { evidence.append(quote) }
            cursor = NSMaxRange(match.range)
        }
        guard !sites.isEmpty, result.fields["locations"] == nil else { return }
        result.set("locations", .list(sites), confidence: 0.8, evidence: evidence)
    }

    /// The report's date from a letter-style date line: "<place>, [den] <date>".
    private func readDateLine(_ context: DocumentContext, compiled: AuditReportRules.Compiled, into result: inout ExtractionResult) {
        for mention in context.dates.dates(in: context.text, slashOrder: context.slashOrder ?? .dayFirst) {
            let start = max(0, mention.range.location - 60)
            let before = NSRange(location: start, length: mention.range.location - start)
            guard compiled.dateLine.firstMatch(in: context.text, range: before) != nil else { continue }
            result.set("report_date", mention.date.description, confidence: 0.8, evidence: context.evidence(for: mention.range).map { [$0] } ?? [])
            return
        }
    }
}
