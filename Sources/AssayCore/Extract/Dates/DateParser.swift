import AssayModel
import Foundation

/// A date found in text: where it is, what it says, and whether its day and month could be
/// swapped (`05/06/2028` is 5 June or May 6 — only context can tell).
public struct DateMention: Sendable, Hashable {
    public var range: NSRange
    public var text: String
    public var date: ISODate
    /// The day/month order was a guess; `alternative` is the other reading.
    public var isAmbiguous: Bool
    public var alternative: ISODate?
}

/// Finds dates written the ways assurance documents write them: `January 1, 2025`, `1 January
/// 2025`, `5th June 2028`, `1. Januar 2025`, `5 de junio de 2028`, `2028-06-05`, `05.06.2028`,
/// `05/06/2028`, `07/01/2025`. Month names come from `extractors/dates.yaml`.
public struct DateParser: Sendable {
    struct Rules: RuleFile {
        package static let file = "dates.yaml"
        package static let version = 1

        var version: Int
        var months: [Int: [String]]
        var connectors: [String]
        var ordinalSuffixes: [String]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case months
            case connectors
            case ordinalSuffixes = "ordinal_suffixes"
        }
    }

    /// Numeric dates with slashes: read month first (US style) unless told otherwise.
    public enum SlashOrder: Sendable { case monthFirst, dayFirst }

    private let monthByName: [String: Int]
    private let named: NSRegularExpression
    private let namedDayFirst: NSRegularExpression
    private let numeric: NSRegularExpression

    public init(rules: RuleBook) throws {
        let parsed = try rules.load(Rules.self)
        var byName: [String: Int] = [:]
        for (month, names) in parsed.months {
            guard (1...12).contains(month) else {
                throw RuleError(file: Rules.file, key: "months.\(month)", message: "is not a month number 1–12")
            }
            for name in names { byName[name.lowercased()] = month }
        }
        monthByName = byName
        let names = byName.keys.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
        let suffix = "(?:" + parsed.ordinalSuffixes.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")?"
        let connector = "(?:\\s+(?:" + parsed.connectors.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + "))?"
        // June 5, 2028 / June 5th 2028 / Jun. 5, 2028
        named = try NSRegularExpression(
            pattern: "(?<![\\p{L}])(\(names))\\.?\\s+(\\d{1,2})\(suffix),?\\s+(\\d{4})(?!\\d)",
            options: [.caseInsensitive])
        // 5 June 2028 / 5th June 2028 / 1. Januar 2025 / 5 de junio de 2028 / 1er janvier 2025
        namedDayFirst = try NSRegularExpression(
            pattern: "(?<!\\d)(\\d{1,2})\(suffix)\(connector)\\s*(\(names))\\.?\(connector),?\\s+(\\d{4})(?!\\d)",
            options: [.caseInsensitive])
        // 2028-06-05 / 2028/06/05 / 05.06.2028 / 05/06/2028 / 05-06-2028
        numeric = try NSRegularExpression(
            pattern: "(?<![\\d./-])(?:(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})|(\\d{1,2})([./-])(\\d{1,2})\\6(\\d{4}|\\d{2}))(?![\\d]|[./-]\\d)",
            options: [])
    }

    /// Every date in `text`, in order of position; overlapping readings keep the first found.
    public func dates(in text: String, slashOrder: SlashOrder = .monthFirst) -> [DateMention] {
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [DateMention] = []
        for match in named.matches(in: text, range: whole) {
            guard let month = month(ns.substring(with: match.range(at: 1))),
                  let day = Int(ns.substring(with: match.range(at: 2))),
                  let year = Int(ns.substring(with: match.range(at: 3))),
                  let date = ISODate(year: year, month: month, day: day) else { continue }
            found.append(DateMention(range: match.range, text: ns.substring(with: match.range), date: date, isAmbiguous: false, alternative: nil))
        }
        for match in namedDayFirst.matches(in: text, range: whole) {
            guard let day = Int(ns.substring(with: match.range(at: 1))),
                  let month = month(ns.substring(with: match.range(at: 2))),
                  let year = Int(ns.substring(with: match.range(at: 3))),
                  let date = ISODate(year: year, month: month, day: day) else { continue }
            found.append(DateMention(range: match.range, text: ns.substring(with: match.range), date: date, isAmbiguous: false, alternative: nil))
        }
        for match in numeric.matches(in: text, range: whole) {
            if let mention = numericMention(match, in: ns, slashOrder: slashOrder) { found.append(mention) }
        }
        found.sort { $0.range.location < $1.range.location }
        var kept: [DateMention] = []
        for mention in found {
            if let last = kept.last, NSIntersectionRange(last.range, mention.range).length > 0 { continue }
            kept.append(mention)
        }
        return kept
    }

    /// The first date in `text`, if any.
    public func firstDate(in text: String, slashOrder: SlashOrder = .monthFirst) -> DateMention? {
        dates(in: text, slashOrder: slashOrder).first
    }

    private func month(_ name: String) -> Int? {
        monthByName[name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))]
    }

    private func numericMention(_ match: NSTextCheckingResult, in ns: NSString, slashOrder: SlashOrder) -> DateMention? {
        let text = ns.substring(with: match.range)
        if match.range(at: 1).location != NSNotFound {
            guard let year = Int(ns.substring(with: match.range(at: 1))),
                  let month = Int(ns.substring(with: match.range(at: 3))),
                  let day = Int(ns.substring(with: match.range(at: 4))),
                  let date = ISODate(year: year, month: month, day: day) else { return nil }
            return DateMention(range: match.range, text: text, date: date, isAmbiguous: false, alternative: nil)
        }
        guard let a = Int(ns.substring(with: match.range(at: 5))),
              let b = Int(ns.substring(with: match.range(at: 7))),
              var year = Int(ns.substring(with: match.range(at: 8))) else { return nil }
        if year < 100 { year += 2000 }
        let separator = ns.substring(with: match.range(at: 6))
        // Dots and dashes with the day first are the European convention; slashes are read by context.
        let dayFirst = separator != "/" || slashOrder == .dayFirst
        let (day, month) = dayFirst ? (a, b) : (b, a)
        let swapped = ISODate(year: year, month: day, day: month)
        if let date = ISODate(year: year, month: month, day: day) {
            let ambiguous = swapped != nil && a != b
            return DateMention(range: match.range, text: text, date: date, isAmbiguous: ambiguous, alternative: ambiguous ? swapped : nil)
        }
        // Only the other order makes a real date (e.g. 13/05/2028 read month-first): it is not ambiguous.
        if let swapped { return DateMention(range: match.range, text: text, date: swapped, isAmbiguous: false, alternative: nil) }
        return nil
    }

    /// Day-first or month-first, judged from the slash dates of a whole document: a component
    /// above 12 settles the order for every date written the same way.
    public func slashOrder(forDocument text: String) -> SlashOrder? {
        slashOrder(forLines: [text])
    }

    /// `slashOrder(forDocument:)` of the lines joined by newlines. Only the lines that hold a slash are
    /// searched: a numeric date holds no newline, and a line's ends border a newline either way, so the
    /// slash dates found are the same as in the whole text.
    public func slashOrder(forLines lines: [String]) -> SlashOrder? {
        let text = lines.filter { line in
            line.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "/")) } ?? line.utf8.contains(UInt8(ascii: "/"))
        }.joined(separator: "\n")
        let ns = text as NSString
        var dayFirstVotes = 0, monthFirstVotes = 0
        for match in numeric.matches(in: text, range: NSRange(location: 0, length: ns.length))
        where match.range(at: 5).location != NSNotFound && ns.substring(with: match.range(at: 6)) == "/" {
            guard let a = Int(ns.substring(with: match.range(at: 5))), let b = Int(ns.substring(with: match.range(at: 7))) else { continue }
            if a > 12 && b <= 12 { dayFirstVotes += 1 }
            if b > 12 && a <= 12 { monthFirstVotes += 1 }
        }
        if dayFirstVotes > monthFirstVotes { return .dayFirst }
        if monthFirstVotes > dayFirstVotes { return .monthFirst }
        return nil
    }
}
