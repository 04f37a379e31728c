import AssayModel
import Foundation

/// `extractors/iso/certificate.yaml`: the labels and phrases of a certificate's layout.
struct CertificateRules: Decodable, Sendable {
    var version: Int
    var labels: [String: [String]]
    var introductions: [String]
    var conformity: [String]
    var scope_headings: [String]
    var soa_phrases: [String]
    var annex_headings: [String]
    var address_headers: [String]
    var standard_pattern: String
    var not_certified: [String]
    var postcode_patterns: [String]
    /// Labels printed before the issuer's name ("Issued by: …").
    var issuer_labels: [String]?
    /// Words before the first and between the two dates of a validity sentence.
    var validity_from: [String]?
    var validity_to: [String]?
    /// Words that refer the reader to the name printed above ("the above organisation").
    var above_references: [String]?
    /// Verbs whose subject is the issuer ("<issuer> certifies that").
    var issuer_introductions: [String]?
    /// How a scope statement opens when no heading introduces it (regular expression, at a line start).
    var scope_opening: String?
    /// Words after a certificate-number label that still introduce the number ("No."), not a title.
    var number_words: [String]
    /// Tokens dropped before a certificate number ("No.", "#", ":"), in lower case.
    var number_prefixes: [String]
    /// A standard's designation before a date in a labelled value (regular expression).
    var standard_prefix: String
    /// A standard named in a compacted line (regular expression): such a line is no name or address.
    var standard_mention: String
    /// Last words that lead into something else: a line ending in one is no name.
    var lead_in_words: [String]
    /// Phrases that make a line no organisation's name ("management system").
    var name_exclusions: [String]
    /// Words that end the address printed between a name and its introduction ("… certifies that").
    var address_stops: [String]
    /// Phrasings before the accreditation body's name ("accredited by"), and the articles after them.
    var accredited_by: [String]
    var accredited_by_articles: [String]

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
    var name_connectors: [String]
    /// Lower-case words left out when names are compared (`Matching.normalizedName`).
    var comparison_words: [String]

    /// A regular expression for a registered name: capitalised words ending in a legal form.
    func namePattern() throws -> NSRegularExpression {
        let forms = suffixes.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        let connectors = name_connectors.map { "|" + NSRegularExpression.escapedPattern(for: $0) }.joined()
        let word = "(?:[\\p{Lu}\\d][\\p{L}\\p{M}\\d'’&.\\-]*|&\(connectors))"
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
        var other_names: [String]?
        var country: String?
        var acronym_alone: Bool?

        var names: [String] { [name] + (other_names ?? []) }
    }
    var version: Int
    /// Stems of "accreditation" that mark a line as speaking of accreditation.
    var accreditation_stems: [String]
    var iaf_mla: [Body]
    var look_alikes: [Body]

    var bodies: [Body] { iaf_mla + look_alikes }
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

