import AssayModel
import Foundation

/// The wording and thresholds of findings (`extractors/map/findings.yaml`).
struct FindingCatalogue: Decodable {
    struct Entry: Decodable {
        var severity: Severity
        var message: String
        var follow_up: String?
    }

    struct Thresholds: Decodable {
        var stale_months: Double
        var ageing_months: Double
        var short_period_days: Int
        var bridge_gap_days: Int
        var max_validity_days: Int
        var surveillance_window_days: Int
    }

    var version: Int
    var thresholds: Thresholds
    var soa_standards: [String]
    var surveillance_label: String
    /// SOC opinions that raise `soc.opinion_modified`.
    var modified_opinions: [String]
    var findings: [String: Entry]
}

/// Editions of standards (`extractors/standards.yaml`).
struct StandardEditions: Decodable {
    struct Standard: Decodable {
        var current: [Int]
        var withdrawn: [Int: String]
    }

    var version: Int
    var standards: [String: Standard]

    enum Status { case current, withdrawn(since: ISODate), unknown, unlisted }

    /// Status of an edition as printed ("ISO/IEC 27001:2013") at `date`.
    func status(of printed: String, at date: ISODate) -> Status {
        let compact = printed.replacingOccurrences(of: " ", with: "").uppercased()
        guard let colon = compact.lastIndex(of: ":"), let year = Int(compact[compact.index(after: colon)...].prefix(4)) else { return .unlisted }
        let name = String(compact[..<colon])
        let key = standards.keys.first { key in
            let k = key.replacingOccurrences(of: " ", with: "").uppercased()
            return name == k || name.hasSuffix(k) || k.hasSuffix(name.replacingOccurrences(of: "ISO/IEC", with: "ISO"))
                || name.replacingOccurrences(of: "ISO/IEC", with: "ISO") == k.replacingOccurrences(of: "ISO/IEC", with: "ISO")
        }
        guard let key, let standard = standards[key] else { return .unlisted }
        if standard.current.contains(year) { return .current }
        if let end = standard.withdrawn[year], let endDate = ISODate(end) {
            return endDate < date ? .withdrawn(since: endDate) : .current
        }
        return .unknown
    }
}

/// What a finding predicate sees: the document so far, the as-of date and the thresholds.
struct FindingInput {
    var document: AssayDocument
    var asOf: ISODate
    var thresholds: FindingCatalogue.Thresholds
    var editions: StandardEditions
    var options: ExtractOptions
    var catalogue: FindingCatalogue
    var context: DocumentContext

    func text(_ field: String) -> String? { document.fields[field]?.value.strings.first }
    func date(_ field: String) -> ISODate? { text(field).flatMap(ISODate.init) }
    func evidence(_ fields: String...) -> [Evidence] { fields.flatMap { document.fields[$0]?.evidence.prefix(1) ?? [] } }
}

/// A raised finding before its wording is filled in: the code, the values for the placeholders, the evidence.
struct RaisedFinding {
    var code: String
    var values: [String: String]
    var evidence: [Evidence]
}
