import AssayModel
import Foundation

/// The scope of the system (the paragraph under "Scope of the Description" / "Services in Scope" /
/// "In scope:" in the system description) and the locations it names ("offices in Denver,
/// Colorado and Omaha, Nebraska"). Locations are read only from the scope paragraph, so an office
/// mentioned elsewhere is not taken as in scope.
public struct SOCScopeExtractor: DocumentExtractor {
    public var kinds: Set<DocumentKind> { [.soc1, .soc2, .soc3] }

    public init() {}

    public func extract(_ context: DocumentContext, into result: inout ExtractionResult) throws {
        let rules = try SOCFieldRules.load(context)
        readScope(context, rules: rules, into: &result)
        if context.kind == .soc3, result.fields["scope"] == nil { titleScope(context, rules: rules, into: &result) }
        if result.fields["locations"] == nil { addresseeCity(context, rules: rules, into: &result) }
    }

    /// A SOC 3 report often states its scope only in its title: "<the system, and for whom> System and
    /// Organization Controls 3 (SOC 3) Report" on its first lines. The title names the system as the
    /// report is about it, so it is the scope when no paragraph says more; its wording is a heading,
    /// not a statement, hence the lower confidence.
    func titleScope(_ context: DocumentContext, rules: SOCFieldRules, into result: inout ExtractionResult) {
        let window = NSRange(location: 0, length: min((context.text as NSString).length, rules.raw.titleWindow))
        guard let match = rules.titleScope.firstMatch(in: context.text, range: window) else { return }
        let range = match.range(at: 1)
        let value = (context.text as NSString).substring(with: range).foldedWhitespace
        guard value.split(separator: " ").count >= 2, let evidence = context.evidence(for: range) else { return }
        result.set("scope", value, confidence: 0.7, evidence: [evidence])
    }

    /// Without a site named in the description, the city in the report's address block (the lines
    /// under the service organisation's name, before "We have examined") is where it operates from.
    func addresseeCity(_ context: DocumentContext, rules: SOCFieldRules, into result: inout ExtractionResult) {
        guard let organization = result.fields["service_organization"]?.value.display, !organization.isEmpty else { return }
        let text = context.text as NSString
        let report = SOCText.opinionRange(context, rules: rules).range
        let at = text.range(of: organization, options: [], range: report)
        guard at.location != NSNotFound else { return }
        var end = min(NSMaxRange(report), NSMaxRange(at) + 160)
        let examined = rules.reportStart.firstMatch(in: context.text, range: NSRange(location: NSMaxRange(at), length: end - NSMaxRange(at)))
        if let examined { end = examined.range.location }
        // A street before the town ("12 Larch Dr. S.W., Calgary, AB") matches as "Larch Dr. S.W., Calgary"
        // and is no place: the search goes on from the word after its comma, so the town is read with its region.
        var from = NSMaxRange(at)
        while from < end, let match = rules.addressPlace.firstMatch(in: context.text, range: NSRange(location: from, length: end - from)) {
            let group = match.range(at: 1)
            guard let raw = SOCRegex.group(match, 1, in: text), let place = SOCText.place(raw.foldedWhitespace, rules: rules) else {
                let comma = text.range(of: ", ", options: [], range: group)
                from = comma.location == NSNotFound ? NSMaxRange(match.range) : NSMaxRange(comma)
                continue
            }
            var value = place
            var range = NSRange(location: group.location, length: (place as NSString).length)
            // A line that opens with a house number prints the whole address ("12 Larch Dr., Calgary, AB,
            // T2V 2N2"): kept as printed, since its number and postcode cannot be told apart on one line.
            let line = text.lineRange(for: range)
            let printed = text.substring(with: line).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n,;"))
            if printed.first?.isNumber == true, printed.count <= 120 {
                value = printed
                range = NSRange(location: line.location + text.substring(with: line).distance(ofPrefixBefore: printed), length: (printed as NSString).length)
            }
            if let evidence = context.evidence(for: range) {
                result.set("locations", .list([value]), confidence: 0.7, evidence: [evidence])
            }
            return
        }
    }

