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

    struct Rules: RuleFile {
        package static let file = "soc/fields.yaml"
        package static let version = 1

        var version: Int
        var addressee: String
        var examined: String
        var firmLine: String
        var firmExclude: String
        var auditorNamed: String
        var opinionStart: String
        var opinionHeading: String
        var opinion: Opinion
        var period: String
        var periodSeparator: String
        var asOf: String
        var categoriesLead: String
        var categories: [String: String]
        var systemName: [String]
        var systemNamePossessive: String
        var scopeHeadings: [String]
        var scopeInline: String
        var scopeMaxSentences: Int
        var scopeMaxCharacters: Int
        var scopeExclusion: String
        var location: String
        var locationStop: [String]
        var locationTriggers: String
        var locationLine: String
        var locationRegions: [String]
        var locationRegionCodes: [String]
        var reportStart: String
        var addresseeLine: String
        var addresseeNext: String
        var serviceOrganizationNamed: String
        var restrictedUse: String
        var auditorMentions: [String]
        var individualSigner: String
        var organizationEnd: String
        var addressPlace: String
        var examinedScope: String
        var countryCue: String
        var hostingRegions: String
        var opinionPossessive: String
        var dateCity: String
        var countryCities: String
        var cityName: String
        var titleScope: String
        var titleWindow: Int

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case addressee
            case examined
            case firmLine = "firm_line"
            case firmExclude = "firm_exclude"
            case auditorNamed = "auditor_named"
            case opinionStart = "opinion_start"
            case opinionHeading = "opinion_heading"
            case opinion
            case period
            case periodSeparator = "period_separator"
            case asOf = "as_of"
            case categoriesLead = "categories_lead"
            case categories
            case systemName = "system_name"
            case systemNamePossessive = "system_name_possessive"
            case scopeHeadings = "scope_headings"
            case scopeInline = "scope_inline"
            case scopeMaxSentences = "scope_max_sentences"
            case scopeMaxCharacters = "scope_max_characters"
            case scopeExclusion = "scope_exclusion"
            case location
            case locationStop = "location_stop"
            case locationTriggers = "location_triggers"
            case locationLine = "location_line"
            case locationRegions = "location_regions"
            case locationRegionCodes = "location_region_codes"
            case reportStart = "report_start"
            case addresseeLine = "addressee_line"
            case addresseeNext = "addressee_next"
            case serviceOrganizationNamed = "service_organization_named"
            case restrictedUse = "restricted_use"
            case auditorMentions = "auditor_mentions"
            case individualSigner = "individual_signer"
            case organizationEnd = "organization_end"
            case addressPlace = "address_place"
            case examinedScope = "examined_scope"
            case countryCue = "country_cue"
            case hostingRegions = "hosting_regions"
            case opinionPossessive = "opinion_possessive"
            case dateCity = "date_city"
            case countryCities = "country_cities"
            case cityName = "city_name"
            case titleScope = "title_scope"
            case titleWindow = "title_window"
        }
    }

    package static var file: String { Rules.file }
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
    /// A sentence that says the system is hosted in a provider's regions, and any name of `location_regions`.
    let hostingRegions, regionName: NSRegularExpression

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
        /// A pattern compiled with exactly `options` (case-sensitive unless they say otherwise).
        func exact(_ p: String, _ key: String, _ options: NSRegularExpression.Options) throws -> NSRegularExpression {
            do { return try NSRegularExpression(pattern: p, options: options) } catch {
                throw RuleError(file: Self.file, key: key, message: "is not a valid regular expression")
            }
        }
        addressee = try c(raw.addressee, "addressee", multiline: true)
        examined = try c(raw.examined, "examined")
        firmLine = try exact(raw.firmLine, "firm_line", [.anchorsMatchLines])
        firmExclude = try c(raw.firmExclude, "firm_exclude")
        auditorNamed = try c(raw.auditorNamed, "auditor_named", multiline: true)
        opinionStart = try c(raw.opinionStart, "opinion_start")
        opinionHeading = try c(raw.opinionHeading, "opinion_heading", multiline: true)
        period = try c(raw.period, "period")
        periodSeparator = try c("^" + raw.periodSeparator, "period_separator")
        asOf = try c(raw.asOf, "as_of")
        categoriesLead = try c(raw.categoriesLead, "categories_lead")
        scopeExclusion = try c(raw.scopeExclusion, "scope_exclusion")
        systemNamePossessive = try exact(raw.systemNamePossessive, "system_name_possessive", [])
        scopeHeadings = try raw.scopeHeadings.enumerated().map { try c($1, "scope_headings[\($0)]") }
        scopeInline = try c(raw.scopeInline, "scope_inline")
        location = try exact(raw.location, "location", [.anchorsMatchLines])
        locationTriggers = try c(raw.locationTriggers, "location_triggers")
        locationLine = try exact(raw.locationLine, "location_line", [])
        reportStart = try c(raw.reportStart, "report_start")
        addresseeLine = try exact(raw.addresseeLine, "addressee_line", [.anchorsMatchLines])
        addresseeNext = try c(raw.addresseeNext, "addressee_next", multiline: true)
        serviceOrganizationNamed = try exact(raw.serviceOrganizationNamed, "service_organization_named", [])
        organizationEnd = try exact(raw.organizationEnd, "organization_end", [])
        addressPlace = try exact(raw.addressPlace, "address_place", [])
        examinedScope = try c(raw.examinedScope, "examined_scope")
        countryCue = try c(raw.countryCue, "country_cue")
        hostingRegions = try c(raw.hostingRegions, "hosting_regions")
        let names = raw.locationRegions.filter { $0.count >= 4 }.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
        regionName = try exact("(?<![\\p{L}])(?:" + names.joined(separator: "|") + ")(?![\\p{L}])", "location_regions", [])
        opinionPossessive = try exact(raw.opinionPossessive, "opinion_possessive", [])
        dateCity = try exact(raw.dateCity, "date_city", [])
        countryCities = try exact(raw.countryCities, "country_cities", [])
        cityName = try exact(raw.cityName, "city_name", [])
        restrictedUse = try c(raw.restrictedUse, "restricted_use")
        titleScope = try c(raw.titleScope, "title_scope", multiline: true)
        individualSigner = try exact(raw.individualSigner, "individual_signer", [.anchorsMatchLines])
        auditorMentions = try raw.auditorMentions.enumerated().map {
            do { return try NSRegularExpression(pattern: $1, options: [.anchorsMatchLines]) } catch {
                throw RuleError(file: Self.file, key: "auditor_mentions[\($0)]", message: "is not a valid regular expression")
            }
        }
        // The system-name patterns are completed with the organisation's name for each report; compiled
        // here with the stand-in the extractor uses when the name is unknown, so a broken one is caught.
        for (index, pattern) in raw.systemName.enumerated() {
            _ = try c(Self.systemNamePattern(pattern, organization: nil), "system_name[\(index)]")
        }
        categories = try raw.categories.keys.sorted().map { key in
            (key, try c("\\b" + (raw.categories[key] ?? key) + "\\b", "categories.\(key)"))
        }
    }

    /// A `system_name` pattern with `{org}` filled: the organisation's name as written, or a stand-in
    /// for any name when it is not known.
    static func systemNamePattern(_ pattern: String, organization: String?) -> String {
        let org = organization.map(NSRegularExpression.escapedPattern(for:)) ?? "[A-Z][^\\n]{2,60}?"
        return pattern.replacingOccurrences(of: " ", with: "\\s+").replacingOccurrences(of: "{org}", with: org)
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
        let names = rules.raw.locationRegions.filter { region.lowercased() == $0.lowercased() || region.lowercased().hasPrefix($0.lowercased() + " ") }
        let codes = rules.raw.locationRegionCodes.filter { region == $0 || region.hasPrefix($0 + " ") }
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
