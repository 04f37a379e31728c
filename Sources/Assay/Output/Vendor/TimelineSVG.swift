import AssayCore
import AssayModel
import Foundation

/// The coverage timeline as inline SVG (no script): one row per kind of document, a bar per period,
/// a diamond per Type I date, gaps shaded and labelled across the SOC and bridge-letter rows, and a
/// dashed line at the as-of date. Every bar carries a `<title>` (its file and dates) for a tooltip
/// and for screen readers; the page also lists the same spans in a table.
enum TimelineSVG {
    static let width = 920.0
    static let labelWidth = 120.0
    static let rightMargin = 16.0
    static let top = 40.0
    static let rowHeight = 34.0
    static let barHeight = 18.0

    static func colour(_ row: CoverageRow) -> String {
        switch row {
        case .soc1, .soc2, .soc3: return "#2f5f98"
        case .bridgeLetter: return "#6b4f8c"
        case .certificate: return "#2e6b45"
        }
    }

    static func render(_ vendor: VendorRecord, asOf: ISODate) -> String {
        let rows = CoverageRow.allCases.filter { row in vendor.timeline.contains { $0.row == row } }
        guard !rows.isEmpty else { return "<p>No document of this vendor states a period or a validity.</p>" }
        let first = vendor.timeline.map(\.start).min() ?? asOf
        let last = max(asOf, vendor.timeline.map(\.end).max() ?? asOf)
        let domainStart = ISODate(year: min(first.year, asOf.year), month: 1, day: 1) ?? first
        let domainEnd = ISODate(year: last.year + 1, month: 1, day: 1) ?? last
        let span = Double(max(1, domainEnd.dayNumber - domainStart.dayNumber))
        let plot = width - labelWidth - rightMargin
        func x(_ date: ISODate) -> Double { labelWidth + Double(date.dayNumber - domainStart.dayNumber) / span * plot }
        func y(_ row: CoverageRow) -> Double { top + Double(rows.firstIndex(of: row) ?? 0) * rowHeight }
        let height = top + Double(rows.count) * rowHeight + 8
        func n(_ value: Double) -> String { String(format: "%.1f", value) }

        var out: [String] = []
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" aria-labelledby=\"timeline-title\" width=\"100%\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"system-ui, sans-serif\" font-size=\"12\">")
        out.append("<title id=\"timeline-title\">Coverage of \(HTMLText.escape(vendor.name)) from \(domainStart) to \(domainEnd), as of \(asOf)</title>")
        // Year grid.
        // At most about twelve labelled years, however long the documents' dates run.
        let step = max(1, (domainEnd.year - domainStart.year + 11) / 12)
        var year = domainStart.year
        while let tick = ISODate(year: year, month: 1, day: 1), tick <= domainEnd {
            out.append("<line x1=\"\(n(x(tick)))\" y1=\"\(n(top - 6))\" x2=\"\(n(x(tick)))\" y2=\"\(n(height - 8))\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>")
            if tick < domainEnd { out.append("<text x=\"\(n(x(tick) + 3))\" y=\"\(n(top - 10))\" fill=\"#333\">\(year)</text>") }
            year += step
        }
        // Gaps across the rows of SOC reports and bridge letters.
        let controlRows = rows.filter(\.isControlCoverage)
        if let firstRow = controlRows.first, let lastRow = controlRows.last {
            for gap in vendor.gaps {
                let x0 = x(gap.start), x1 = x(gap.end.adding(days: 1))
                out.append("<rect class=\"gap\" x=\"\(n(x0))\" y=\"\(n(y(firstRow) + 2))\" width=\"\(n(max(1, x1 - x0)))\" height=\"\(n(y(lastRow) - y(firstRow) + rowHeight - 4))\" fill=\"#f3c9c9\" stroke=\"#a00000\" stroke-dasharray=\"3 2\"><title>Gap: \(gap.start) to \(gap.end), \(gap.days) days</title></rect>")
                out.append("<text x=\"\(n(x0 + 3))\" y=\"\(n(y(lastRow) + rowHeight - 6))\" fill=\"#a00000\" font-weight=\"700\">gap \(gap.days) d</text>")
            }
        }
        // Row labels and bars.
        for row in rows {
            out.append("<text x=\"4\" y=\"\(n(y(row) + rowHeight / 2 + 4))\" fill=\"#1a1a1a\" font-weight=\"600\">\(HTMLText.escape(row.label))</text>")
        }
        for item in vendor.timeline {
            let title = "<title>\(HTMLText.escape(item.path)): \(item.isPoint ? "as of \(item.start)" : "\(item.start) to \(item.end)")</title>"
            let mid = y(item.row) + rowHeight / 2
            if item.isPoint {
                let cx = x(item.start)
                out.append("<polygon points=\"\(n(cx)),\(n(mid - 8)) \(n(cx + 8)),\(n(mid)) \(n(cx)),\(n(mid + 8)) \(n(cx - 8)),\(n(mid))\" fill=\"\(colour(item.row))\">\(title)</polygon>")
            } else {
                let x0 = x(item.start), x1 = x(item.end.adding(days: 1))
                out.append("<rect x=\"\(n(x0))\" y=\"\(n(mid - barHeight / 2))\" width=\"\(n(max(2, x1 - x0)))\" height=\"\(n(barHeight))\" rx=\"3\" fill=\"\(colour(item.row))\" fill-opacity=\"0.85\" stroke=\"#fff\" stroke-width=\"1\">\(title)</rect>")
            }
        }
        // The as-of date.
        let ax = x(asOf)
        out.append("<line x1=\"\(n(ax))\" y1=\"\(n(top - 4))\" x2=\"\(n(ax))\" y2=\"\(n(height - 4))\" stroke=\"#a00000\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>")
        out.append("<text x=\"\(n(min(ax + 4, width - 110)))\" y=\"\(n(top - 24))\" fill=\"#a00000\" font-weight=\"700\">as of \(asOf)</text>")
        out.append("</svg>")
        return out.joined(separator: "\n")
    }
}