    /// The examination's subject as the auditor's report states it: "We have examined Acme's accompanying
    /// description of its X system … throughout the period …", up to the period's end date.
    func examinedScope(_ context: DocumentContext, rules: SOCFieldRules) -> (String, NSRange)? {
        let range = SOCText.opinionRange(context, rules: rules).range
        let flat = SOCText.withoutBidiMarks((context.text as NSString).substring(with: range)).replacingOccurrences(of: "\n", with: " ")
        guard let match = SOCRegex.firstMatch(rules.examinedScope, flat) else { return nil }
        let value = (flat as NSString).substring(with: match.range).foldedWhitespace
        return (value, NSRange(location: range.location + match.range.location, length: match.range.length))
    }

    func readScope(_ context: DocumentContext, rules: SOCFieldRules, into result: inout ExtractionResult) {
        // Real reports seldom head a paragraph "Scope" or "Services": without any such heading, the auditor's
        // statement of what was examined is the scope.
        var scopeSet = false
        func setExamined() {
            guard context.kind != .soc3, !scopeSet, let (value, range) = examinedScope(context, rules: rules),
                  let evidence = context.evidence(for: range, maxLength: 600) else { return }
            result.set("scope", value, confidence: 0.8, evidence: [evidence])
            scopeSet = true
        }
        guard let description = context.section("system_description") else {
            setExamined()
            extractLocations(context, rules: rules, scope: nil, into: &result)
            return
        }
        let lines = context.lines(pages: description.firstPage, description.lastPage)
        var startIndex: Int?
        var tierIndex: Int?
        var inlineOffset = 0
        // Headings in order of preference: the scope itself, then the services described, then the boundaries.
        tiers: for (number, tier) in rules.scopeHeadings.enumerated() {
            for index in lines.indices {
                let line = context.body[index].text
                if line.utf16.count < 70, SOCRegex.matches(tier, line) {
                    startIndex = index + 1
                    tierIndex = number
                    break tiers
                }
                if let match = SOCRegex.firstMatch(rules.scopeInline, line) {
                    startIndex = index
                    tierIndex = 0
                    inlineOffset = match.range.length
                    break tiers
                }
            }
        }
        if tierIndex == nil { setExamined() }
        guard let first = startIndex, first < context.body.count else {
            extractLocations(context, rules: rules, scope: nil, into: &result)
            return
        }
        // The first paragraph: it ends at a line that ends a sentence well short of the full width,
        // at a heading-like line, or after a few sentences.
        var last = first
        var sentences = 0
        var widest = 0.0
        var characters = 0
        while last < context.body.count {
            let body = context.body[last]
            let line = body.text.trimmingCharacters(in: .whitespaces)
            if last > first, line.count < 60, !line.hasSuffix("."), !line.hasSuffix(","), let c = line.unicodeScalars.first,
               CharacterSet.uppercaseLetters.contains(c) || CharacterSet.decimalDigits.contains(c) {
                last -= 1
                break
            }
            let width = body.line.words.isEmpty ? Double(line.count) : body.line.box.width
            widest = max(widest, width)
            sentences += line.components(separatedBy: ". ").count - 1 + (line.hasSuffix(".") ? 1 : 0)
            if line.hasSuffix("."), last > first, width < widest * 0.85 { break }
            characters += line.count + 1
            if sentences >= rules.raw.scopeMaxSentences || last - first >= 10 { break }
            if characters >= rules.raw.scopeMaxCharacters && line.hasSuffix(".") { break }
            last += 1
        }
        last = min(max(last, first), context.body.count - 1)
        let start = context.lineStart(first) + inlineOffset
        let end = context.lineStart(last) + (context.body[last].text as NSString).length
        guard end > start else { return }
        let range = NSRange(location: start, length: end - start)
        var scope = (context.text as NSString).substring(with: range).foldedWhitespace
        guard scope.count >= 40, let evidence = context.evidence(for: range, maxLength: 600) else { return }
        var evidenceList = [evidence]
        // What the system leaves out often stands in its own sentence nearby ("… are not part of the system").
        if !SOCRegex.matches(rules.scopeExclusion, scope), let exclusion = exclusionSentence(context, rules: rules, near: first, in: lines) {
            scope += " " + (context.text as NSString).substring(with: exclusion).foldedWhitespace
            if let extra = context.evidence(for: exclusion) { evidenceList.append(extra) }
        }
        if !scopeSet { result.set("scope", scope, confidence: 0.85, evidence: evidenceList) }

        extractLocations(context, rules: rules, scope: range, into: &result)
    }

