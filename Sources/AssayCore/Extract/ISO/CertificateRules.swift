import AssayModel
import Foundation

/// `extractors/iso/certificate.yaml`: the labels and phrases of a certificate's layout.
struct CertificateRules: Decodable, Sendable {
    var version: Int
    var labels: [String: [String]]
    var introductions: [String]
    var conformity: [String]
    var scopeHeadings: [String]
    var soaPhrases: [String]
    var annexHeadings: [String]
    var addressHeaders: [String]
    /// Table headers of a column that may hold addresses among other things ("Location"): read only
    /// when no address header is on the page, and only cells that print a street are taken.
    var locationHeaders: [String]
    var standardPattern: String
    var notCertified: [String]
    var postcodePatterns: [String]
    /// Words that name a street ("road", "dr", "ul.", "g."): a comma part with one of them and a house
    /// number is a street, and a line that holds one is an address printed whole.
    var streetWords: [String]
    /// Labels printed before the issuer's name ("Issued by: …").
    var issuerLabels: [String]?
    /// Words before the first and between the two dates of a validity sentence.
    var validityFrom: [String]?
    var validityTo: [String]?
    /// Words that refer the reader to the name printed above ("the above organisation").
    var aboveReferences: [String]?
    /// Verbs whose subject is the issuer ("<issuer> certifies that").
    var issuerIntroductions: [String]?
    /// How a scope statement opens when no heading introduces it (regular expression, at a line start).
    var scopeOpening: String?
    /// Words after a certificate-number label that still introduce the number ("No."), not a title.
    var numberWords: [String]
    /// Tokens dropped before a certificate number ("No.", "#", ":"), in lower case.
    var numberPrefixes: [String]
    /// A standard's designation before a date in a labelled value (regular expression).
    var standardPrefix: String
    /// A standard named in a compacted line (regular expression): such a line is no name or address.
    var standardMention: String
    /// Last words that lead into something else: a line ending in one is no name.
    var leadInWords: [String]
    /// Phrases that make a line no organisation's name ("management system").
    var nameExclusions: [String]
    /// Words that end the address printed between a name and its introduction ("… certifies that").
    var addressStops: [String]
    /// Phrasings before the accreditation body's name ("accredited by"), and the articles after them.
    var accreditedBy: [String]
    var accreditedByArticles: [String]

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version, labels, introductions, conformity
        case scopeHeadings = "scope_headings"
        case soaPhrases = "soa_phrases"
        case annexHeadings = "annex_headings"
        case addressHeaders = "address_headers"
        case locationHeaders = "location_headers"
        case standardPattern = "standard_pattern"
        case notCertified = "not_certified"
        case postcodePatterns = "postcode_patterns"
        case streetWords = "street_words"
        case issuerLabels = "issuer_labels"
        case validityFrom = "validity_from"
        case validityTo = "validity_to"
        case aboveReferences = "above_references"
        case issuerIntroductions = "issuer_introductions"
        case scopeOpening = "scope_opening"
        case numberWords = "number_words"
        case numberPrefixes = "number_prefixes"
        case standardPrefix = "standard_prefix"
        case standardMention = "standard_mention"
        case leadInWords = "lead_in_words"
        case nameExclusions = "name_exclusions"
        case addressStops = "address_stops"
        case accreditedBy = "accredited_by"
        case accreditedByArticles = "accredited_by_articles"
    }

    /// One of this file's regular expressions, compiled; an error names the key.
    func compiled(_ pattern: String, key: String, options: NSRegularExpression.Options = []) throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern, options: options) } catch {
            throw RuleError(file: "iso/certificate.yaml", key: key, message: "is not a valid regular expression")
        }
    }

    /// The fields whose values are found beside or below a label.
    static let labelledFields = ["certificate_number", "issue_date", "expiry_date", "original_certification_date"]

    /// Every (field, label) pair, longest label first so "original certification date" wins over
    /// "original certification".
    /// Labels of equal length keep a fixed order (field, then label), whatever the dictionary's.
    var orderedLabels: [(field: String, label: String, compact: String)] {
        labels.flatMap { field, list in list.map { (field: field, label: $0, compact: LabelText.compact($0)) } }
            .sorted { ($1.compact.count, $0.field, $0.label) < ($0.compact.count, $1.field, $1.label) }
    }
}

/// `extractors/bodies/legal_forms.yaml`.
package struct LegalForms: Decodable, Sendable {
    var version: Int
    package var suffixes: [String]
    /// Lower-case words a registered name may have between its capitalised words ("of", "de").
    var nameConnectors: [String]
    /// Lower-case words left out when names are compared (`Matching.normalizedName`).
    var comparisonWords: [String]

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version, suffixes
        case nameConnectors = "name_connectors"
        case comparisonWords = "comparison_words"
    }

    /// A regular expression for a registered name: capitalised words ending in a legal form.
    func namePattern() throws -> NSRegularExpression {
        let forms = suffixes.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        let connectors = nameConnectors.map { "|" + NSRegularExpression.escapedPattern(for: $0) }.joined()
        // A word may be bracketed: the country or trade in "Bureau Veritas (India) Pvt. Ltd.".
        let word = "(?:\\(?[\\p{Lu}\\d][\\p{L}\\p{M}\\d'’&.\\-]*\\)?|&\(connectors))"
        return try NSRegularExpression(pattern: "(?<![\\p{L}])(\(word)(?:[ \\t]+\(word)){0,7}),?[ \\t]+(?:\(forms))(?![\\p{L}])")
    }

    /// Whether `text` is nothing but a registered name.
    func isName(_ text: String, pattern: NSRegularExpression) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let ns = trimmed as NSString
        guard let match = pattern.firstMatch(in: trimmed, range: NSRange(location: 0, length: ns.length)) else { return false }
        return match.range.location == 0 && match.range.length == ns.length
    }
}

/// `extractors/bodies/accreditation.yaml`: IAF MLA signatories and well-known look-alikes.
struct AccreditationBodies: Decodable, Sendable {
    struct Body: Decodable, Sendable {
        var acronym: String
        var name: String
        var otherNames: [String]?
        var country: String?
        var acronymAlone: Bool?

        var names: [String] { [name] + (otherNames ?? []) }

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case acronym, name, country
            case otherNames = "other_names"
            case acronymAlone = "acronym_alone"
        }
    }
    var version: Int
    /// Stems of "accreditation" that mark a line as speaking of accreditation.
    var accreditationStems: [String]
    var iafMLA: [Body]
    var lookAlikes: [Body]

    var bodies: [Body] { iafMLA + lookAlikes }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case accreditationStems = "accreditation_stems"
        case iafMLA = "iaf_mla"
        case lookAlikes = "look_alikes"
    }
}

/// `extractors/bodies/certification.yaml`.
struct CertificationBodies: Decodable, Sendable {
    struct Body: Decodable, Sendable {
        var name: String
        var aliases: [String]
    }
    var version: Int
    var bodies: [Body]
}

