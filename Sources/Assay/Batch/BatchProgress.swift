import AssayCore
import Foundation

/// Progress of a batch on standard error. On a terminal: one line redrawn in place, with a bar,
/// counts, rate and time left. Elsewhere (a log file, CI): a plain line every `interval` seconds and
/// one at the end, so a log shows progress without a line per document.
public final class BatchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let interval: Double
    private let write: @Sendable (String) -> Void
    private var total = 0
    private var toRead = 0
    private var skipped = 0
    private var done = 0
    private var failed = 0
    private var start = Date()
    private var lastDraw = Date.distantPast
    private var current: [String] = []

    private let columns: Int

    /// `columns` is the terminal's width: the redrawn line must not wrap, or `\r` cannot redraw it.
    public init(isTerminal: Bool, columns: Int = 80, interval: Double? = nil, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.columns = max(20, columns)
        self.interval = interval ?? (isTerminal ? 0.1 : 10)
        self.write = write
    }

    func start(total: Int, toRead: Int, skipped: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.total = total
        self.toRead = toRead
        self.skipped = skipped
        done = 0
        failed = 0
        current = []
        start = Date()
        lastDraw = isTerminal ? .distantPast : start
        if !isTerminal && toRead > 0 {
            write("assay batch: \(total) documents, \(toRead) to read, \(skipped) unchanged\n")
        }
    }

    func begin(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        current.append(path)
        if isTerminal { draw(force: false) }
    }

    func end(_ record: BatchRecord) {
        lock.lock()
        defer { lock.unlock() }
        if let index = current.firstIndex(of: record.path) { current.remove(at: index) }
        done += 1
        if record.isFailure { failed += 1 }
        draw(force: false)
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if isTerminal {
            write("\r\u{1B}[K")
        } else if toRead > 0 {
            draw(force: true)
        }
    }

    /// The progress line for the current counts (without the terminal's control characters).
    func line(now: Date) -> String {
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(done)/\(toRead) read"
        if skipped > 0 { text += ", \(skipped) unchanged" }
        if failed > 0 { text += ", \(failed) failed" }
        if done > 0 {
            text += String(format: ", %.1f docs/s", rate)
            let left = rate > 0 ? Double(toRead - done) / rate : 0
            if done < toRead { text += ", ETA \(Self.duration(left))" }
        }
        return text
    }

    private func draw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= interval || (isTerminal && done == toRead) else { return }
        lastDraw = now
        if isTerminal {
            let width = 24
            let filled = toRead > 0 ? width * done / toRead : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            var text = "\(bar) \(line(now: now))"
            if let name = current.last { text += "  \(name.count > 40 ? "…" + name.suffix(39) : name)" }
            write("\r\u{1B}[K" + String(text.prefix(columns - 1)))
        } else {
            write("assay batch: \(line(now: now))\n")
        }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    /// The closing summary printed after a run.
    public static func summary(_ report: BatchReport) -> String {
        var lines: [String] = []
        let rate = report.seconds > 0 ? Double(report.processed) / report.seconds : 0
        let pageRate = report.seconds > 0 ? Double(report.pagesRead) / report.seconds : 0
        lines.append(String(format: "%d documents: %d read (%d new, %d changed, %d redone), %d unchanged, %d removed, %d failed; %.1f s (%.1f docs/s, %.0f pages/s)",
                            report.documents, report.processed, report.added, report.changed, report.redone,
                            report.skipped, report.removed, report.failedNow, report.seconds, rate, pageRate))
        if !report.byKind.isEmpty {
            lines.append("By kind: " + report.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        if report.failed > 0 {
            lines.append("Failed documents: \(report.failed) (" +
                         report.errorsByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
        }
        if report.ignored > 0 { lines.append("Ignored \(report.ignored) file(s) that are not PDF, HTML or text.") }
        if report.interrupted { lines.append("Stopped: \(report.notProcessed) document(s) not read; run again to finish.") }
        for error in report.writeErrors { lines.append("Could not write \(error)") }
        lines.append(contentsOf: report.notes)
        return lines.joined(separator: "\n") + "\n"
    }
}
