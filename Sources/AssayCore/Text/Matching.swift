import AssayModel
import Foundation

/// How `assay eval` decides that an extracted value matches the answer: dates exactly, names
/// ignoring case, punctuation and legal suffixes, lists as sets, scopes by word overlap.
public enum Matching {
    /// Words left out when names are compared: `comparison_words` of `extractors/bodies/legal_forms.yaml`,
    /// read once from the rule book the pipeline reads (`RuleBook.standard()`, which `ASSAY_RULES` points
    /// elsewhere). Without a readable rule book no word is left out (and the pipeline itself fails).
    static let legalSuffixes: Set<String> = {
        guard let forms = try? RuleBook.standard().load(LegalForms.self, from: "bodies/legal_forms.yaml") else { return [] }
        return Set(forms.comparisonWords)
    }()

    /// Lower-case words without punctuation or legal suffixes.
    public static func normalizedName(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let words = folded.components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }
        let kept = words.filter { !legalSuffixes.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }

    package static func words(_ text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return Set(folded.components(separatedBy: CharacterSet.alphanumerics.inverted).filter { $0.count > 2 })
    }

    /// Whether a single value matches, by the field's kind.
    public static func matches(field: String, expected: String, actual: String) -> Bool {
        switch field {
        case "scope", "system_name_long":
            let a = words(expected), b = words(actual)
            guard !a.isEmpty, !b.isEmpty else { return a == b }
            let overlap = Double(a.intersection(b).count)
            return overlap / Double(a.count) >= 0.6 && overlap / Double(b.count) >= 0.5
        case "soa_reference", "signed_by", "system_name", "locations":
            let a = normalizedName(expected), b = normalizedName(actual)
            return a == b || (!a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a)) && min(a.count, b.count) * 10 >= max(a.count, b.count) * 6)
        default:
            if ISODate(expected) != nil { return expected == actual }
            return normalizedName(expected) == normalizedName(actual)
        }
    }

    public static func normalizedControlID(_ id: String?) -> String {
        (id ?? "").uppercased().filter { !$0.isWhitespace }
    }
}
