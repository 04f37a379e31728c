import AssayCore
import AssayModel

/// A short, readable summary of one contract document for a terminal: the review outline, one line
/// per row with the page it was read from. Labels, order and cut-offs are the outline's.
public enum TextSummary {
    public static func render(_ document: AssayDocument) -> String {
        render(ReviewOutline(document))
    }

    public static func render(_ outline: ReviewOutline) -> String {
        var out: [String] = []
        out.append("== \(outline.source.path)")
        if let failure = outline.failure {
            out.append("\(failure.label) (\(failure.code)): \(failure.message)")
            return out.joined(separator: "\n")
        }
        let pages = outline.source.pages.map { ", \(OutlineVocabulary.pages($0))" } ?? ""
        out.append("\(outline.kind) (\(OutlineVocabulary.confidence(outline.kindConfidence)))\(pages), \(OutlineVocabulary.textLayer) \(outline.source.textLayer)")
        for section in outline.sections {
            if section.id != .cover { out.append("\(section.heading):") }
            if let note = section.note { out.append("  \(note)") }
            if section.rows.isEmpty, let empty = section.emptyNote { out.append("  \(empty)") }
            for row in section.rows { out += lines(row, in: section.id) }
        }
        return out.joined(separator: "\n")
    }

    static func lines(_ row: OutlineRow, in section: OutlineSection.ID) -> [String] {
        let tail = page(row) + flag(row)
        var out: [String]
        switch section {
        case .cover: out = ["  \(row.label): \(row.value)\(tail)"]
        case .findings: out = ["  [\(row.label)] \(row.code ?? ""): \(row.value)\(tail)"]
        case .reliability: out = ["  \(row.label) (\(row.code ?? "")): \(row.value)\(tail)"]
        case .exceptions: out = ["  - \(row.label): \(row.value)\(tail)"]
        case .subservice: out = ["  - \(row.label) (\(row.detail(.method)?.value ?? ""))\(tail)"]
        case .cuecs: out = ["  [ ] \(row.value)\(tail)"]
        case .claims, .clauses: out = ["  - \(row.value)\(tail)"]
        case .obligations: out = ["  \(row.label) \(row.detail(.reference)?.value ?? "") — \(row.detail(.status)?.value ?? ""): \(row.value)"]
        case .diagnostics: out = ["  \(row.label): \(row.code ?? ""): \(row.value)"]
        }
        for key in [OutlineDetail.Key.managementResponse, .followUp] {
            if let detail = row.detail(key) { out.append("      \(detail.label): \(detail.value)") }
        }
        for own in row.ownControls ?? [] {
            out.append("      \(OutlineVocabulary.ownControl) \(own.id)\(own.text.map { " \($0)" } ?? "") (\(own.because))")
        }
        if row.ownControls?.isEmpty == true { out.append("      \(OutlineVocabulary.noOwnControl) \(OutlineVocabulary.noOwnControlAdvice)") }
        return out
    }

    static func page(_ row: OutlineRow) -> String {
        row.evidence.first.map { " [p. \($0.page)]" } ?? ""
    }

    static func flag(_ row: OutlineRow) -> String {
        guard row.isLowConfidence, let confidence = row.confidence else { return "" }
        return " (\(OutlineVocabulary.confidence(confidence)))"
    }
}
