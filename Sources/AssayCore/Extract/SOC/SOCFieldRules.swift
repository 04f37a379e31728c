import AssayModel
import Foundation

/// `extractors/soc/fields.yaml`, compiled once per document and shared by the SOC field extractors.
final class SOCFieldRules: @unchecked Sendable {
    struct Opinion: Decodable {
        var disclaimer: [String]
        var adverse: [String]
        var qualified: [String]
        /// Headings of an opinion that is not modified ("Unmodified Opinion").
        var unmodified: [String]
    }

    struct Rules: Decodable {
        var version: Int
        var addressee: String
        var examined: String
        var firm_line: String
        var firm_exclude: String
        var auditor_named: String
        var opinion_start: String
        var opinion_heading: String
        var opinion: Opinion
        var period: String
        var period_separator: String
        var as_of: String
        var categories_lead: String
        var categories: [String: String]
        var system_name: [String]
        var system_name_possessive: String
        var scope_headings: [String]
        var scope_inline: String
        var scope_max_sentences: Int
        var scope_max_characters: Int
        var scope_exclusion: String
        var location: String
        var location_stop: [String]
        var location_triggers: String
        var location_line: String
        var location_regions: [String]
        var location_region_codes: [String]
        var report_start: String
        var addressee_line: String
        var addressee_next: String
        var service_organization_named: String
        var restricted_use: String
        var auditor_mentions: [String]
        var individual_signer: String
        var organization_end: String
        var address_place: String
        var examined_scope: String
        var country_cue: String
        var opinion_possessive: String
        var date_city: String
        var country_cities: String
        var city_name: String
        var title_scope: String
        var title_window: Int
    }

    package static let file = "soc/fields.yaml"
    let raw: Rules
    let firmExclude: NSRegularExpression
    let addressee, examined, firmLine, auditorNamed, opinionStart, opinionHeading: NSRegularExpression
    let period, periodSeparator, asOf, categoriesLead, scopeInline, location: NSRegularExpression
    let scopeHeadings: [NSRegularExpression]
    let scopeExclusion: NSRegularExpression
    let systemNamePossessive: NSRegularExpression
    let categories: [(String, NSRegularExpression)]
    let locationTriggers, locationLine: NSRegularExpression
    let reportStart, addresseeLine, addresseeNext, serviceOrganizationNamed, restrictedUse, individualSigner: NSRegularExpression
    let auditorMentions: [NSRegularExpression]
    let organizationEnd, addressPlace, examinedScope, countryCue, countryCities, cityName, opinionPossessive, dateCity: NSRegularExpression
    let titleScope: NSRegularExpression

    private init(_ raw: Rules) throws {
        self.raw = raw
        func c(_ p: String, _ key: String, multiline: Bool = false) throws -> NSRegularExpression {
            do {
                var options: NSRegularExpression.Options = [.caseInsensitive]
                if multiline { options.insert(.anchorsMatchLines) }
                return try NSRegularExpression(pattern: p, options: options)
            } catch {
                throw RuleError(file: Self.file, key: key, message: "is not a valid regular expression")
            }
        }
        addressee = try c(raw.addressee, "addressee", multiline: true)
        examined = try c(raw.examined, "examined")
        firmLine = try NSRegularExpression(pattern: raw.firm_line, options: [.anchorsMatchLines])
        firmExclude = try c(raw.firm_exclude, "firm_exclude")
        auditorNamed = try c(raw.auditor_named, "auditor_named", multiline: true)
        opinionStart = try c(raw.opinion_start, "opinion_start")
        opinionHeading = try c(raw.opinion_heading, "opinion_heading", multiline: true)
        period = try c(raw.period, "period")
        periodSeparator = try c("^" + raw.period_separator, "period_separator")
        asOf = try c(raw.as_of, "as_of")
        categoriesLead = try c(raw.categories_lead, "categories_lead")
        scopeExclusion = try c(raw.scope_exclusion, "scope_exclusion")
        systemNamePossessive = try NSRegularExpression(pattern: raw.system_name_possessive, options: [])
        scopeHeadings = try raw.scope_headings.enumerated().map { try c($1, "scope_headings[\($0)]") }
        scopeInline = try c(raw.scope_inline, "scope_inline")
        location = try NSRegularExpression(pattern: raw.location, options: [.anchorsMatchLines])
        locationTriggers = try c(raw.location_triggers, "location_triggers")
        locationLine = try NSRegularExpression(pattern: raw.location_line, options: [])
        reportStart = try c(raw.report_start, "report_start")
        addresseeLine = try NSRegularExpression(pattern: raw.addressee_line, options: [.anchorsMatchLines])
        addresseeNext = try c(raw.addressee_next, "addressee_next", multiline: true)
        serviceOrganizationNamed = try NSRegularExpression(pattern: raw.service_organization_named, options: [])
        organizationEnd = try NSRegularExpression(pattern: raw.organization_end, options: [])
        addressPlace = try NSRegularExpression(pattern: raw.address_place, options: [])
        examinedScope = try c(raw.examined_scope, "examined_scope")
        countryCue = try c(raw.country_cue, "country_cue")
        opinionPossessive = try NSRegularExpression(pattern: raw.opinion_possessive, options: [])
        dateCity = try NSRegularExpression(pattern: raw.date_city, options: [])
        countryCities = try NSRegularExpression(pattern: raw.country_cities, options: [])
        cityName = try NSRegularExpression(pattern: raw.city_name, options: [])
        restrictedUse = try c(raw.restricted_use, "restricted_use")
        titleScope = try c(raw.title_scope, "title_scope", multiline: true)
        individualSigner = try NSRegularExpression(pattern: raw.individual_signer, options: [.anchorsMatchLines])
        auditorMentions = try raw.auditor_mentions.enumerated().map {
            do { return try NSRegularExpression(pattern: $1, options: [.anchorsMatchLines]) } catch {
                throw RuleError(file: Self.file, key: "auditor_mentions[\($0)]", message: "is not a valid regular expression")
            }
        }
        categories = try raw.categories.keys.sorted().map { key in
            (key, try c("\\b" + (raw.categories[key] ?? key) + "\\b", "categories.\(key)"))
        }
    }

