import AssayModel
import Foundation

/// `extractors/other/schemes.yaml`: the schemes of `other_assurance` documents and the labels their
/// certificates print.
struct OtherAssuranceRules: RuleFile, Sendable {
    package static let version = 1
    struct Scheme: Decodable, Sendable {
        var scheme: String
        var standard: String
        var pattern: String
    }
    var version: Int
    var schemes: [Scheme]
    var labels: [String: [String]]
    var textLabels: [String: [String]]
    var otherLabels: [String]
    var introductions: [String]

    package static let file = "other/schemes.yaml"

    /// The scheme patterns, compiled; an invalid one is an error naming its key.
    func compiledSchemes() throws -> [(Scheme, NSRegularExpression)] {
        try schemes.enumerated().map { index, scheme in
            do { return (scheme, try NSRegularExpression(pattern: scheme.pattern, options: [.caseInsensitive, .dotMatchesLineSeparators])) } catch {
                throw RuleError(file: Self.file, key: "schemes[\(index)].pattern", message: "is not a valid regular expression")
            }
        }
    }

    /// The certificate rules with this file's labels and introductions added.
    func extending(_ base: CertificateRules) -> CertificateRules {
        var rules = base
        for (field, list) in labels { rules.labels[field, default: []] += list.filter { !(rules.labels[field] ?? []).contains($0) } }
        rules.introductions += introductions.filter { !rules.introductions.contains($0) }
        return rules
    }

    /// Labels for text values, with every other known label (so that a neighbouring label is never
    /// taken as a value).
    func textLabelList(_ base: CertificateRules) -> [(field: String, label: String, compact: String)] {
        var rules = base
        let own = Set(textLabels.values.flatMap { $0 }.map(LabelText.compact))
        for (field, list) in rules.labels { rules.labels[field] = list.filter { !own.contains(LabelText.compact($0)) } }
        for (field, list) in labels { rules.labels[field, default: []] += list.filter { !own.contains(LabelText.compact($0)) } }
        rules.labels["other", default: []] += otherLabels
        for (field, list) in textLabels { rules.labels[field] = list }
        return rules.orderedLabels
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case version
        case schemes
        case labels
        case textLabels = "text_labels"
        case otherLabels = "other_labels"
        case introductions
    }
}
