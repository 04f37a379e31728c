import AssayCore
import AssayModel

/// A vendor's coverage over time: one span per dated document, and the gaps and overlaps of the
/// SOC periods and bridge letters up to the as-of date.
///
/// Certificates are drawn but take no part in gaps: a certificate says a management system was
/// found to conform, not that controls were tested over a period. A Type I report counts as a
/// single covered day.
public struct CoverageTimeline: Sendable, Hashable {
    public var spans: [CoverageSpan]
    public var gaps: [CoverageInterval] = []
    public var overlaps: [CoverageInterval] = []
    /// The last day a SOC period or bridge letter covers, up to the as-of date.
    public var coveredThrough: ISODate?

    public init(inputs: [VendorInput], asOf: ISODate, tolerances: VendorRules.Tolerances) {
        spans = inputs.compactMap(Self.span).sorted { ($0.start, $0.end, $0.path) < ($1.start, $1.end, $1.path) }
        var coveredEnd: ISODate?
        var previous: CoverageSpan?
        for span in spans where span.row.isControlCoverage && span.start <= asOf {
            guard let end = coveredEnd, let before = previous else {
                coveredEnd = span.end
                previous = span
                continue
            }
            let uncovered = span.start.dayNumber - end.dayNumber - 1
            if uncovered > tolerances.gapDays {
                gaps.append(CoverageInterval(start: end.adding(days: 1), end: span.start.adding(days: -1), between: [before.path, span.path]))
            } else if uncovered < 0 {
                let overlapEnd = min(span.end, end)
                if overlapEnd.dayNumber - span.start.dayNumber + 1 >= tolerances.overlapDays {
                    overlaps.append(CoverageInterval(start: span.start, end: overlapEnd, between: [before.path, span.path]))
                }
            }
            if span.end > end {
                coveredEnd = span.end
                previous = span
            }
        }
        coveredThrough = coveredEnd.map { min($0, asOf) }
        if let end = coveredEnd, let before = previous, end < asOf, asOf.dayNumber - end.dayNumber > tolerances.trailingGapDays {
            gaps.append(CoverageInterval(start: end.adding(days: 1), end: asOf, between: [before.path]))
        }
    }

    /// The span of one document, or nil when it states no usable dates.
    static func span(_ input: VendorInput) -> CoverageSpan? {
        let document = input.document
        guard !document.isFailure else { return nil }
        let path = document.source.path
        func date(_ key: String) -> (ISODate, [VendorEvidence])? {
            guard let field = document.fields[key], let value = ISODate(field.value.display) else { return nil }
            return (value, field.evidence.map { VendorEvidence(path: path, $0) })
        }
        let row: CoverageRow
        switch document.document.kind {
        case .soc1: row = .soc1
        case .soc2: row = .soc2
        case .soc3: row = .soc3
        case .bridgeLetter: row = .bridgeLetter
        case .isoCertificate: row = .certificate
        case .trustPage, .otherAssurance, .unknown: return nil
        }
        let (startKey, endKey) = row == .certificate ? ("issue_date", "expiry_date") : ("period_start", "period_end")
        if let (start, startEvidence) = date(startKey), let (end, endEvidence) = date(endKey), start <= end {
            return CoverageSpan(path: path, row: row, start: start, end: end, isPoint: false,
                                evidence: Self.unique(startEvidence + endEvidence))
        }
        if row != .certificate, row != .bridgeLetter, let (point, evidence) = date("as_of_date") ?? date("period_end") {
            return CoverageSpan(path: path, row: row, start: point, end: point, isPoint: true, evidence: evidence)
        }
        return nil
    }

    static func unique(_ evidence: [VendorEvidence]) -> [VendorEvidence] {
        evidence.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
