import AssayCore
import AssayModel

/// The reviewer's memo (`--format md`): a cover sheet, then the review outline's parts — findings
/// with the questions to send, reliability, exceptions, subservice organisations, CUECs, claims,
/// contract clauses and the obligation table — every line with the page it was read from, ready to
/// paste into a ticket. Labels, order and cut-offs are the outline's.
public enum MarkdownMemo {
    public static func render(_ document: AssayDocument) -> String {
        render(ReviewOutline(document))
    }

    public static func render(_ outline: ReviewOutline) -> String {
        var out: [String] = []
        out.append("# \(escape(outline.title))")
        out.append("")
        let source = outline.source
        if let failure = outline.failure {
            out.append("**\(failure.label)** (`\(failure.code)`): \(escape(failure.message))")
            out.append("")
            out.append("\(OutlineVocabulary.source): `\(source.path)`")
            return out.joined(separator: "\n")
        }
        for section in outline.sections {
            if section.id == .cover {
                out += cover(section, source: source)
                continue
            }
            out.append("## \(escape(section.heading))")
            out.append("")
            if let note = section.note { out += [escape(note), ""] }
            if section.rows.isEmpty, let empty = section.emptyNote { out.append(escape(empty)) }
            // The memo lays out only the obligations as a table; records with long text stay list items.
            if section.id == .obligations, !section.rows.isEmpty {
                out.append("| " + section.columns.joined(separator: " | ") + " |")
                out.append("|" + String(repeating: "---|", count: section.columns.count))
            }
            for row in section.rows { out += lines(row, in: section) }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// The cover table; the source row closes it.
    static func cover(_ section: OutlineSection, source: ReviewOutline.Source) -> [String] {
        var out = ["| | |", "|---|---|"]
        for row in section.rows { out.append("| \(row.label) | \(escape(row.value))\(page(row.evidence))\(flag(row)) |") }
        out.append("| \(OutlineVocabulary.source) | `\(source.path)`, \(OutlineVocabulary.pages(source.pages ?? 0)), \(OutlineVocabulary.sha256) `\(source.shortSHA256 ?? "")…` |")
        out.append("")
        return out
    }

    static func lines(_ row: OutlineRow, in section: OutlineSection) -> [String] {
        let tail = page(row.evidence) + flag(row)
        let criteria = row.detail(.criteria).map { " (\(escape($0.value)))" } ?? ""
        var out: [String]
        switch section.id {
        case .cover: out = []
        case .findings: out = ["- **\(row.label.uppercased())** `\(row.code ?? "")` — \(escape(row.value))\(tail)"]
        case .reliability:
            out = ["- **\(escape(row.label))** `\(row.code ?? "")` — \(escape(row.value))\(tail)"]
            out += row.quotes.map { "  - p. \($0.page): “\(escape($0.quote))”" }
        case .exceptions: out = ["- **\(escape(row.label))**\(criteria): \(escape(row.value))\(tail)"]
        case .subservice:
            let services = row.value.isEmpty ? "" : ": \(escape(row.value))"
            out = ["- \(escape(row.label)) — \(row.detail(.method)?.value ?? "")\(services)\(tail)"]
        case .cuecs: out = ["- [ ] \(escape(row.value))\(criteria)\(tail)"]
        case .claims, .clauses: out = ["- \(escape(row.value))\(tail)"]
        case .obligations:
            let cells = [row.label, row.detail(.reference)?.value ?? "", row.value, row.detail(.status)?.value ?? "", row.detail(.rationale)?.value ?? ""]
            out = ["| " + cells.map(escape).joined(separator: " | ") + " |"]
        case .diagnostics: out = ["- **\(row.label)** `\(row.code ?? "")` — \(escape(row.value))"]
        }
        for key in [OutlineDetail.Key.managementResponse, .followUp] {
            if let detail = row.detail(key) { out.append("  - \(detail.label): \(escape(detail.value))") }
        }
        out += ownControls(row.ownControls)
        return out
    }

    /// With `--controls`: the own controls that answer a CUEC, or "no own control".
    static func ownControls(_ controls: [OutlineOwnControl]?) -> [String] {
        guard let controls else { return [] }
        if controls.isEmpty { return ["  - **\(OutlineVocabulary.noOwnControl)** \(OutlineVocabulary.noOwnControlAdvice)"] }
        return controls.map { own in
            "  - \(OutlineVocabulary.ownControl) **\(escape(own.id))**\(own.text.map { " \(escape($0))" } ?? "") (\(escape(own.because)))"
        }
    }

    static func flag(_ row: OutlineRow) -> String {
        guard row.isLowConfidence, let confidence = row.confidence else { return "" }
        return " _(\(OutlineVocabulary.confidence(confidence)))_"
    }

    static func page(_ evidence: [Evidence]) -> String {
        guard let first = evidence.first else { return "" }
        return " (p. \(first.page))"
    }

    /// Keeps table cells and list items intact: pipes and line breaks would break the Markdown.
    static func escape(_ text: String) -> String {
        text.foldedWhitespace.replacingOccurrences(of: "|", with: "\\|")
    }
}
