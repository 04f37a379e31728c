import AssayModel
import Foundation

/// Reads an ISO management-system certificate: a designed page where labels and values sit side by
/// side or in columns. Values are paired with labels by word geometry (`LabelPairing`); the
/// organisation is the name under "This is to certify that"; the scope is the text block under its
/// heading; sites come from the address and from any annex table.
public struct ISOCertificateExtractor: DocumentExtractor {
    public init() {}

    public var kinds: Set<DocumentKind> { [.isoCertificate] }

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try context.rules.load(CertificateRules.self, from: "iso/certificate.yaml")
        try extract(context, rules: rules, into: &result)
    }

    /// Reads a certificate with the given layout rules (another scheme's certificate adds its labels).
    func extract(_ context: DocumentContext, rules: CertificateRules, into result: inout ExtractionResult) throws {
        let forms = try context.rules.load(LegalForms.self, from: "bodies/legal_forms.yaml")
        let accreditation = try context.rules.load(AccreditationBodies.self, from: "bodies/accreditation.yaml")
        let certification = try context.rules.load(CertificationBodies.self, from: "bodies/certification.yaml")
        let layouts = PageLayout.build(context)
        guard !layouts.isEmpty else { return }
        let pairing = LabelPairing(layouts: layouts, labels: rules.orderedLabels)
        let namePattern = try forms.namePattern()

        readLabelled(context, pairing: pairing, into: &result)
        ValiditySentence(rules: rules).read(context, into: &result)
        let organization = readOrganization(context, layouts: layouts, rules: rules, pairing: pairing,
                                            isCompleteName: { forms.isName($0, pattern: namePattern) }, into: &result)
        readScope(context, layouts: layouts, rules: rules, into: &result)
        try readStandards(context, layouts: layouts, rules: rules, into: &result)
        readSoA(context, rules: rules, into: &result)
        try readLocations(context, layouts: layouts, rules: rules, organization: organization, into: &result)
        readCertificationBody(context, layouts: layouts, rules: rules, known: certification, accreditation: accreditation,
                              namePattern: namePattern, forms: forms, organization: organization, into: &result)
        readAccreditationBody(context, layouts: layouts, bodies: accreditation, into: &result)
    }

    // MARK: Labelled values

    private func readLabelled(_ context: DocumentContext, pairing: LabelPairing, into result: inout ExtractionResult) {
        struct Found { var text: String; var words: [PlacedWord] }
        var found: [String: [Found]] = [:]
        for hit in pairing.hits {
            // "Certificate of Registration" is a title that starts with the bare label "Certificate":
            // a label whose own line goes on with a lower-case word is no label.
            if hit.field == "certificate_number", let next = hit.remainder.first?.text, Self.continuesTitle(next) { continue }
            for candidate in pairing.candidates(for: hit) {
                let text = candidate.map(\.text).joined(separator: " ")
                if hit.field == "certificate_number" {
                    if let number = Self.certificateNumber(text) {
                        found[hit.field, default: []].append(Found(text: number, words: candidate))
                        break
                    }
                } else if let mention = context.dates.firstDate(in: text),
                          mention.range.location <= 3 || Self.isStandardPrefix((text as NSString).substring(to: mention.range.location)) {
                    found[hit.field, default: []].append(Found(text: mention.text, words: candidate))
                    break
                }
            }
        }
        if let numbers = found["certificate_number"], let first = numbers.first {
            let agree = Set(numbers.map(\.text)).count == 1
            result.set("certificate_number", first.text, confidence: agree ? 0.96 : 0.8, evidence: context.evidence(words: first.words))
        }
        // Dates: settle the day/month order of slash dates for the whole certificate first.
        let dateFields = ["issue_date", "expiry_date", "original_certification_date"]
        var readings: [String: (DateMention, DateMention)] = [:]
        for field in dateFields {
            guard let first = found[field]?.first,
                  let dayFirst = context.dates.firstDate(in: first.text, slashOrder: .dayFirst),
                  let monthFirst = context.dates.firstDate(in: first.text, slashOrder: .monthFirst) else { continue }
            readings[field] = (dayFirst, monthFirst)
        }
        let ambiguous = readings.values.contains { $0.0.date != $0.1.date }
        var order: DateParser.SlashOrder = context.slashOrder ?? .dayFirst
        var settled = context.slashOrder != nil || !ambiguous
        if !settled {
            // The three-year cycle: expiry falls three years (less a day) after issue or original certification.
            func score(_ pick: ((DateMention, DateMention)) -> DateMention) -> Int {
                var points = 0
                guard let expiry = readings["expiry_date"].map(pick)?.date else { return 0 }
                for field in ["issue_date", "original_certification_date"] {
                    guard let start = readings[field].map(pick)?.date else { continue }
                    for years in 1...3 {
                        if let due = ISODate(year: start.year + years, month: start.month, day: start.day),
                           abs(due.dayNumber - expiry.dayNumber) <= 1 { points += 1 }
                    }
                }
                return points
            }
            let dayFirstScore = score { $0.0 }, monthFirstScore = score { $0.1 }
            if dayFirstScore != monthFirstScore {
                order = dayFirstScore > monthFirstScore ? .dayFirst : .monthFirst
                settled = true
            }
        }
        for field in dateFields {
            guard let first = found[field]?.first, let reading = readings[field] else { continue }
            let mention = order == .dayFirst ? reading.0 : reading.1
            let others = (found[field] ?? []).compactMap { context.dates.firstDate(in: $0.text, slashOrder: order)?.date }
            let agree = Set(others).count <= 1
            var confidence = 0.95
            if reading.0.date != reading.1.date && !settled { confidence = 0.6 }
            if !agree { confidence = min(confidence, 0.75) }
            result.set(field, mention.date.description, confidence: confidence, evidence: context.evidence(words: first.words))
        }
    }

    /// Whether the text before a date is only a standard's designation ("ISO/IEC 27001 - 28 May 2025").
    static func isStandardPrefix(_ text: String) -> Bool {
        text.range(of: "^\\s*(?:(?:BS|EN|ISO|IEC)[\\s/]*)+\\d{4,5}(?:-\\d{1,2})?(?::\\d{4})?\\s*[-–:]?\\s*$", options: .regularExpression) != nil
    }

    /// A certificate number: one token with a digit, or a short letter prefix and such a token
    /// ("IS 595959").
    /// Whether a word after a label continues a sentence or title ("of", "is", "de") rather than
    /// introducing a value ("No.", "nº", an identifier).
    static func continuesTitle(_ word: String) -> Bool {
        let letters = word.trimmingCharacters(in: .punctuationCharacters)
        guard letters.count >= 2, letters.allSatisfy(\.isLetter), letters.first?.isLowercase == true else { return false }
        return !["no", "nr", "nº", "n°", "num", "number"].contains(letters)
    }

    static func certificateNumber(_ text: String) -> String? {
        var tokens = text.split(separator: " ").map(String.init)
        while let first = tokens.first, ["no", "no.", "nr", "nr.", "nº", "n°", "#", ":"].contains(first.lowercased()) { tokens.removeFirst() }
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

    // MARK: Organisation and address

    struct Organization {
        var name: String
        var segment: LayoutSegment
        var address: [LayoutSegment]
    }

    private func readOrganization(_ context: DocumentContext, layouts: [PageLayout], rules: CertificateRules,
                                  pairing: LabelPairing, isCompleteName: (String) -> Bool,
                                  into result: inout ExtractionResult) -> Organization? {
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
                let above = rules.above_references ?? []
                if let next = below.first?.element, above.contains(where: { LabelText.contains(next.text, $0) }),
                   let name = segments.filter({ $0.box.y1 <= segment.box.y0 + 1 && $0.height >= 1.2 * segment.height &&
                       Self.isPlausibleName($0.text, conformity: conformity) }).max(by: { $0.height < $1.height }) {
                    var address: [LayoutSegment] = []
                    var bottom = name.box.y1
                    for line in segments where line.box.y0 >= name.box.y1 - 1 && line.box.y1 <= segment.box.y0 + 1 && name.overlapsHorizontally(line) {
                        if line.box.y0 - bottom > 1.6 * max(line.height, 6) || line.height >= name.height || address.count >= 3 ||
                            LabelText.compact(line.text).contains("certif") { break }
                        address.append(line)
                        bottom = line.box.y1
                    }
                    result.set("organization", name.text, confidence: 0.85, evidence: context.evidence(words: name.words))
                    return Organization(name: name.text, segment: name, address: address)
                }
                let skipped = below.prefix(3).firstIndex { Self.isPlausibleName($0.element.text, conformity: conformity) }
                guard let skipped else { continue }
                let rest = below.dropFirst(skipped)
                guard let nameIndex = rest.first?.offset else { continue }
                var nameSegments = [segments[nameIndex]]
                // A long name may wrap onto a second line in the same type size (not after its legal form).
                if let next = rest.dropFirst().first?.element, let top = nameSegments.first, !isCompleteName(top.text),
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
                    if gap > 1.6 * max(line.height, 6) || line.height > nameHeight * 0.95 || address.count >= 5 ||
                        conformity.contains(where: { compactLine.contains($0) }) ||
                        compactLine.range(of: "(iso|iec)\\d{4}", options: .regularExpression) != nil { break }
                    address.append(line)
                    bottom = line.box.y1
                }
                let confidence = nameHeight > segment.height * 1.2 ? 0.95 : 0.85
                result.set("organization", name, confidence: confidence, evidence: context.evidence(words: nameSegments.flatMap(\.words)))
                return Organization(name: name, segment: nameSegments[0], address: address)
            }
        }
        return organizationAboveConformity(context, layouts: layouts, conformity: conformity, into: &result)
    }

    /// Without an introduction ("COMPLIES WITH THE REQUIREMENTS OF …" under a name and address): the
    /// largest plausible name in the few lines above the first conformity statement of page 1, with
    /// the smaller lines between them as its address. A guess from layout alone, so not confident.
    private func organizationAboveConformity(_ context: DocumentContext, layouts: [PageLayout], conformity: [String],
                                             into result: inout ExtractionResult) -> Organization? {
        guard let layout = layouts.first,
              let statement = layout.segments.first(where: { segment in
                  let compact = LabelText.compact(segment.text)
                  // A speck read before the statement ("ÿ COMPLIES WITH …") may precede it.
                  return conformity.contains { phrase in compact.range(of: phrase).map { compact.distance(from: compact.startIndex, to: $0.lowerBound) <= 2 } ?? false }
              }) else { return nil }
        let window = 6 * max(statement.height, 8)
        let above = layout.segments.filter { $0.box.y1 <= statement.box.y0 + 1 && statement.box.y0 - $0.box.y1 < window &&
            $0.overlapsHorizontally(statement) && Self.isPlausibleName($0.text, conformity: conformity) &&
            context.dates.firstDate(in: $0.text) == nil }
        guard let name = above.max(by: { $0.height < $1.height }), name.height >= 0.85 * statement.height else { return nil }
        let address = layout.segments.filter { $0.box.y0 >= name.box.y1 - 1 && $0.box.y1 <= statement.box.y0 + 1 && $0.height < name.height &&
            name.overlapsHorizontally($0) && $0.text.filter { $0.isLetter || $0.isNumber }.count >= 4 }.sorted { $0.box.y0 < $1.box.y0 }
        result.set("organization", name.text, confidence: 0.75, evidence: context.evidence(words: name.words))
        return Organization(name: name.text, segment: name, address: Array(address.prefix(3)))
    }

    /// Whether a line can be an organisation's name: it starts with a capital or a digit, is not a
    /// sentence of the certificate (a conformity phrase, a management system), and does not end in
    /// a word that leads into something else ("of", ":").
    static func isPlausibleName(_ text: String, conformity: [String]) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first.isUppercase || first.isNumber || !first.isLetter && first != "(" else { return false }
        if trimmed.hasSuffix(":") || trimmed.filter(\.isLetter).count < 3 { return false }
        let compact = LabelText.compact(trimmed)
        if compact.contains("managementsystem") || conformity.contains(where: { compact.contains($0) }) { return false }
        if compact.range(of: "(iso|iec)\\d{4}", options: .regularExpression) != nil { return false }
        let last = trimmed.split(separator: " ").last.map { $0.lowercased() } ?? ""
        if ["of", "for", "the", "and", "to", "de", "del", "des", "du", "der", "von", "für", "that"].contains(last) { return false }
        return trimmed.split(separator: " ").count <= 14
    }

    // MARK: Scope

    private func readScope(_ context: DocumentContext, layouts: [PageLayout], rules: CertificateRules, into result: inout ExtractionResult) {
        let headings = rules.scope_headings.sorted { LabelText.compact($0).count > LabelText.compact($1).count }
        let soa = rules.soa_phrases.map(LabelText.compact)
        for layout in layouts {
            let segments = layout.segments
            for (index, segment) in segments.enumerated() {
                guard let rest = headings.lazy.compactMap({ LabelText.remainder(of: segment.text, after: $0) }).first else { continue }
                // A heading is short; a sentence that merely starts with "Scope" is not one.
                if !rest.isEmpty && rest.count < 20 { continue }
                var lines: [LayoutSegment] = []
                var words: [PlacedWord] = []
                if !rest.isEmpty {
                    let tail = Array(segment.words.suffix(rest.split(separator: " ").count))
                    words += tail
                    lines.append(LayoutSegment(words: tail))
                }
                var current = lines.last ?? segment
                var first = lines.isEmpty
                while true {
                    let limit = first ? 3 * max(current.height, 8) : 0.9 * max(current.height, 6)
                    let next = segments.enumerated().filter { $0.offset != index && $0.element.box.y0 >= current.box.y1 - 1 &&
                        $0.element.box.y0 - current.box.y1 < limit && !lines.contains($0.element) &&
                        (first ? ($0.element.box.x1 > segment.box.x0 && $0.element.box.x0 < segment.box.x1 + 150) : current.overlapsHorizontally($0.element)) }
                        .min { $0.element.box.y0 < $1.element.box.y0 }?.element
                    guard let next else { break }
                    if let reference = lines.first, abs(next.height - reference.height) > 0.15 * reference.height { break }
                    let compact = LabelText.compact(next.text)
                    // The SoA reference that follows a scope ends it; one the scope's sentence runs into belongs to it.
                    let endsSentence = lines.last.map { $0.text.hasSuffix(".") } ?? true
                    if endsSentence, soa.contains(where: { phrase in compact.range(of: phrase).map { compact.distance(from: compact.startIndex, to: $0.lowerBound) < 25 } ?? false }) { break }
                    lines.append(next)
                    words += next.words
                    current = next
                    first = false
                }
                let text = lines.map(\.text).joined(separator: " ").foldedWhitespace
                // A line that introduces a list ("The following site is part of …:") is not the scope.
                guard text.count >= 20, !text.hasSuffix(":") else { continue }
                result.set("scope", text, confidence: 0.9, evidence: context.evidence(words: words, limit: 1))
                return
            }
        }
        readUnheadedScope(context, layouts: layouts, rules: rules, into: &result)
    }

    /// A scope printed without a readable heading (the heading is drawn as a picture or on a curve)
    /// that opens the way scopes do: "Business Continuity Management System for the design …".
    /// Its lines run on in the same type size; read at a lower confidence than a headed scope.
    private func readUnheadedScope(_ context: DocumentContext, layouts: [PageLayout], rules: CertificateRules,
                                   into result: inout ExtractionResult) {
        guard result.fields["scope"] == nil, let pattern = rules.scope_opening,
              let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return }
        for layout in layouts {
            let segments = layout.segments
            for segment in segments {
                let ns = segment.text as NSString
                guard let match = regex.firstMatch(in: segment.text, range: NSRange(location: 0, length: ns.length)), match.range.location == 0 else { continue }
                var lines = [segment]
                var current = segment
                while let next = segments.filter({ !lines.contains($0) && $0.box.y0 >= current.box.y1 - 1 &&
                    $0.box.y0 - current.box.y1 < 0.9 * max(current.height, 6) && current.overlapsHorizontally($0) &&
                    abs($0.height - segment.height) <= 0.15 * segment.height }).min(by: { $0.box.y0 < $1.box.y0 }), lines.count < 12 {
                    lines.append(next)
                    current = next
                }
                let text = lines.map(\.text).joined(separator: " ").foldedWhitespace
                guard text.count >= 30 else { continue }
                result.set("scope", text, confidence: 0.75, evidence: context.evidence(words: segment.words, limit: 1))
                return
            }
        }
    }

    // MARK: Standards

    private func readStandards(_ context: DocumentContext, layouts: [PageLayout], rules: CertificateRules,
                               into result: inout ExtractionResult) throws {
        let regex: NSRegularExpression
        do { regex = try NSRegularExpression(pattern: rules.standard_pattern) } catch {
            throw RuleError(file: "iso/certificate.yaml", key: "standard_pattern", message: "is not a valid regular expression")
        }
        var standalone: [(String, [PlacedWord])] = []
        var inline: [(String, [PlacedWord])] = []
        for layout in layouts {
            for segment in layout.segments {
                let text = segment.text
                let ns = text as NSString
                for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    let number = ns.substring(with: match.range(at: 2))
                    guard !rules.not_certified.contains(number) else { continue }
                    let prefix = ns.substring(with: match.range(at: 1)).replacingOccurrences(of: " ", with: "")
                    let designation = "\(prefix) \(number):\(ns.substring(with: match.range(at: 3)))"
                    let entry = (designation, segment.words)
                    if match.range.location == 0 { standalone.append(entry) } else { inline.append(entry) }
                }
            }
        }
        let chosen = standalone.isEmpty ? inline : standalone
        var seen: [String] = []
        var evidence: [Evidence] = []
        for (designation, words) in chosen where !seen.contains(designation) {
            seen.append(designation)
            evidence += context.evidence(words: words, limit: 1)
        }
        guard !seen.isEmpty else { return }
        result.set("standards", .list(seen), confidence: standalone.isEmpty ? 0.7 : 0.95, evidence: evidence)
    }

    // MARK: Statement of Applicability

    private func readSoA(_ context: DocumentContext, rules: CertificateRules, into result: inout ExtractionResult) {
        let alternatives = rules.soa_phrases.map { phrase in
            phrase.split(separator: " ").map { NSRegularExpression.escapedPattern(for: String($0)).replacingOccurrences(of: "'", with: "['’]") }
                .joined(separator: "\\s+")
        }.joined(separator: "|")
        guard let regex = try? NSRegularExpression(pattern: "(?:\(alternatives))", options: [.caseInsensitive]) else { return }
        let text = context.text as NSString
        var best: (String, NSRange, Double)?
        for match in regex.matches(in: context.text, range: NSRange(location: 0, length: text.length)) {
            var end = text.range(of: "\n", options: [], range: NSRange(location: match.range.location, length: text.length - match.range.location)).location
            if end == NSNotFound { end = text.length }
            // A date broken over the line end ("dated 12 February" / "2024.") belongs to the reference.
            let window = NSRange(location: match.range.location, length: min(text.length, end + 40) - match.range.location)
            for mention in context.dates.dates(in: text.substring(with: window))
            where match.range.location + mention.range.location < end && match.range.location + NSMaxRange(mention.range) > end {
                end = match.range.location + NSMaxRange(mention.range)
            }
            var value = text.substring(with: NSRange(location: match.range.location, length: end - match.range.location))
                .foldedWhitespace
            while let last = value.last, ".,;".contains(last) { value.removeLast() }
            let hasDetail = context.dates.firstDate(in: value) != nil || value.range(of: "\\d", options: .regularExpression) != nil
            let confidence = hasDetail ? 0.9 : 0.5
            if best == nil || confidence > best?.2 ?? 0 {
                best = (value, NSRange(location: match.range.location, length: end - match.range.location), confidence)
            }
        }
        guard let best, best.0.count > 10 else { return }
        result.set("soa_reference", best.0, confidence: best.2, evidence: context.evidence(for: best.1).map { [$0] } ?? [])
    }

    // MARK: Locations

    private func readLocations(_ context: DocumentContext, layouts: [PageLayout], rules: CertificateRules,
                               organization: Organization?, into result: inout ExtractionResult) throws {
        let sites = try SiteLocations(rules: rules)
        var entries = sites.annexSites(layouts, rules: rules)
        if let organization, let office = sites.locality(organization.address.map(\.text)) {
            let city = { (text: String) in Matching.normalizedName(String(text.split(separator: ",").first ?? "")) }
            if !entries.contains(where: { city($0.0) == city(office) }) {
                entries.insert((office, organization.address.flatMap(\.words)), at: 0)
            }
        }
        var names: [String] = []
        var evidence: [Evidence] = []
        for (name, words) in entries where !names.contains(name) {
            names.append(name)
            evidence += context.evidence(words: words.suffix(4), limit: 1)
        }
        guard !names.isEmpty else { return }
        result.set("locations", .list(names), confidence: 0.85, evidence: Array(evidence.prefix(8)))
    }

    // MARK: Bodies

    private func readCertificationBody(_ context: DocumentContext, layouts: [PageLayout], rules: CertificateRules,
                                       known: CertificationBodies, accreditation: AccreditationBodies,
                                       namePattern: NSRegularExpression, forms: LegalForms, organization: Organization?,
                                       into result: inout ExtractionResult) {
        let organizationName = organization.map { Matching.normalizedName($0.name) }
        let organizationWords = organization.map { Matching.words(Matching.normalizedName($0.name)) } ?? []
        let scopeText = result.fields["scope"]?.value.strings.first.map(Matching.normalizedName) ?? ""
        let accreditationNames = Set(accreditation.bodies.flatMap { $0.names + [$0.acronym] }.map(Matching.normalizedName))
        // "Issued by: <name>": the issuer as the certificate labels it.
        let issuerLabels = (rules.issuer_labels ?? []).sorted { $0.count > $1.count }
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
            for phrase in rules.issuer_introductions ?? [] {
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

    private func readAccreditationBody(_ context: DocumentContext, layouts: [PageLayout], bodies: AccreditationBodies,
                                       into result: inout ExtractionResult) {
        let text = context.text as NSString
        // "Accredited by the <name> (<acronym>)": the body as the certificate names it.
        let byPattern = "(?:accredited by|accreditation by|akkreditiert (?:durch|von)|accrédité par|acreditado por)\\s+(?:the\\s+|la\\s+|el\\s+|die\\s+|le\\s+)?([^\\n.(,;]{2,90})"
        if let regex = try? NSRegularExpression(pattern: byPattern, options: [.caseInsensitive]),
           let match = regex.firstMatch(in: context.text, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
            let normalized = Matching.normalizedName(name)
            let isKnown = bodies.bodies.contains { body in
                body.acronym == name || body.names.contains { Matching.normalizedName($0) == normalized }
            }
            if isKnown || name.split(separator: " ").count <= 8 {
                result.set("accreditation_body", name, confidence: isKnown ? 0.93 : 0.6,
                           evidence: context.evidence(for: match.range).map { [$0] } ?? [])
                return
            }
        }
        // Otherwise the acronym or name printed in or beside the accreditation mark.
        var found: (String, [PlacedWord])?
        // Each name folded once, not once per segment (folding was most of this loop's time).
        let names = bodies.bodies.map { body in
            body.names.map { (name: $0, compact: LabelText.compact($0)) }.filter { $0.compact.count >= 8 }
        }
        outer: for layout in layouts {
            for segment in layout.segments {
                let words = segment.words.map { $0.text.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:()")) }
                let text = LabelText.compact(segment.text)
                for (body, names) in zip(bodies.bodies, names) {
                    if body.acronym_alone != false, let index = words.firstIndex(of: body.acronym) {
                        found = (body.acronym, [segment.words[index]])
                        break outer
                    }
                    for (name, compact) in names where text.contains(compact) {
                        found = (name, segment.words)
                        break outer
                    }
                }
            }
        }
        if let found {
            result.set("accreditation_body", found.0, confidence: 0.92, evidence: context.evidence(words: found.1))
        } else {
            result.diagnostics.append(Diagnostic(level: .info, code: "accreditation_not_in_text",
                message: "No accreditation body is named in the certificate's text; an accreditation mark, if printed, is an image that could not be read."))
        }
    }
}
