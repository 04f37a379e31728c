import AssayCore
import AssayModel
import Foundation
import GRDB

/// `assay.sqlite`: the index analysts query, and the batch's memory of what it has read under
/// which cache key. Each document's rows are replaced in one transaction, so a run killed at any
/// moment leaves every document either fully indexed as before or fully indexed as after.
/// The tables are described, with example queries, in docs/batch.md.
public final class BatchIndex: Sendable {
    public static let fileName = "assay.sqlite"
    private let queue: DatabaseQueue

    public init(url: URL) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        queue = try DatabaseQueue(path: url.path, configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    path TEXT PRIMARY KEY NOT NULL,
                    vendor TEXT NOT NULL,
                    file TEXT NOT NULL,
                    sha256 TEXT,
                    bytes INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    assay_version TEXT NOT NULL,
                    rules_fingerprint TEXT NOT NULL,
                    options_key TEXT NOT NULL,
                    processed_at TEXT NOT NULL,
                    media_type TEXT,
                    pages INTEGER,
                    kind TEXT,
                    type TEXT,
                    title TEXT,
                    organization TEXT,
                    issuer TEXT,
                    opinion TEXT,
                    period_start TEXT,
                    period_end TEXT,
                    as_of_date TEXT,
                    report_date TEXT,
                    issue_date TEXT,
                    expiry_date TEXT,
                    standards TEXT,
                    exception_count INTEGER NOT NULL,
                    high_findings INTEGER NOT NULL,
                    error_code TEXT,
                    error_message TEXT
                );
                CREATE INDEX documents_vendor ON documents(vendor);
                CREATE INDEX documents_kind ON documents(kind);
                CREATE TABLE fields (
                    document_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    value TEXT NOT NULL,
                    value_json TEXT NOT NULL,
                    confidence REAL NOT NULL,
                    page INTEGER,
                    quote TEXT,
                    PRIMARY KEY (document_path, name)
                );
                CREATE INDEX fields_name ON fields(name, value);
                CREATE TABLE exceptions (
                    document_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    control_id TEXT,
                    criteria TEXT NOT NULL,
                    control TEXT NOT NULL,
                    test TEXT NOT NULL,
                    deviation TEXT NOT NULL,
                    management_response TEXT,
                    confidence REAL NOT NULL,
                    page INTEGER,
                    PRIMARY KEY (document_path, ordinal)
                );
                CREATE TABLE findings (
                    document_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    message TEXT NOT NULL,
                    follow_up TEXT,
                    page INTEGER,
                    PRIMARY KEY (document_path, ordinal)
                );
                CREATE INDEX findings_code ON findings(code);
                CREATE TABLE obligations (
                    document_path TEXT NOT NULL REFERENCES documents(path) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    framework TEXT NOT NULL,
                    reference TEXT NOT NULL,
                    title TEXT NOT NULL,
                    status TEXT NOT NULL,
                    rationale TEXT NOT NULL,
                    because TEXT NOT NULL,
                    PRIMARY KEY (document_path, ordinal)
                );
                """)
        }
        return migrator
    }

    /// Every document the index knows, by relative path.
    public func records() throws -> [String: BatchRecord] {
        try queue.read { db in
            var result: [String: BatchRecord] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM documents")
            while let row = try rows.next() {
                let record = Self.record(row)
                result[record.path] = record
            }
            return result
        }
    }

    /// Replaces everything indexed for the document at `record.path` with `document`.
    public func store(_ record: BatchRecord, document: AssayDocument) throws {
        try queue.write { db in
            try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [record.path])
            try Self.insert(record, into: db)
            for (name, field) in document.fields.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: """
                    INSERT INTO fields (document_path, name, value, value_json, confidence, page, quote)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [record.path, name, field.value.display, ContractJSON.string(field.value, pretty: false),
                                     field.confidence, field.evidence.first?.page, field.evidence.first?.quote])
            }
            for (ordinal, exception) in document.exceptions.enumerated() {
                try db.execute(sql: """
                    INSERT INTO exceptions (document_path, ordinal, control_id, criteria, control, test, deviation,
                                            management_response, confidence, page)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [record.path, ordinal, exception.controlID, ContractJSON.string(exception.criteria, pretty: false),
                                     exception.control, exception.test, exception.deviation, exception.managementResponse,
                                     exception.confidence, exception.evidence.first?.page])
            }
            for (ordinal, finding) in document.findings.enumerated() {
                try db.execute(sql: """
                    INSERT INTO findings (document_path, ordinal, code, severity, message, follow_up, page)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [record.path, ordinal, finding.code, finding.severity.rawValue, finding.message,
                                     finding.followUp, finding.evidence.first?.page])
            }
            for (ordinal, obligation) in document.obligations.enumerated() {
                try db.execute(sql: """
                    INSERT INTO obligations (document_path, ordinal, framework, reference, title, status, rationale, because)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [record.path, ordinal, obligation.framework, obligation.reference, obligation.title,
                                     obligation.status.rawValue, obligation.rationale,
                                     ContractJSON.string(obligation.because, pretty: false)])
            }
        }
    }

    /// Notes a new modification time for a document whose content is unchanged.
    public func touch(path: String, bytes: Int, modifiedNanoseconds: Int64) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE documents SET bytes = ?, mtime_ns = ? WHERE path = ?",
                           arguments: [bytes, modifiedNanoseconds, path])
        }
    }

    /// Forgets documents (and, by cascade, their fields, exceptions, findings, obligations).
    public func remove(paths: [String]) throws {
        guard !paths.isEmpty else { return }
        try queue.write { db in
            for path in paths { try db.execute(sql: "DELETE FROM documents WHERE path = ?", arguments: [path]) }
        }
    }

    /// Runs a read-only query (for tests and tools): each row as column name to text (nil for NULL).
    public func query(_ sql: String, arguments: [String] = []) throws -> [[String: String?]] {
        try queue.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                var result: [String: String?] = [:]
                for (column, value) in row {
                    result[column] = value.isNull ? nil : (String.fromDatabaseValue(value) ?? value.description)
                }
                return result
            }
        }
    }

    private static func insert(_ r: BatchRecord, into db: Database) throws {
        try db.execute(sql: """
            INSERT INTO documents (path, vendor, file, sha256, bytes, mtime_ns, assay_version, rules_fingerprint,
                options_key, processed_at, media_type, pages, kind, type, title, organization, issuer, opinion,
                period_start, period_end, as_of_date, report_date, issue_date, expiry_date, standards,
                exception_count, high_findings, error_code, error_message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.path, r.vendor, r.file, r.sha256, r.bytes, r.modifiedNanoseconds, r.key.assayVersion,
                             r.key.rulesFingerprint, r.key.options, r.processedAt, r.mediaType, r.pages, r.kind, r.type,
                             r.title, r.organization, r.issuer, r.opinion, r.periodStart, r.periodEnd, r.asOfDate,
                             r.reportDate, r.issueDate, r.expiryDate, r.standards, r.exceptionCount, r.highFindings,
                             r.errorCode, r.errorMessage])
    }

    private static func record(_ row: Row) -> BatchRecord {
        let input = BatchInput(relativePath: row["path"] ?? "", absolutePath: "", bytes: row["bytes"] ?? 0,
                               modifiedNanoseconds: row["mtime_ns"] ?? 0)
        let key = BatchCacheKey(assayVersion: row["assay_version"] ?? "", rulesFingerprint: row["rules_fingerprint"] ?? "",
                                options: row["options_key"] ?? "")
        var record = BatchRecord(input: input, document: AssayDocument(source: SourceInfo(path: input.relativePath)),
                                 key: key, processedAt: row["processed_at"] ?? "")
        record.vendor = row["vendor"] ?? ""
        record.file = row["file"] ?? ""
        record.sha256 = row["sha256"]
        record.mediaType = row["media_type"]
        record.pages = row["pages"]
        record.kind = row["kind"]
        record.type = row["type"]
        record.title = row["title"]
        record.organization = row["organization"]
        record.issuer = row["issuer"]
        record.opinion = row["opinion"]
        record.periodStart = row["period_start"]
        record.periodEnd = row["period_end"]
        record.asOfDate = row["as_of_date"]
        record.reportDate = row["report_date"]
        record.issueDate = row["issue_date"]
        record.expiryDate = row["expiry_date"]
        record.standards = row["standards"]
        record.exceptionCount = row["exception_count"] ?? 0
        record.highFindings = row["high_findings"] ?? 0
        record.errorCode = row["error_code"]
        record.errorMessage = row["error_message"]
        return record
    }
}
