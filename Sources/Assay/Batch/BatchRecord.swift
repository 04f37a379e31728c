import AssayCore
import AssayModel
import Foundation

/// What the batch keeps about one document between runs: the cache key it was read under and the
/// summary columns, as stored in the `documents` table of `assay.sqlite` and printed in `summary.csv`.
public struct BatchRecord: Sendable, Hashable {
    public var path: String
    public var vendor: String
    public var file: String
    public var sha256: String?
    public var bytes: Int
    public var modifiedNanoseconds: Int64
    public var key: BatchCacheKey
    public var processedAt: String
    public var mediaType: String?
    public var pages: Int?
    public var kind: String?
    public var type: String?
    public var title: String?
    public var organization: String?
    public var issuer: String?
    public var opinion: String?
    public var periodStart: String?
    public var periodEnd: String?
    public var asOfDate: String?
    public var reportDate: String?
    public var issueDate: String?
    public var expiryDate: String?
    public var standards: String?
    public var exceptionCount: Int
    public var highFindings: Int
    public var errorCode: String?
    public var errorMessage: String?

    public init(input: BatchInput, document: AssayDocument, key: BatchCacheKey, processedAt: String) {
        path = input.relativePath
        vendor = input.vendor
        file = input.fileInVendor
        sha256 = document.source.sha256
        bytes = input.bytes
        modifiedNanoseconds = input.modifiedNanoseconds
        self.key = key
        self.processedAt = processedAt
        mediaType = document.source.mediaType
        pages = document.source.pages
        errorCode = document.error?.code.rawValue
        errorMessage = document.error?.message
        exceptionCount = document.exceptions.count
        highFindings = document.findings.filter { $0.severity == .high }.count
        guard document.error == nil else { return }
        kind = document.document.kind.rawValue
        type = document.document.type?.rawValue
        title = document.document.title
        func text(_ name: String) -> String? { document.fields[name]?.value.display }
        organization = text("service_organization") ?? text("organization")
        issuer = text("service_auditor") ?? text("certification_body")
        opinion = text("opinion")
        periodStart = text("period_start")
        periodEnd = text("period_end")
        asOfDate = text("as_of_date")
        reportDate = text("report_date")
        issueDate = text("issue_date")
        expiryDate = text("expiry_date")
        standards = text("standards")
    }

    /// "start to end" for a period, the as-of date of a Type I report, or "issue to expiry" for a certificate.
    public var periodOrValidity: String {
        func range(_ a: String?, _ b: String?) -> String {
            switch (a, b) {
            case let (a?, b?): return "\(a) to \(b)"
            case let (a?, nil): return "from \(a)"
            case let (nil, b?): return "to \(b)"
            case (nil, nil): return ""
            }
        }
        if periodStart != nil || periodEnd != nil { return range(periodStart, periodEnd) }
        if let asOfDate { return asOfDate }
        return range(issueDate, expiryDate)
    }

    public var isFailure: Bool { errorCode != nil }
}

/// What a cached result depends on besides the file's content: the Assay version, a digest of the
/// rule files under `extractors/`, and the options that change the output (`--as-of`).
public struct BatchCacheKey: Sendable, Hashable {
    public var assayVersion: String
    public var rulesFingerprint: String
    public var options: String

    public init(assayVersion: String, rulesFingerprint: String, options: String) {
        self.assayVersion = assayVersion
        self.rulesFingerprint = rulesFingerprint
        self.options = options
    }

    /// The key for this build and these options.
    public static func current(options: ExtractOptions) -> BatchCacheKey {
        let rules = options.rules ?? (try? RuleBook.standard())
        return BatchCacheKey(assayVersion: AssayVersion.string,
                             rulesFingerprint: rules?.fingerprint() ?? "none",
                             options: optionsKey(options))
    }

    /// The options that change a document's result. The services and sites are added only when given,
    /// so the key of a run without them is what it always was and no cache is read again for nothing.
    package static func optionsKey(_ options: ExtractOptions) -> String {
        var key = "as-of=\(options.asOf ?? "")"
        if !options.services.isEmpty { key += ";service=" + options.services.joined(separator: "|") }
        if !options.sites.isEmpty { key += ";site=" + options.sites.joined(separator: "|") }
        if let controls = options.controls { key += " controls=\(controls.fingerprint)" }
        return key
    }
}

/// `summary.csv`: one row per document, RFC 4180 (CRLF line ends, fields quoted when they hold a
/// comma, quote or line break), UTF-8 with a byte-order mark so spreadsheet programs read accents
/// right. A text cell that starts with `=`, `+`, `-` or `@` is prefixed with `'` so a crafted file
/// name cannot run as a formula.
public enum SummaryCSV {
    public static let header = ["vendor", "file", "kind", "type", "period_or_validity", "opinion",
                                "exceptions", "high_findings", "error"]

    public static func render(_ records: [BatchRecord]) -> Data {
        var text = "\u{FEFF}" + line(header)
        for record in records {
            text += line([safe(record.vendor), safe(record.file), record.kind ?? "", record.type ?? "",
                          record.periodOrValidity, record.opinion ?? "",
                          record.isFailure ? "" : String(record.exceptionCount),
                          record.isFailure ? "" : String(record.highFindings), record.errorCode ?? ""])
        }
        return Data(text.utf8)
    }

    static func line(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }

    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || changesAsNumber(cell) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text a spreadsheet would read as a number and print back differently: a leading zero
    /// ("004512"), a trailing zero after the point (control "1.10"), more than 15 digits. Such cells
    /// are quoted, so that an import that keeps quoted fields as text (LibreOffice's "Format quoted
    /// field as text", see docs/exports.md) keeps them as written.
    static func changesAsNumber(_ cell: String) -> Bool {
        guard !cell.isEmpty, cell.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E }) else { return false }
        let parts = cell.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return false }
        if parts[0].count > 1 && parts[0].hasPrefix("0") { return true }
        if parts.count == 2, parts[1].hasSuffix("0") { return true }
        return parts.reduce(0) { $0 + $1.count } > 15
    }

    static func safe(_ cell: String) -> String {
        guard let first = cell.first, "=+-@".contains(first) else { return cell }
        return "'" + cell
    }
}

/// Turns the pretty JSON `ContractJSON` writes into the one-line form (the same bytes as its compact
/// encoding): whitespace outside strings is dropped; inside strings the encoder has escaped every
/// control character, so none is touched.
public enum JSONLine {
    public static func compact(_ data: Data) -> Data {
        var out = Data()
        out.reserveCapacity(data.count)
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                out.append(byte)
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
                out.append(byte)
            } else if byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 {
                out.append(byte)
            }
        }
        return out
    }
}