    /// The first sentence after the scope paragraph's start (within the system description) that
    /// says what the system excludes.
    func exclusionSentence(_ context: DocumentContext, rules: SOCFieldRules, near first: Int, in lines: ArraySlice<BodyLine>) -> NSRange? {
        guard let lastLine = lines.indices.last else { return nil }
        let upper = min(lastLine, first + 120)
        guard upper >= first else { return nil }
        let start = context.lineStart(first)
        let end = context.lineStart(upper) + (context.body[upper].text as NSString).length
        let window = NSRange(location: start, length: end - start)
        guard let match = rules.scopeExclusion.firstMatch(in: context.text, range: window) else { return nil }
        let text = context.text as NSString
        // Sentence bounds: back to the previous ". " (or line start after a heading), forward to the next ".".
        var from = match.range.location
        while from > start {
            let c = text.character(at: from - 1)
            if c == 0x2E || c == 0x3A && from - 1 > start && text.character(at: from - 2) != 0x20 { break }
            from -= 1
        }
        while from < match.range.location, let scalar = Unicode.Scalar(text.character(at: from)), CharacterSet.whitespacesAndNewlines.contains(scalar) { from += 1 }
        var to = match.range.location + match.range.length
        while to < end, text.character(at: to) != 0x2E { to += 1 }
        to = min(end, to + 1)
        guard to - from < 400 else { return nil }
        return NSRange(location: from, length: to - from)
    }

    /// "hosted on the provider's infrastructure in its regions across Ireland and Singapore": the countries
    /// and states (`location_regions`) a sentence names as the hosting regions, read from its cue
    /// (`hosting_regions`) to the sentence's end, each once.
    func hostingRegions(_ context: DocumentContext, rules: SOCFieldRules, in range: NSRange) -> [(String, NSRange)] {
        let text = context.text as NSString
        var found: [(String, NSRange)] = []
        for cue in rules.hostingRegions.matches(in: context.text, range: range) {
            var to = NSMaxRange(cue.range)
            let limit = min(NSMaxRange(range), to + 160)
            while to < limit, text.character(at: to) != 0x2E { to += 1 }
            let window = NSRange(location: cue.range.location, length: to - cue.range.location)
            for match in rules.regionName.matches(in: context.text, range: window) {
                let name = text.substring(with: match.range)
                if !found.contains(where: { $0.0.lowercased() == name.lowercased() }) { found.append((name, match.range)) }
            }
        }
        return found
    }

    /// The text of a line up to the first gap wider than a word space (a table's column gap), when the
    /// line's text starts with it; otherwise the whole line.
    static func firstCell(_ body: BodyLine) -> String {
        let words = body.line.words
        guard words.count > 1 else { return body.text }
        var end = 1
        while end < words.count, words[end].box.x0 - words[end - 1].box.x1 < 12 { end += 1 }
        let cell = words[..<end].map(\.text).joined(separator: " ")
        return end < words.count && body.text.hasPrefix(cell) ? cell : body.text
    }

