import AssayCore
import AssayModel
import Foundation

/// `assay export roi`: the columns of the DORA register of information (Implementing Regulation
/// (EU) 2024/2956, Annex I) that a vendor's own documents can fill, as one CSV per template, plus
/// `roi_columns.csv` (every column of the map: template, code, label, what fills it) and
/// `roi_evidence.csv` (every filled cell with the file, hash, page and quote it was read from).
///
/// The column map lives in `extractors/exports/dora_roi.yaml`. A template is written only when at
/// least one of its columns has a source; every other cell is left empty for the financial entity.
/// A provider named by several documents is one row, keyed by its name with case, spacing and
/// punctuation folded (legal forms kept).
public enum ROIExport {
    public static let file = "exports/dora_roi.yaml"

    /// The Assay values a column can be filled from.
    public enum Source: String, Decodable, Sendable, CaseIterable {
        case providerLegalName = "provider_legal_name"
        case providerLatinName = "provider_latin_name"
    }

    public struct ColumnMap: Decodable, Sendable {
        public var version: Int
        public var regulation: String
        public var templates: [Template]

        public struct Template: Decodable, Sendable {
            public var template: String
            public var name: String
            public var file: String
            public var columns: [Column]

            /// Whether any column has a source, so that the template is written.
            public var isWritten: Bool { columns.contains { $0.from != nil } }
        }

        public struct Column: Decodable, Sendable {
            public var code: String
            public var label: String
            public var from: Source?
            public var kinds: [DocumentKind]?
            public var note: String?
        }

        /// The map from `rules`, checked: codes are `c` and four digits, unique within a template.
        public static func load(_ rules: RuleBook) throws -> ColumnMap {
            let map = try rules.load(ColumnMap.self, from: ROIExport.file)
            for (t, template) in map.templates.enumerated() {
                var seen: Set<String> = []
                for (c, column) in template.columns.enumerated() {
                    let key = ".templates[\(t)].columns[\(c)].code"
                    let isCode = column.code.count == 5 && column.code.hasPrefix("c") && column.code.dropFirst().allSatisfy(\.isASCIIDigit)
                    if !isCode { throw RuleError(file: ROIExport.file, key: key, message: "'\(column.code)' is not a column code like c0010") }
                    if !seen.insert(column.code).inserted {
                        throw RuleError(file: ROIExport.file, key: key, message: "'\(column.code)' is listed twice in \(template.template)")
                    }
                }
            }
            return map
        }
    }

    public static let evidenceColumns = ["template", "row", "column", "value", "file", "sha256", "page", "quote"]
    public static let columnMapColumns = ["template", "template_name", "column", "label", "filled_from", "document_kinds", "note"]

    /// The template tables in map order, then `roi_columns.csv` and `roi_evidence.csv`.
    public static func tables(_ documents: [AssayDocument], map: ColumnMap) -> [CSVExport.Table] {
        var tables: [CSVExport.Table] = []
        var evidenceRows: [[String]] = []
        for template in map.templates where template.isWritten {
            var rows: [[String]] = []
            var rowByKey: [String: Int] = [:]
            for document in documents where document.error == nil {
                let values = template.columns.map { column in value(column, document) }
                guard values.contains(where: { $0 != nil }) else { continue }
                let key = rowKey(values)
                let index: Int
                if let existing = rowByKey[key] {
                    index = existing
                } else {
                    index = rows.count
                    rowByKey[key] = index
                    rows.append(Array(repeating: "", count: template.columns.count))
                }
                for (c, filled) in values.enumerated() {
                    guard let filled else { continue }
                    if rows[index][c].isEmpty { rows[index][c] = CSVExport.text(filled.value) }
                    evidenceRows.append([template.template, String(index + 1), template.columns[c].code, CSVExport.text(filled.value),
                                         CSVExport.text(document.source.path), document.source.sha256 ?? "",
                                         filled.evidence.map { String($0.page) } ?? "",
                                         CSVExport.text(filled.evidence?.quote.foldedWhitespace ?? "")])
                }
            }
            tables.append(CSVExport.Table(name: template.file, header: template.columns.map(\.code), rows: rows))
        }
        let mapRows = map.templates.flatMap { template in
            template.columns.map { column in
                [template.template, template.name, column.code, column.label, column.from?.rawValue ?? "",
                 (column.kinds ?? []).map(\.rawValue).joined(separator: "; "), column.note ?? ""]
            }
        }
        tables.append(CSVExport.Table(name: "roi_columns.csv", header: columnMapColumns, rows: mapRows))
        tables.append(CSVExport.Table(name: "roi_evidence.csv", header: evidenceColumns, rows: evidenceRows))
        return tables
    }

    struct Filled {
        var value: String
        var evidence: Evidence?
    }

    /// The value of `column` for `document`, or nil when the column has no source, the document's
    /// kind is not one the source applies to, or the document does not state it.
    static func value(_ column: ColumnMap.Column, _ document: AssayDocument) -> Filled? {
        guard let source = column.from else { return nil }
        if let kinds = column.kinds, !kinds.contains(document.document.kind) { return nil }
        guard let field = document.organization else { return nil }
        let name = field.value.display.foldedWhitespace
        guard !name.isEmpty else { return nil }
        switch source {
        case .providerLegalName:
            return Filled(value: name, evidence: field.evidence.first)
        case .providerLatinName:
            return isLatinScript(name) ? Filled(value: name, evidence: field.evidence.first) : nil
        }
    }

    /// The row a provider's values go to: the first filled value with case, spacing and punctuation
    /// folded, so "Harwick Payroll, Inc." and "HARWICK PAYROLL INC" are one row. Legal forms are
    /// kept (unlike the vendor view's folding): "Corbel Metrics, Inc." and "Corbel Metrics Limited"
    /// are two legal entities, and the register lists legal entities.
    static func rowKey(_ values: [Filled?]) -> String {
        punctuationFolder.fold(values.compactMap { $0 }.first?.value ?? "")
    }

    private static let punctuationFolder = VendorNameFolder(suffixes: [], leadingWords: [])

    /// Whether every letter of `text` is in a Latin block of Unicode (Basic Latin, Latin-1
    /// Supplement, Latin Extended-A/B, Latin Extended Additional), so that the name already is its
    /// own Latin-alphabet form.
    static func isLatinScript(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            guard scalar.isLetterLike else { return true }
            let v = scalar.value
            return v < 0x250 || (0x1E00...0x1EFF).contains(v)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
