import AssayModel
import Foundation

/// `extractors/trust/page.yaml`.
struct TrustPageRules: RuleFile, Sendable {
    package static let file = "trust/page.yaml"
    package static let version = 1

    struct Scheme: Decodable, Sendable {
        var id: String
        var pattern: String
        var name: String
        var group: String
        var kind: String
        var values: [String: String]?
        var itemOnly: Bool?

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case id
            case pattern
            case name
            case group
            case kind
            case values
            case itemOnly = "item_only"
        }
    }

    struct Organization: Decodable, Sendable {
        var notNames: [String]
        var hostingProviders: [String]
        var subjectCues: String

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case notNames = "not_names"
            case hostingProviders = "hosting_providers"
            case subjectCues = "subject_cues"
        }
    }

    var version: Int
    var headingMaxLength: Int
    var itemMaxWords: Int
    var cardLines: Int
    var socPattern: String
    var schemes: [Scheme]
    var claimCues: [String]
    var negations: [String]
    var alignment: [String]
    var vague: [String]
    var hosting: [String]
    var expiryCues: [String]
    var categories: [String: [String]]
    var organization: Organization
    var auditorNamed: String
    var stalePageMonths: Double
    var pageDateCues: [String]
    var scopePatterns: [String]
    var scopeWindow: Int

    /// Every pattern of the file, compiled once per rule book: the extractor, the trust-page findings
    /// and `assay rules check` build the same value, so a broken pattern is reported before a page is read.
    struct Compiled: Sendable {
        static func shared(_ book: RuleBook) throws -> Compiled {
            try book.built(TrustPageRules.file) { try Compiled($0.load(TrustPageRules.self), forms: $0.load(LegalForms.self)) }
        }

        var rules: TrustPageRules
        /// The claim reader, with the schemes and the cue lists.
        var reader: TrustClaimReader
        /// The vendor reader, with the `organization` cues and the legal forms' name pattern.
        var organizations: TrustOrganizationReader
        var scopePatterns: [NSRegularExpression]
        /// Each category's patterns, by category name.
        var categories: [String: [NSRegularExpression]]
        var auditorNamed: NSRegularExpression

        init(_ rules: TrustPageRules, forms: LegalForms) throws {
            self.rules = rules
            func compile(_ pattern: String, _ key: String, _ options: NSRegularExpression.Options) throws -> NSRegularExpression {
                do { return try NSRegularExpression(pattern: pattern, options: options) } catch {
                    throw RuleError(file: TrustPageRules.file, key: key, message: "is not a valid regular expression")
                }
            }
            reader = try TrustClaimReader(rules: rules)
            scopePatterns = try rules.scopePatterns.enumerated().map { try compile($1, "scope_patterns[\($0)]", [.caseInsensitive]) }
            categories = try Dictionary(uniqueKeysWithValues: rules.categories.map { name, patterns in
                (name, try patterns.enumerated().map { try compile($1, "categories.\(name)[\($0)]", [.caseInsensitive]) })
            })
            auditorNamed = try compile(rules.auditorNamed, "auditor_named", [])
            // No stage reads `soc_pattern` any more (the SOC scheme of `schemes` does), but a file that
            // carries it should still carry a valid expression.
            _ = try compile(rules.socPattern, "soc_pattern", [.caseInsensitive])
            organizations = try TrustOrganizationReader(rules: rules.organization, legalName: try forms.namePattern(), legalForms: forms.suffixes)
        }
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case headingMaxLength = "heading_max_length"
        case itemMaxWords = "item_max_words"
        case cardLines = "card_lines"
        case socPattern = "soc_pattern"
        case schemes
        case claimCues = "claim_cues"
        case negations
        case alignment
        case vague
        case hosting
        case expiryCues = "expiry_cues"
        case categories
        case organization
        case auditorNamed = "auditor_named"
        case stalePageMonths = "stale_page_months"
        case pageDateCues = "page_date_cues"
        case scopePatterns = "scope_patterns"
        case scopeWindow = "scope_window"
    }
}

/// One scheme of `schemes`, compiled: finds its mentions in a line and names them.
struct TrustScheme: Sendable {
    let rule: TrustPageRules.Scheme
    let regex: NSRegularExpression

    init(_ rule: TrustPageRules.Scheme, index: Int) throws {
        self.rule = rule
        do { regex = try NSRegularExpression(pattern: rule.pattern, options: [.caseInsensitive]) } catch {
            throw RuleError(file: TrustPageRules.file, key: "schemes[\(index)].pattern", message: "is not a valid regular expression")
        }
        guard ["soc", "iso_certificate", "other_assurance"].contains(rule.kind) else {
            throw RuleError(file: TrustPageRules.file, key: "schemes[\(index)].kind", message: "must be soc, iso_certificate or other_assurance")
        }
    }

    /// A scheme named in a line: its full name, its bare name (qualifiers left out), its group.
    struct Mention: Sendable, Hashable {
        var scheme: String
        var name: String
        var bare: String
        var group: String
        var range: NSRange
        var isQualified: Bool { name != bare }
    }

    func mentions(in text: String) -> [Mention] {
        let ns = text as NSString
        // The groups that identify the scheme ("SOC {1}") are taken as written; `values` map qualifiers.
        let identifying = Set(rule.group.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) })
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { match in
            func group(_ n: Int) -> String? {
                guard n < match.numberOfRanges else { return nil }
                let range = match.range(at: n)
                guard range.location != NSNotFound, range.length > 0 else { return nil }
                let raw = ns.substring(with: range).trimmingCharacters(in: .whitespaces)
                let mapped = identifying.contains(n) ? nil : rule.values?.first { $0.key.lowercased() == raw.lowercased() }?.value
                return mapped ?? raw.replacingOccurrences(of: #"\s*/\s*"#, with: "/", options: .regularExpression)
            }
            let name = Self.fill(rule.name, group, keepOptional: true)
            return Mention(scheme: rule.id, name: name, bare: Self.fill(rule.name, group, keepOptional: false),
                           group: Self.fill(rule.group, group, keepOptional: true).lowercased(), range: match.range)
        }
    }

    /// Fills a name template: `{n}` is group n, `{a|b}` the first of them present; a `[part]` is
    /// kept only when every group it names is present (and `keepOptional`).
    static func fill(_ template: String, _ group: (Int) -> String?, keepOptional: Bool) -> String {
        func placeholders(_ text: Substring) -> (String, Bool) {
            var out = "", complete = true
            var rest = text[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                out += rest[..<open]
                let choices = rest[rest.index(after: open)..<close].split(separator: "|").compactMap { Int($0) }
                if let value = choices.lazy.compactMap(group).first { out += value } else { complete = false }
                rest = rest[rest.index(after: close)...]
            }
            out += rest
            return (out, complete)
        }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            out += placeholders(rest[..<open]).0
            let (part, complete) = placeholders(rest[rest.index(after: open)..<close])
            if keepOptional && complete { out += part }
            rest = rest[rest.index(after: close)...]
        }
        out += placeholders(rest).0
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