    /// Places named in the scope paragraph, in sentences about where the organisation operates
    /// ("headquartered in…", "offices in…", "colocation facilities in…") and in locations lists
    /// ("Kraków, Poland — engineering"), all inside the system description.
    func extractLocations(_ context: DocumentContext, rules: SOCFieldRules, scope: NSRange?, into result: inout ExtractionResult) {
        guard let description = context.section("system_description") else {
            // Without a description found, only the hosting regions are read, anywhere in the report: the
            // sentence that names them says what they are wherever it stands.
            let all = NSRange(location: 0, length: (context.text as NSString).length)
            let regions = hostingRegions(context, rules: rules, in: all)
            guard !regions.isEmpty else { return }
            result.set("locations", .list(regions.map(\.0)), confidence: 0.7, evidence: regions.compactMap { context.evidence(for: $0.1) })
            return
        }
        let text = context.text as NSString
        let sectionRange = SOCText.range(context, pages: description.firstPage, min(description.lastPage, description.firstPage + 5))
        var places: [(String, NSRange)] = []
        func add(_ place: String, at range: NSRange) {
            // A place cut by a hyphenated line break ("Minneapolis, Minne-") is left for its whole form elsewhere.
            if place.trimmingCharacters(in: .whitespaces).hasSuffix("-") { return }
            var value = place.trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
            value = value.replacingOccurrences(of: "\n", with: " ").foldedWhitespace
            let words = value.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.")) }
            guard !words.contains(where: { rules.raw.locationStop.contains($0) }), value.count <= 60,
                  let known = SOCText.place(value, rules: rules) else { return }
            value = known
            if !places.contains(where: { $0.0.lowercased() == value.lowercased() }) { places.append((value, range)) }
        }
        func scan(_ range: NSRange) {
            // Line breaks read as spaces; "X, Y and Z, W" reads as "in X, Y in Z, W" (same length, same offsets).
            let piece = text.substring(with: range).replacingOccurrences(of: "\n", with: " ")
            let flat = piece.replacingOccurrences(of: " and ", with: "  in ")
            let ns = flat as NSString
            for match in rules.location.matches(in: flat, range: NSRange(location: 0, length: ns.length)) {
                let r = match.range(at: 1)
                let place = ns.substring(with: r)
                add(place, at: NSRange(location: range.location + r.location, length: r.length))
            }
        }
        if let scope { scan(scope) }
        for trigger in rules.locationTriggers.matches(in: context.text, range: sectionRange) {
            let from = trigger.range.location
            let length = min(180, sectionRange.location + sectionRange.length - from)
            guard length > 0 else { continue }
            var window = text.substring(with: NSRange(location: from, length: length))
            if let stop = window.range(of: ". ") { window = String(window[..<stop.lowerBound]) }
            scan(NSRange(location: from, length: (window as NSString).length))
        }
        // "offices in several countries: Germany (Berlin, Munich), Canada (Toronto)":
        // cities listed in brackets after their country, in a sentence about where the organisation works.
        for cue in rules.countryCue.matches(in: context.text, range: sectionRange) {
            let length = min(500, NSMaxRange(sectionRange) - cue.range.location)
            guard length > 0 else { continue }
            var window = text.substring(with: NSRange(location: cue.range.location, length: length)).replacingOccurrences(of: "\n", with: " ")
            if let stop = window.range(of: ". ") { window = String(window[..<stop.lowerBound]) }
            let ns = window as NSString
            for match in rules.countryCities.matches(in: window, range: NSRange(location: 0, length: ns.length)) {
                guard let country = SOCRegex.group(match, 1, in: ns), let list = SOCRegex.group(match, 2, in: ns) else { continue }
                let bare = country.hasPrefix("the ") ? String(country.dropFirst(4)) : country
                guard rules.raw.locationRegions.contains(where: { $0.lowercased() == bare.lowercased() }) else { continue }
                let cities = list.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard cities.allSatisfy({ SOCRegex.matches(rules.cityName, $0) }) else { continue }
                let at = NSRange(location: cue.range.location + match.range(at: 2).location, length: match.range(at: 2).length)
                for city in cities where !places.contains(where: { $0.0.lowercased() == city.lowercased() }) { places.append((city, at)) }
            }
        }
        for (name, range) in hostingRegions(context, rules: rules, in: SOCText.range(context, pages: description.firstPage, description.lastPage))
            where !places.contains(where: { $0.0.lowercased() == name.lowercased() }) {
            places.append((name, range))
        }
        for index in context.lines(pages: description.firstPage, description.lastPage).indices {
            // A table row "Tulsa, OK    Network Operations": only its first cell can be the place.
            let line = Self.firstCell(context.body[index])
            guard line.utf16.count < 120, let match = SOCRegex.firstMatch(rules.locationLine, line),
                  let place = SOCRegex.group(match, 1, in: line as NSString) else { continue }
            let r = match.range(at: 1)
            add(place, at: NSRange(location: context.lineStart(index) + r.location, length: r.length))
        }
        guard !places.isEmpty else { return }
        let evidence = places.compactMap { context.evidence(for: $0.1) }
        result.set("locations", .list(places.map(\.0)), confidence: 0.8, evidence: evidence)
    }
}

private extension String {
    /// The UTF-16 length of what stands before `inner`'s first occurrence (0 when absent).
    func distance(ofPrefixBefore inner: String) -> Int {
        guard let at = range(of: inner) else { return 0 }
        return self[..<at.lowerBound].utf16.count
    }
}
