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
        guard let description = context.section("system_description") else { return }
        let lines = context.lines(pages: description.firstPage, description.lastPage)
        var startIndex: Int?
        var inlineOffset = 0
        for index in lines.indices {
            let line = context.body[index].text
            if line.utf16.count < 70, SOCRegex.matches(rules.scopeHeading, line) {
                startIndex = index + 1
                break
            }
            if let match = SOCRegex.firstMatch(rules.scopeInline, line) {
                startIndex = index
                inlineOffset = match.range.length
                break
            }
        }
        guard let first = startIndex, first < context.body.count else { return }
        // The paragraph runs until a short heading-like line or a few sentences.
        var last = first
        var sentences = 0
        while last < context.body.count {
            let line = context.body[last].text.trimmingCharacters(in: .whitespaces)
            if last > first, line.count < 60, !line.hasSuffix("."), !line.hasSuffix(","), let c = line.unicodeScalars.first,
               CharacterSet.uppercaseLetters.contains(c) || CharacterSet.decimalDigits.contains(c) {
                last -= 1
                break
            }
            sentences += line.components(separatedBy: ". ").count - 1 + (line.hasSuffix(".") ? 1 : 0)
            if sentences >= rules.raw.scope_max_sentences || last - first >= 10 { break }
            last += 1
        }
        last = min(max(last, first), context.body.count - 1)
        let start = context.lineStart(first) + inlineOffset
        let end = context.lineStart(last) + (context.body[last].text as NSString).length
        guard end > start else { return }
        let range = NSRange(location: start, length: end - start)
        let scope = (context.text as NSString).substring(with: range).foldedWhitespace
        guard scope.count >= 40, let evidence = context.evidence(for: range, maxLength: 600) else { return }
        result.set("scope", scope, confidence: 0.85, evidence: [evidence])

        var locations: [String] = []
        var evidence2: [Evidence] = []
        let flat = (context.text as NSString).substring(with: range).replacingOccurrences(of: "\n", with: " ")
        // "in Denver, Colorado and its processing centre in Omaha, Nebraska" and "in Hillsboro, Oregon and Ashburn, Virginia".
        let expanded = flat.replacingOccurrences(of: " and ", with: " and in ")
        for match in rules.location.matches(in: expanded, range: NSRange(location: 0, length: (expanded as NSString).length)) {
            var place = (expanded as NSString).substring(with: match.range(at: 1)).trimmingCharacters(in: .whitespaces)
            let words = place.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",.")) }
            if words.contains(where: { rules.raw.location_stop.contains($0) }) { continue }
            place = place.trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
            if !locations.contains(place) {
                locations.append(place)
                let at = (context.text as NSString).range(of: place.components(separatedBy: ",").first ?? place, options: [], range: range)
                if let e = context.evidence(for: at) { evidence2.append(e) }
            }
        }
        if !locations.isEmpty {
            result.set("locations", .list(locations), confidence: 0.85, evidence: evidence2.isEmpty ? [evidence] : evidence2)
        }
    }
}
