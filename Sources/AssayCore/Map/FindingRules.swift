import AssayModel
import Foundation

/// The wording and thresholds of findings (`extractors/map/findings.yaml`).
struct FindingCatalogue: RuleFile {
    package static let file = "map/findings.yaml"
    package static let version = 1

    struct Entry: Decodable {
        var severity: Severity
        var message: String
        var followUp: String?

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case severity
            case message
            case followUp = "follow_up"
        }
    }

    struct Thresholds: Decodable {
        var staleMonths: Double
        var ageingMonths: Double
        var shortPeriodDays: Int
        var bridgeGapDays: Int
        var maxValidityDays: Int
        var surveillanceWindowDays: Int

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case staleMonths = "stale_months"
            case ageingMonths = "ageing_months"
            case shortPeriodDays = "short_period_days"
            case bridgeGapDays = "bridge_gap_days"
            case maxValidityDays = "max_validity_days"
            case surveillanceWindowDays = "surveillance_window_days"
        }
    }

    var version: Int
    var thresholds: Thresholds
    var soaStandards: [String]
    var surveillanceLabel: String
    /// SOC opinions that raise `soc.opinion_modified`.
    var modifiedOpinions: [String]
    var findings: [String: Entry]

    /// `surveillance_label`, compiled once per rule book: the findings stage and `assay rules check`
    /// build the same value, so a broken pattern is an error rather than a finding silently not raised.
    static func surveillanceLabel(_ book: RuleBook) throws -> NSRegularExpression {
        try book.built("\(file) surveillance_label") { book in
            let pattern = try book.load(FindingCatalogue.self).surveillanceLabel
            do { return try NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) } catch {
                throw RuleError(file: file, key: "surveillance_label", message: "is not a valid regular expression")
            }
        }
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case thresholds
        case soaStandards = "soa_standards"
        case surveillanceLabel = "surveillance_label"
        case modifiedOpinions = "modified_opinions"
        case findings
    }
}

/// Editions of standards (`extractors/standards.yaml`).
struct StandardEditions: RuleFile {
    package static let file = "standards.yaml"
    package static let version = 1

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
    /// `catalogue.surveillanceLabel`, compiled.
    var surveillanceLabel: NSRegularExpression
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
