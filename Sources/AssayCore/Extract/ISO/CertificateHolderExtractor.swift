import AssayModel
import Foundation

/// The certified organisation and its address: the name under "This is to certify that" (or above
/// it, when the introduction refers to "the above organisation"), else the largest plausible name
/// above the first conformity statement. The address is the smaller lines under the name, which
/// `CertificateLocationsExtractor` turns into a locality.
struct CertificateHolderExtractor: CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) throws {
        _ = try holder(certificate, into: &result)
    }

    /// Records `organization` and returns the holder for the parts that read after it.
    func holder(_ certificate: CertificateContext, into result: inout ExtractionResult) throws -> CertificateHolder? {
        let context = certificate.document
        let layouts = certificate.layouts
        let rules = certificate.rules
        let check = try NameCheck(rules: rules)
        let addressStops = rules.addressStops.map(LabelText.compact)
        let introductions = rules.introductions.map(LabelText.compact).sorted { $0.count > $1.count }
        let conformity = rules.conformity.map(LabelText.compact)
        for layout in layouts {
            let segments = layout.segments
            for (index, segment) in segments.enumerated() {
                let compact = LabelText.compact(segment.text)
                // "This is to certify that the Business Continuity Management System of": an
                // introduction that names the kind of system before "of".
                let named = introductions.contains { compact.hasPrefix($0) } && (compact.hasSuffix("of") || compact.hasSuffix("of:"))
                guard let phrase = introductions.first(where: { compact.hasSuffix($0) || compact.hasSuffix($0 + ":") }) ?? (named ? compact : nil) else { continue }
                _ = phrase
                // The name: the nearest text below the introduction, in its column.
                let below = segments.enumerated().filter { $0.offset != index && $0.element.box.y0 >= segment.box.y1 - 1 &&
                    $0.element.box.y0 - segment.box.y1 < 6 * max(segment.height, 8) && segment.overlapsHorizontally($0.element) &&
                    context.dates.firstDate(in: $0.element.text) == nil }
                    .sorted { $0.element.box.y0 < $1.element.box.y0 }
                // The rest of the introduction ("Quality Management System of") or a sentence about
                // "the above organisation" is not a name: look one or two lines further.
                // "… certifies that the Management System of / the above organisation has been audited":
                // the name is printed above the introduction, in a larger type.
                let above = rules.aboveReferences ?? []
                if let next = below.first?.element, above.contains(where: { LabelText.contains(next.text, $0) }),
                   let name = segments.filter({ $0.box.y1 <= segment.box.y0 + 1 && $0.height >= 1.2 * segment.height &&
                       check.isPlausible($0.text) }).max(by: { $0.height < $1.height }) {
                    var address: [LayoutSegment] = []
                    var bottom = name.box.y1
                    for line in segments where line.box.y0 >= name.box.y1 - 1 && line.box.y1 <= segment.box.y0 + 1 && name.overlapsHorizontally(line) {
                        if line.box.y0 - bottom > 1.6 * max(line.height, 6) || line.height >= name.height || address.count >= 3 ||
                            addressStops.contains(where: LabelText.compact(line.text).contains) { break }
                        address.append(line)
                        bottom = line.box.y1
                    }
                    result.set("organization", name.text, confidence: 0.85, evidence: context.evidence(words: name.words))
                    return CertificateHolder(name: name.text, segment: name, address: address)
                }
                let skipped = below.prefix(3).firstIndex { check.isPlausible($0.element.text) }
                guard let skipped else { continue }
                let rest = below.dropFirst(skipped)
                guard let nameIndex = rest.first?.offset else { continue }
                var nameSegments = [segments[nameIndex]]
                // A long name may wrap onto a second line in the same type size (not after its legal form).
                if let next = rest.dropFirst().first?.element, let top = nameSegments.first, !certificate.isCompleteName(top.text),
                   abs(next.height - top.height) <= 0.1 * top.height, next.box.y0 - top.box.y1 < 0.5 * top.height {
                    nameSegments.append(next)
                }
                let name = nameSegments.map(\.text).joined(separator: " ").trimmingCharacters(in: .whitespaces)
                guard name.count >= 2 else { continue }
                let nameBottom = nameSegments.last?.box.y1 ?? segment.box.y1
                let nameHeight = nameSegments.first?.height ?? segment.height
                // The address: smaller lines right under the name, until the conformity statement.
                var address: [LayoutSegment] = []
                var bottom = nameBottom
                let candidates = segments.filter { $0.box.y0 >= nameBottom - 1 && nameSegments[0].overlapsHorizontally($0) }
                    .sorted { $0.box.y0 < $1.box.y0 }
                for line in candidates {
                    let gap = line.box.y0 - bottom
                    let compactLine = LabelText.compact(line.text)
                    // A name set in large type may stand in a box taller than its letters: the first
                    // address line may then sit further below it than the lines sit below each other.
                    let allowed = address.isEmpty ? max(1.6 * max(line.height, 6), 0.45 * nameHeight) : 1.6 * max(line.height, 6)
                    if gap > allowed || line.height > nameHeight * 0.95 || address.count >= 5 ||
                        conformity.contains(where: { compactLine.contains($0) }) ||
                        check.mentionsStandard(compactLine) { break }
                    address.append(line)
                    bottom = line.box.y1
                }
                let confidence = nameHeight > segment.height * 1.2 ? 0.95 : 0.85
                result.set("organization", name, confidence: confidence, evidence: context.evidence(words: nameSegments.flatMap(\.words)))
                return CertificateHolder(name: name, segment: nameSegments[0], address: address)
            }
        }
        return organizationAboveConformity(certificate, conformity: conformity, check: check, into: &result)
    }

    /// Without an introduction ("COMPLIES WITH THE REQUIREMENTS OF …" under a name and address): the
    /// largest plausible name in the few lines above the first conformity statement of page 1, with
    /// the smaller lines between them as its address. A guess from layout alone, so not confident.
    private func organizationAboveConformity(_ certificate: CertificateContext, conformity: [String], check: NameCheck,
                                             into result: inout ExtractionResult) -> CertificateHolder? {
        let context = certificate.document
        let layouts = certificate.layouts
        guard let layout = layouts.first,
              let statement = layout.segments.first(where: { segment in
                  let compact = LabelText.compact(segment.text)
                  // A speck read before the statement ("ÿ COMPLIES WITH …") may precede it.
                  return conformity.contains { phrase in compact.range(of: phrase).map { compact.distance(from: compact.startIndex, to: $0.lowerBound) <= 2 } ?? false }
              }) else { return nil }
        let window = 6 * max(statement.height, 8)
        let above = layout.segments.filter { $0.box.y1 <= statement.box.y0 + 1 && statement.box.y0 - $0.box.y1 < window &&
            $0.overlapsHorizontally(statement) && check.isPlausible($0.text) &&
            context.dates.firstDate(in: $0.text) == nil }
        guard let name = above.max(by: { $0.height < $1.height }), name.height >= 0.85 * statement.height else { return nil }
        let address = layout.segments.filter { $0.box.y0 >= name.box.y1 - 1 && $0.box.y1 <= statement.box.y0 + 1 && $0.height < name.height &&
            name.overlapsHorizontally($0) && $0.text.filter { $0.isLetter || $0.isNumber }.count >= 4 }.sorted { $0.box.y0 < $1.box.y0 }
        result.set("organization", name.text, confidence: 0.75, evidence: context.evidence(words: name.words))
        return CertificateHolder(name: name.text, segment: name, address: Array(address.prefix(3)))
    }
}