    package static func load(_ context: DocumentContext) throws -> SOCFieldRules {
        try compiled(context.rules)
    }

    /// The compiled rules, once per rule book (`RuleWarmUp` compiles them while a SOC report is segmented).
    static func compiled(_ book: RuleBook) throws -> SOCFieldRules {
        try book.built("soc.fieldRules") { try SOCFieldRules($0.load(Rules.self, from: file)) }
    }
}

/// Where in `context.text` a section lies, so patterns can be run over just that part.
enum SOCText {
    /// The range of `context.text` covering pages `first...last`.
    static func range(_ context: DocumentContext, pages first: Int, _ last: Int) -> NSRange {
        let slice = context.lines(pages: first, last)
        guard let lower = slice.indices.first, let upper = slice.indices.last else { return NSRange(location: 0, length: 0) }
        let start = context.lineStart(lower)
        let end = context.lineStart(upper) + (context.body[upper].text as NSString).length
        return NSRange(location: start, length: end - start)
    }

    /// The range of a section, or of the first `fallbackPages` pages when it was not found.
    static func range(_ context: DocumentContext, section kind: String, fallbackPages: Int) -> NSRange {
        if let section = context.section(kind) { return range(context, pages: section.firstPage, section.lastPage) }
        return range(context, pages: 1, fallbackPages)
    }

    /// The auditor's report: its section when the segmenter found one; otherwise the pages from the
    /// first that opens an examination ("We have examined…") to four pages on, stopping before the
    /// system description. Real reports put a cover, contents and the assertion first, and the
    /// segmenter misses a report whose heading is an image or whose assertion comes first.
    static func opinionRange(_ context: DocumentContext, rules: SOCFieldRules, fallbackPages: Int = 6) -> (range: NSRange, isSection: Bool) {
        if let section = context.section("auditor_opinion") { return (range(context, pages: section.firstPage, section.lastPage), true) }
        let front = range(context, pages: 1, min(20, context.paged.pages.count))
        guard let start = rules.reportStart.firstMatch(in: context.text, range: front) else {
            return (range(context, pages: 1, fallbackPages), false)
        }
        let first = context.body[context.bodyIndex(at: start.range.location)].page
        var last = first + 4
        if let description = context.section("system_description"), description.firstPage > first {
            last = min(last, description.firstPage - 1)
        }
        return (range(context, pages: first, max(first, min(last, context.paged.pages.count))), false)
    }

    /// `context.text` with its line breaks read as spaces, so that a pattern can match across lines,
    /// built once per document: several extractors each copied the whole text for it (about 6 ms a
    /// copy on a 118-page report). A pattern run over a range of it sees only that range (the
    /// matching bounds are opaque), so it finds what it found in a copy with only that range flattened.
    static func flatText(_ context: DocumentContext) -> String {
        context.derived("soc.flatText") { flattened(context.text) }
    }

    /// `text` with each line break replaced by a space, as Foundation's
    /// `replacingOccurrences(of: "\n", with: " ")` gives it. That search skips a line break followed
    /// by a combining mark (the two form one character), so a text with a line that opens with a
    /// non-ASCII character is handed to it; any other is rewritten byte by byte, many times faster.
    static func flattened(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] == 0x0A {
            if index + 1 < bytes.count, bytes[index + 1] >= 0x80 {
                return (text as NSString).replacingOccurrences(of: "\n", with: " ", options: [], range: NSRange(location: 0, length: (text as NSString).length))
            }
            bytes[index] = 0x20
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func substring(_ context: DocumentContext, _ range: NSRange) -> String {
        (context.text as NSString).substring(with: range)
    }

    /// The end of the body line that holds `offset`.
    static func lineEnd(_ context: DocumentContext, at offset: Int) -> Int {
        let index = context.bodyIndex(at: offset)
        return context.lineStart(index) + (context.body[index].text as NSString).length
    }

    /// `text` with bidi embedding marks (U+202A-U+202E) read as spaces: some editors' PDF exports put
    /// them around every word, in place of the spaces.
    static func withoutBidiMarks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x202A...0x202E).contains($0.value) }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { (0x202A...0x202E).contains($0.value) ? " " : $0 }))
    }

    /// "City, Region" cut to end at its region when the region is a known state, province or
    /// country ("Denver, Colorado Boulder" → "Denver, Colorado"); nil when it is not a place at all.
    static func place(_ value: String, rules: SOCFieldRules) -> String? {
        guard let comma = value.range(of: ", ", options: .backwards) else { return nil }
        let region = String(value[comma.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " .,;"))
        let names = rules.raw.location_regions.filter { region.lowercased() == $0.lowercased() || region.lowercased().hasPrefix($0.lowercased() + " ") }
        let codes = rules.raw.location_region_codes.filter { region == $0 || region.hasPrefix($0 + " ") }
        guard let best = (names + codes).max(by: { $0.count < $1.count }) else { return nil }
        return String(value[..<comma.upperBound]) + String(region.prefix(best.count))
    }

    /// Name-ish cleanup: trims whitespace and trailing punctuation that is not part of a suffix.
    static func cleanName(_ text: String) -> String {
        var value = withoutBidiMarks(text).foldedWhitespace
        while let last = value.last, [":", ",", ";", "(", "“", "\""].contains(last) { value.removeLast() }
        return value.trimmingCharacters(in: .whitespaces)
    }
}
