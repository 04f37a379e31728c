import AssayModel
import Foundation

/// The certification body that issued the certificate: the name after an issuer label ("Issued by:"),
/// else the subject of "<issuer> certifies that", else the registered name on the certificate that
/// the letterhead, an introduction or the list of known bodies points to and that is not the
/// holder's, a group company's in the scope, or an accreditation body's.
struct CertificationBodyExtractor: CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) {
        let context = certificate.document
        let layouts = certificate.layouts
        let rules = certificate.rules
        let known = certificate.certification
        let accreditation = certificate.accreditation
        let namePattern = certificate.namePattern
        let forms = certificate.forms
        let organization = certificate.holder
        let organizationName = organization.map { Matching.normalizedName($0.name) }
        let organizationWords = organization.map { Matching.words(Matching.normalizedName($0.name)) } ?? []
        let scopeText = result.fields["scope"]?.value.strings.first.map(Matching.normalizedName) ?? ""
        let accreditationNames = Set(accreditation.bodies.flatMap { $0.names + [$0.acronym] }.map(Matching.normalizedName))
        // "Issued by: <name>": the issuer as the certificate labels it.
        let issuerLabels = (rules.issuerLabels ?? []).sorted { $0.count > $1.count }
        for layout in layouts {
            for segment in layout.segments {
                guard let rest = issuerLabels.lazy.compactMap({ LabelText.remainder(of: segment.text, after: $0) }).first, !rest.isEmpty else { continue }
                let ns = rest as NSString
                guard let match = namePattern.firstMatch(in: rest, range: NSRange(location: 0, length: ns.length)), match.range.location == 0 else { continue }
                let name = ns.substring(with: match.range).trimmingCharacters(in: .whitespaces)
                let normalized = Matching.normalizedName(name)
                if let organizationName, normalized == organizationName { continue }
                let words = segment.words.suffix(rest.split(separator: " ").count).prefix(name.split(separator: " ").count)
                result.set("certification_body", name, confidence: 0.92, evidence: context.evidence(words: Array(words)))
                return
            }
        }
        // "<issuer> certifies that …" printed in one line: the issuer as the subject of the sentence.
        for segment in layouts.first?.segments ?? [] {
            for phrase in rules.issuerIntroductions ?? [] {
                guard let range = segment.text.range(of: phrase, options: [.caseInsensitive, .diacriticInsensitive]),
                      range.lowerBound > segment.text.startIndex else { continue }
                let name = String(segment.text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",")))
                let ns = name as NSString
                guard (3...90).contains(name.count), name.first?.isUppercase == true,
                      namePattern.firstMatch(in: name, range: NSRange(location: 0, length: ns.length)) != nil ||
                      known.bodies.contains(where: { body in ([body.name] + body.aliases).contains { LabelText.contains(name, $0) } }) else { continue }
                if let organizationName, Matching.normalizedName(name).contains(organizationName) { continue }
                let count = name.split(separator: " ").count
                result.set("certification_body", name, confidence: 0.9, evidence: context.evidence(words: Array(segment.words.prefix(count))))
                return
            }
        }
        // Hints at the issuer's name: the letterhead and "<issuer> certifies that".
        var letterhead: [String] = []
        var introduced: [String] = []
        if let first = layouts.first {
            letterhead += first.segments.prefix(3).map(\.text)
            let introductions = rules.introductions.map(LabelText.compact)
            for segment in first.segments {
                let compact = LabelText.compact(segment.text)
                if let phrase = introductions.first(where: { compact.hasSuffix($0) && compact.count > $0.count + 3 }) {
                    introduced.append(String(compact.dropLast(phrase.count)))
                }
            }
        }
        func hinted(_ hints: [String], _ core: String) -> Bool {
            hints.map(LabelText.compact).filter { $0.count >= 4 }.contains { $0.hasPrefix(core) || core.hasPrefix($0) ||
                $0.replacingOccurrences(of: "[^a-z0-9]", with: "", options: .regularExpression).hasPrefix(core) }
        }
        let knownNames = known.bodies.flatMap { [$0.name] + $0.aliases }.map(LabelText.compact)
        var best: (score: Int, segment: LayoutSegment, isAttested: Bool)?
        for layout in layouts {
            for segment in layout.segments where forms.isName(segment.text, pattern: namePattern) {
                let normalized = Matching.normalizedName(segment.text)
                if let organizationName, normalized.contains(organizationName) || organizationName.contains(normalized) { continue }
                // The holder's name wrapped over two lines, or a group company named in the scope, is not the issuer.
                let words = Matching.words(normalized)
                if !words.isEmpty, words.isSubset(of: organizationWords) { continue }
                if !scopeText.isEmpty, normalized.count >= 6, scopeText.contains(normalized) { continue }
                if accreditationNames.contains(normalized) { continue }
                let core = LabelText.compact(normalized)
                var score = 1
                let isKnown = knownNames.contains(where: { core.hasPrefix($0) })
                let isIntroduced = hinted(introduced, core)
                if isIntroduced { score += 2 }
                if isKnown { score += 2 }
                // The letterhead names the issuer once the holder is known (and the name is not the holder's).
                let isLetterhead = hinted(letterhead, core)
                if isLetterhead { score += organization == nil ? 1 : 2 }
                if let organization, layout.page == organization.segment.page, segment.box.y0 > organization.segment.box.y1 { score += 1 }
                if best == nil || score > best?.score ?? 0 { best = (score, segment, isKnown || isIntroduced || (isLetterhead && organization != nil)) }
            }
        }
        // Without the holder's name, an unattested registered name is as likely the holder's as the issuer's.
        if let best, best.isAttested || organization != nil {
            // Only a known body, "<issuer> certifies that" or the letterhead beside a known holder makes
            // the name sure: any other registered name may be the holder's, a group company's or a consultant's.
            let confidence = best.isAttested ? 0.95 : 0.75
            result.set("certification_body", best.segment.text.trimmingCharacters(in: .whitespaces), confidence: confidence,
                       evidence: context.evidence(words: best.segment.words))
        }
    }
}