/// Whether a line can be an organisation's name: it starts with a capital or a digit, is not a
/// sentence of the certificate (a conformity phrase, a management system, a standard), and does not
/// end in a word that leads into something else ("of", ":"). The phrases and words are the rules'
/// `conformity`, `name_exclusions`, `standard_mention` and `lead_in_words`.
struct NameCheck {
    /// Conformity phrases, compacted (`LabelText.compact`).
    let conformity: [String]
    let exclusions: [String]
    let leadInWords: [String]
    let standardMention: NSRegularExpression

    /// `conformity` replaces the rules' own phrases (already compacted).
    init(rules: CertificateRules, conformity: [String]? = nil) throws {
        self.conformity = conformity ?? rules.conformity.map(LabelText.compact)
        exclusions = rules.nameExclusions.map(LabelText.compact)
        leadInWords = rules.leadInWords
        standardMention = try rules.compiled(rules.standardMention, key: "standard_mention")
    }

    /// Whether a compacted line names a standard ("iso27001").
    func mentionsStandard(_ compact: String) -> Bool {
        standardMention.firstMatch(in: compact, range: NSRange(location: 0, length: (compact as NSString).length)) != nil
    }

    func isPlausible(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first.isUppercase || first.isNumber || !first.isLetter && first != "(" else { return false }
        if trimmed.hasSuffix(":") || trimmed.filter(\.isLetter).count < 3 { return false }
        let compact = LabelText.compact(trimmed)
        if exclusions.contains(where: { compact.contains($0) }) || conformity.contains(where: { compact.contains($0) }) { return false }
        if mentionsStandard(compact) { return false }
        let last = trimmed.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if leadInWords.contains(last) { return false }
        return trimmed.split(separator: " ").count <= 14
    }
}
