import AssayModel
import Foundation

/// The issue, expiry and original certification dates: from the values beside or below their labels,
/// else from a validity sentence ("valid from … to …", `ValiditySentence`).
///
/// Slash dates ("06/05/2025") are read day-first or month-first for the whole certificate at once:
/// the document's own order when it has one, else the order in which expiry falls whole years (less
/// a day) after issue or original certification, the three-year cycle of ISO 17021 certification.
struct CertificateDatesExtractor: CertificatePartExtractor {
    static let fields = ["issue_date", "expiry_date", "original_certification_date"]

    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) throws {
        let context = certificate.document
        let standardPrefix = try certificate.rules.compiled(certificate.rules.standardPrefix, key: "standard_prefix")
        struct Found { var text: String; var words: [PlacedWord] }
        var found: [String: [Found]] = [:]
        for hit in certificate.pairing.hits where Self.fields.contains(hit.field) {
            for candidate in certificate.pairing.candidates(for: hit) {
                let text = candidate.map(\.text).joined(separator: " ")
                if let mention = context.dates.firstDate(in: text),
                   mention.range.location <= 3 || Self.isStandardPrefix((text as NSString).substring(to: mention.range.location), pattern: standardPrefix) {
                    found[hit.field, default: []].append(Found(text: mention.text, words: candidate))
                    break
                }
            }
        }
        // Dates: settle the day/month order of slash dates for the whole certificate first.
        let dateFields = Self.fields
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
        ValiditySentence(rules: certificate.rules).read(context, into: &result)
    }

    /// Whether the text before a date is only a standard's designation ("ISO/IEC 27001 - 28 May 2025");
    /// `pattern` is the rules' `standard_prefix`.
    static func isStandardPrefix(_ text: String, pattern: NSRegularExpression) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }
}
