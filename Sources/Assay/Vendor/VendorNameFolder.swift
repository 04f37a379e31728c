import AssayCore
import Foundation

/// Folds an organisation's name to a key, so that "GitHub", "GitHub, Inc." and "GITHUB INC" are one
/// vendor and one legal entity. The rules are `extractors/vendors/names.yaml` (with the legal-form
/// suffixes of `bodies/legal_forms.yaml`); the folding itself is described there.
public struct VendorNameFolder: Sendable {
    struct Rules: RuleFile, Sendable {
        package static let file = "vendors/names.yaml"
        package static let version = 1

        var version: Int
        var useLegalForms: Bool
        var extraSuffixes: [String]
        var leadingWords: [String]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case useLegalForms = "use_legal_forms"
            case extraSuffixes = "extra_suffixes"
            case leadingWords = "leading_words"
        }
    }

    static var file: String { Rules.file }

    /// Folded suffixes as word lists, longest first.
    private let suffixes: [[String]]
    private let leading: Set<String>

    public init(rules: RuleBook) throws {
        let names = try rules.load(Rules.self, from: Self.file)
        var all = names.extraSuffixes
        if names.useLegalForms { all += try rules.load(LegalForms.self).suffixes }
        self.init(suffixes: all, leadingWords: names.leadingWords)
    }

    public init(suffixes: [String], leadingWords: [String]) {
        let folded = Set(suffixes.map { Self.words($0) }.filter { !$0.isEmpty })
        self.suffixes = folded.sorted { $0.count != $1.count ? $0.count > $1.count : $0.joined(separator: " ") < $1.joined(separator: " ") }
        leading = Set(leadingWords.flatMap { Self.words($0) })
    }

    /// The key of `name`: lower-case words without punctuation, legal forms and leading articles.
    public func fold(_ name: String) -> String {
        var words = Self.words(name)
        var changed = true
        while changed && words.count > 1 {
            changed = false
            for suffix in suffixes where suffix.count < words.count && Array(words.suffix(suffix.count)) == suffix {
                words.removeLast(suffix.count)
                changed = true
                break
            }
        }
        while words.count > 1, let first = words.first, leading.contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Lower-case words of `text`: "&" read as "and", other characters that are neither letters,
    /// digits nor spaces dropped.
    static func words(_ text: String) -> [String] {
        var cleaned = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "&" {
                cleaned += " and "
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                cleaned.unicodeScalars.append(scalar)
            } else if scalar.isSpaceLike || scalar == "-" || scalar == "/" {
                cleaned += " "
            }
        }
        return cleaned.split(separator: " ").map(String.init)
    }
}
