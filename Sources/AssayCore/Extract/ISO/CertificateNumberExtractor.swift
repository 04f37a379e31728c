import AssayModel
import Foundation

/// The certificate number: the identifier beside or below a number label ("Certificate No.",
/// "Zertifikat-Nr."). Several labels that agree make it surer.
struct CertificateNumberExtractor: CertificatePartExtractor {
    static let field = "certificate_number"

    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) throws {
        let context = certificate.document
        let rules = certificate.rules
        var found: [(text: String, words: [PlacedWord])] = []
        for hit in certificate.pairing.hits where hit.field == Self.field {
            // "Certificate of Registration" is a title that starts with the bare label "Certificate":
            // a label whose own line goes on with a lower-case word is no label.
            if let next = hit.remainder.first?.text, Self.continuesTitle(next, numberWords: rules.numberWords) { continue }
            for candidate in certificate.pairing.candidates(for: hit) {
                let text = candidate.map(\.text).joined(separator: " ")
                if let number = Self.certificateNumber(text, prefixes: rules.numberPrefixes) {
                    found.append((text: number, words: candidate))
                    break
                }
            }
        }
        guard let first = found.first else { return }
        let agree = Set(found.map(\.text)).count == 1
        result.set(Self.field, first.text, confidence: agree ? 0.96 : 0.8, evidence: context.evidence(words: first.words))
    }

    /// Whether a word after a label continues a sentence or title ("of", "is", "de") rather than
    /// introducing a value ("No.", "nº", an identifier); `numberWords` are the words that introduce one.
    static func continuesTitle(_ word: String, numberWords: [String]) -> Bool {
        let letters = word.trimmingCharacters(in: .punctuationCharacters)
        guard letters.count >= 2, letters.allSatisfy(\.isLetter), letters.first?.isLowercase == true else { return false }
        return !numberWords.contains(letters)
    }

    /// A certificate number: one token with a digit, or a short letter prefix and such a token
    /// ("IS 595959"), after any of `prefixes` ("No.", "#").
    static func certificateNumber(_ text: String, prefixes: [String]) -> String? {
        var tokens = text.split(separator: " ").map(String.init)
        while let first = tokens.first, prefixes.contains(first.lowercased()) { tokens.removeFirst() }
        func isID(_ token: String) -> Bool {
            token.count >= 3 && token.contains(where: \.isNumber) &&
                token.allSatisfy { $0.isLetter || $0.isNumber || "/-._".contains($0) } && (token.first?.isLetter == true || token.first?.isNumber == true)
        }
        guard let first = tokens.first else { return nil }
        var token = first
        while token.hasSuffix(".") || token.hasSuffix(",") { token.removeLast() }
        // A colon printed against the value (":QX-20417").
        while token.hasPrefix(":") || token.hasPrefix("：") { token.removeFirst() }
        if isID(token) { return token }
        if tokens.count >= 2, first.count <= 5, first.allSatisfy({ $0.isUppercase }), isID(tokens[1]) {
            return first + " " + tokens[1]
        }
        return nil
    }
}
