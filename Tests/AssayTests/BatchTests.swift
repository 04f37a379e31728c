@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// `assay batch` over a small drop folder: good documents, garbage, a crashing and a hanging
/// worker (the ASSAY_WORKER_TEST_HOOK test hook), files to skip; then re-runs.
final class BatchTests: XCTestCase {
    /// The `assay` binary beside the test bundle (workers are that binary in `worker` mode).
    static var binary: String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("assay").path
    }

    var root: URL = URL(fileURLWithPath: "/nonexistent")
    var drop: URL { root.appendingPathComponent("drop") }
    var out: URL { root.appendingPathComponent("out") }

    override func setUpWithError() throws {
        root = try Repo.temporaryDirectory()
        setenv(WorkerTestHook.variable, "1", 1)
        // Pin the rules (and so the cache key) to this checkout's, for this process and its workers.
        setenv("ASSAY_RULES", Repo.root.appendingPathComponent("extractors").path, 1)
    }

    override func tearDownWithError() throws {
        unsetenv(WorkerTestHook.variable)
        unsetenv("ASSAY_RULES")
        killWorkers()
        try? FileManager.default.removeItem(at: root)
    }

    /// Workers of a killed batch outlive it (they lead their own process groups); end the ones this
    /// test started — found by this test's unique folder in their command line — by process id.
    private func killWorkers() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = Int32(entry), pid != getpid(),
                  let cmdline = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(entry)/cmdline")) else { continue }
            if String(decoding: cmdline, as: UTF8.self).contains(root.path) { kill(pid, SIGKILL) }
        }
    }

    private func copy(_ source: String, to relative: String) throws {
        let target = drop.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: source, toPath: target.path)
    }

    private func write(_ text: String, to relative: String) throws {
        let target = drop.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    /// Seven documents to read (three fail), and files the walk must skip.
    private func makeDrop() throws {
        try copy(Repo.corpus("iso/alameda-iso27018-2019.pdf"), to: "alameda/alameda-iso27018-2019.pdf")
        try copy(Repo.corpus("iso/brightwater-iso27017-2015.pdf"), to: "alameda/certs/brightwater-iso27017-2015.pdf")
        try copy(Repo.fixture("layout.pdf"), to: "layout, \"inc\"/layout.pdf")
        try copy(Repo.fixture("page.html"), to: "pagevendor/page.html")
        try copy(Repo.fixture("layout.pdf"), to: "hostile/assay-test-crash.pdf")
        try copy(Repo.fixture("layout.pdf"), to: "hostile/assay-test-hang.pdf")
        var garbage = Data(count: 4096)
        for i in 0..<garbage.count { garbage[i] = UInt8(truncatingIfNeeded: i &* 7919 &+ 13) }
        try garbage.write(to: drop.appendingPathComponent("hostile/garbage.pdf"))
        // Skipped: hidden, office locks, not a document, a link out of the folder.
        try copy(Repo.fixture("layout.pdf"), to: ".hidden/secret.pdf")
        try copy(Repo.fixture("layout.pdf"), to: "alameda/.draft.pdf")
        try write("lock", to: "alameda/~$report.pdf")
        try write("lock", to: "alameda/.~lock.report.pdf#")
        try write("a,b", to: "alameda/questionnaire.xlsx")
        try FileManager.default.createSymbolicLink(atPath: drop.appendingPathComponent("alameda/outside.pdf").path,
                                                   withDestinationPath: Repo.fixture("layout.pdf"))
    }

    private func runner(force: Bool = false, retryFailed: Bool = false, jobs: Int = 2, timeout: Double = 4,
                        stop: BatchStop = BatchStop()) -> BatchRunner {
        let options = ExtractOptions(asOf: "2026-06-30")
        let isolated = IsolatedRunner(executable: Self.binary, limits: IsolationLimits(timeout: timeout, maxMemoryMB: 1024))
        let configuration = BatchConfiguration(inputDirectory: drop, outputDirectory: out, jobs: jobs, force: force,
                                               retryFailed: retryFailed, key: BatchCacheKey.current(options: options))
        return BatchRunner(configuration: configuration,
                           reader: { path, label in isolated.extract(path: path, label: label, options: options) },
                           stop: stop)
    }

    private func resultLines() throws -> [[String: Any]] {
        let text = try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    private func paths(_ lines: [[String: Any]]) -> [String] {
        lines.compactMap { ($0["source"] as? [String: Any])?["path"] as? String }
    }

    private func errorCodes(_ lines: [[String: Any]]) -> [String: String] {
        var result: [String: String] = [:]
        for line in lines {
            guard let path = (line["source"] as? [String: Any])?["path"] as? String,
                  let code = (line["error"] as? [String: Any])?["code"] as? String else { continue }
            result[path] = code
        }
        return result
    }

    private func leftovers() -> [String] {
        let all = FileManager.default.enumerator(atPath: out.path)?.allObjects.compactMap { $0 as? String } ?? []
        return all.filter { $0.contains(AtomicFile.marker) }
    }

    static let expectedPaths = [
        "alameda/alameda-iso27018-2019.pdf", "alameda/certs/brightwater-iso27017-2015.pdf",
        "hostile/assay-test-crash.pdf", "hostile/assay-test-hang.pdf", "hostile/garbage.pdf",
        "layout, \"inc\"/layout.pdf", "pagevendor/page.html",
    ]

    func testBatchWritesEveryOutputAndErrorRecords() throws {
        try makeDrop()
        let report = try runner().run()
        XCTAssertEqual(report.documents, 7)
        XCTAssertEqual(report.processed, 7)
        XCTAssertEqual(report.added, 7)
        XCTAssertEqual(report.ignored, 1, "the .xlsx")
        XCTAssertEqual(report.failed, 3)
        XCTAssertEqual(report.errorsByCode, ["crashed": 1, "timeout": 1, "unsupported_media_type": 1])
        XCTAssertEqual(report.byKind["iso_certificate"], 2)
        XCTAssertTrue(report.writeErrors.isEmpty, "\(report.writeErrors)")

        let lines = try resultLines()
        XCTAssertEqual(paths(lines), Self.expectedPaths, "one line per document, in walk order")
        XCTAssertEqual(errorCodes(lines), ["hostile/assay-test-crash.pdf": "crashed", "hostile/assay-test-hang.pdf": "timeout",
                                           "hostile/garbage.pdf": "unsupported_media_type"])
        for path in Self.expectedPaths {
            let url = out.appendingPathComponent(path + ".json")
            let document = try ContractJSON.decodeDocument(try Data(contentsOf: url))
            XCTAssertEqual(document.source.path, path)
        }
        let crash = try ContractJSON.decodeDocument(try Data(contentsOf: out.appendingPathComponent("hostile/assay-test-crash.pdf.json")))
        XCTAssertEqual(crash.error?.message, "The document's reader crashed (signal SIGABRT).")
        XCTAssertNotNil(crash.source.sha256, "an error record still names the content")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent(".hidden").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("alameda/outside.pdf.json").path))
        XCTAssertEqual(leftovers(), [])

        let csv = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("summary.csv")).prefix(3), Data([0xEF, 0xBB, 0xBF]))
        let rows = csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(rows.count, 8)
        XCTAssertEqual(rows[0], "vendor,file,kind,type,period_or_validity,opinion,exceptions,high_findings,error")
        XCTAssertEqual(rows[1].split(separator: ",").prefix(3), ["alameda", "alameda-iso27018-2019.pdf", "iso_certificate"])
        XCTAssertEqual(rows[3], "hostile,assay-test-crash.pdf,,,,,,,crashed")
        XCTAssertTrue(rows[6].hasPrefix("\"layout, \"\"inc\"\"\",layout.pdf,"), rows[6])

        let index = try BatchIndex(url: out.appendingPathComponent("assay.sqlite"))
        XCTAssertEqual(try index.records().count, 7)
    }

    func testUnchangedRerunSkipsEverythingAndChangesAreNoticed() throws {
        try makeDrop()
        _ = try runner().run()
        let before = try Data(contentsOf: out.appendingPathComponent("results.jsonl"))

        let started = Date()
        let again = try runner().run()
        XCTAssertEqual(again.processed, 0)
        XCTAssertEqual(again.skipped, 7)
        XCTAssertEqual(again.failed, 3, "cached failures still count")
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("results.jsonl")), before)

        // Touched but unchanged content: still skipped (the hash decides).
        let page = drop.appendingPathComponent("pagevendor/page.html")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: page.path)
        XCTAssertEqual(try runner().run().processed, 0)

        // One changed, one removed, one added.
        try (try Data(contentsOf: page) + Data("<p>Updated.</p>\n".utf8)).write(to: page)
        try FileManager.default.removeItem(at: drop.appendingPathComponent("alameda/certs/brightwater-iso27017-2015.pdf"))
        try copy(Repo.fixture("layout.html"), to: "newvendor/layout.html")
        let third = try runner().run()
        XCTAssertEqual(third.changed, 1)
        XCTAssertEqual(third.added, 1)
        XCTAssertEqual(third.removed, 1)
        XCTAssertEqual(third.processed, 2)
        XCTAssertEqual(third.skipped, 5)
        var expected = Self.expectedPaths.filter { !$0.contains("brightwater") } + ["newvendor/layout.html"]
        expected.sort()
        XCTAssertEqual(paths(try resultLines()), expected)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("alameda/certs").path),
                       "the removed document's JSON and its emptied folder are gone")
        XCTAssertEqual(try BatchIndex(url: out.appendingPathComponent("assay.sqlite")).records().count, 7)

        let retried = try runner(retryFailed: true).run()
        XCTAssertEqual(retried.redone, 3, "crash, hang and garbage")
        XCTAssertEqual(retried.skipped, 4)

        let forced = try runner(force: true).run()
        XCTAssertEqual(forced.processed, 7)
        XCTAssertEqual(forced.redone, 7)
        XCTAssertEqual(paths(try resultLines()), expected)
    }

    func testKilledBatchRerunEndsWithEachDocumentExactlyOnce() throws {
        try makeDrop()
        // The CLI, one job, a long deadline: once the crashing document is written, the run is inside
        // the hanging one, and is killed there.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["batch", drop.path, "--out", out.path, "--jobs", "1", "--timeout", "60", "--as-of", "2026-06-30"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let crashJSON = out.appendingPathComponent("hostile/assay-test-crash.pdf.json")
        let deadline = Date(timeIntervalSinceNow: 30)
        while !FileManager.default.fileExists(atPath: crashJSON.path) && Date() < deadline { usleep(50_000) }
        usleep(300_000)
        kill(process.processIdentifier, SIGKILL)
        // Before waiting: Foundation's Process waits for every holder of its status socket, which the
        // orphaned worker inherited.
        killWorkers()
        process.waitUntilExit()
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("results.jsonl").path),
                       "killed before the end")
        // A leftover temporary file, as a kill during a write would leave.
        try Data("{\"partial".utf8).write(to: out.appendingPathComponent("alameda/.x.json\(AtomicFile.marker)1-2"))

        let report = try runner(timeout: 2).run()
        XCTAssertEqual(report.skipped, 3, "documents finished before the kill are kept")
        XCTAssertEqual(report.processed, 4)
        XCTAssertEqual(report.leftoversRemoved, 1)
        XCTAssertEqual(paths(try resultLines()), Self.expectedPaths)
        XCTAssertEqual(leftovers(), [])
    }

    private func runCLI(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testCLIExitStatusAndSummary() throws {
        try copy(Repo.fixture("page.html"), to: "acme/page.html")
        let ok = try runCLI(["batch", drop.path, "--out", out.path, "--jobs", "1"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stderr.contains("1 documents: 1 read (1 new, 0 changed, 0 redone), 0 unchanged, 0 removed, 0 failed"), ok.stderr)
        XCTAssertTrue(ok.stderr.contains("By kind: "), ok.stderr)

        try Data([0, 1, 2, 3, 0xFF]).write(to: drop.appendingPathComponent("acme/garbage.txt"))
        let failed = try runCLI(["batch", drop.path, "--out", out.path])
        XCTAssertEqual(failed.status, 1, failed.stderr)
        XCTAssertTrue(failed.stderr.contains("1 unchanged"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("Failed documents: 1 (unsupported_media_type 1)"), failed.stderr)

        XCTAssertEqual(try runCLI(["batch", drop.path, "--out", out.path, "--jobs", "0"]).status, 64)
        XCTAssertEqual(try runCLI(["batch", drop.appendingPathComponent("nope").path, "--out", out.path]).status, 64)
        XCTAssertEqual(try runCLI(["batch", drop.path, "--out", drop.path]).status, 64, "OUTDIR may not be DIR")
        XCTAssertEqual(try runCLI(["batch", drop.path, "--out", out.path, "--as-of", "30/06/2026"]).status, 64)
    }

    func testDamagedIndexIsSetAsideAndRebuilt() throws {
        try copy(Repo.fixture("page.html"), to: "acme/page.html")
        _ = try runner().run()
        try Data("this is not a database, but it was once".utf8).write(to: out.appendingPathComponent("assay.sqlite"))
        let report = try runner().run()
        XCTAssertEqual(report.processed, 1)
        XCTAssertEqual(report.notes.count, 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        XCTAssertEqual(names.filter { $0.hasPrefix("assay.sqlite.unreadable-") }.count, 1, "kept, not deleted")
        XCTAssertEqual(try BatchIndex(url: out.appendingPathComponent("assay.sqlite")).records().count, 1)
    }

    func testOutputFolderInsideTheDropFolderIsNotRead() throws {
        try copy(Repo.fixture("page.html"), to: "acme/page.html")
        let inside = drop.appendingPathComponent("review")
        try write("An analyst's notes, kept with the outputs.", to: "review/notes.txt")
        let options = ExtractOptions(asOf: "2026-06-30")
        let configuration = BatchConfiguration(inputDirectory: drop, outputDirectory: inside, jobs: 1, force: false,
                                               key: BatchCacheKey.current(options: options))
        let runner = BatchRunner(configuration: configuration, reader: { path, label in
            DocumentPipeline.extract(path: path, label: label, options: options)
        })
        XCTAssertEqual(try runner.run().processed, 1)
        let again = try runner.run()
        XCTAssertEqual(again.documents, 1, "nothing in the output folder is a document to read")
        XCTAssertEqual(again.skipped, 1)
    }

    func testSIGTERMStopsAfterTheDocumentBeingReadAndRerunFinishes() throws {
        try makeDrop()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["batch", drop.path, "--out", out.path, "--jobs", "1", "--timeout", "3", "--as-of", "2026-06-30"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let crashJSON = out.appendingPathComponent("hostile/assay-test-crash.pdf.json")
        let deadline = Date(timeIntervalSinceNow: 30)
        while !FileManager.default.fileExists(atPath: crashJSON.path) && Date() < deadline { usleep(50_000) }
        usleep(300_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        // The hanging document in flight was finished (timed out) and kept; the rest was not started.
        XCTAssertEqual(paths(try resultLines()), Array(Self.expectedPaths.prefix(4)))
        XCTAssertEqual(leftovers(), [])

        let report = try runner(timeout: 2).run()
        XCTAssertEqual(report.skipped, 4)
        XCTAssertEqual(report.processed, 3)
        XCTAssertEqual(paths(try resultLines()), Self.expectedPaths)
    }

    func testStopRequestLeavesConsistentOutputs() throws {
        try makeDrop()
        let stop = BatchStop()
        stop.request()
        let report = try runner(stop: stop).run()
        XCTAssertTrue(report.interrupted)
        XCTAssertEqual(report.processed, 0)
        XCTAssertEqual(report.notProcessed, 7)
        XCTAssertEqual(try resultLines().count, 0)
    }

    func testWalkSkipsHiddenLockAndOutsideLinks() throws {
        try makeDrop()
        try FileManager.default.createSymbolicLink(atPath: drop.appendingPathComponent("pagevendor/inside.html").path,
                                                   withDestinationPath: drop.appendingPathComponent("pagevendor/page.html").path)
        try FileManager.default.createSymbolicLink(atPath: drop.appendingPathComponent("linkdir").path,
                                                   withDestinationPath: Repo.fixture(""))
        let walk = try BatchWalker.walk(root: drop, excluding: [])
        XCTAssertEqual(walk.inputs.map(\.relativePath), (Self.expectedPaths + ["pagevendor/inside.html"]).sorted())
        XCTAssertEqual(walk.ignored, ["alameda/questionnaire.xlsx"])
        XCTAssertEqual(walk.inputs.first?.vendor, "alameda")
        XCTAssertEqual(walk.inputs.dropFirst().first?.fileInVendor, "certs/brightwater-iso27017-2015.pdf")
    }

    func testAtomicWriteReplacesWholeFilesAndHandlesLongNames() throws {
        let name = String(repeating: "é", count: 120) + ".pdf.json"  // 249 bytes
        let url = root.appendingPathComponent("deep/er/\(name)")
        try AtomicFile.write(Data("one".utf8), to: url)
        try AtomicFile.write(Data("two".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path), [name])
        do {
            let writer = try AtomicFile.Writer(root.appendingPathComponent("abandoned.jsonl"))
            try writer.append(Data("partial".utf8))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["deep"],
                       "an abandoned writer leaves nothing behind")
    }

    func testSummaryCSVQuotingAndFormulaGuard() {
        XCTAssertEqual(SummaryCSV.quote("plain"), "plain")
        XCTAssertEqual(SummaryCSV.quote("a,b"), "\"a,b\"")
        XCTAssertEqual(SummaryCSV.quote("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(SummaryCSV.quote("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(SummaryCSV.safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")")
        XCTAssertEqual(SummaryCSV.safe("acme"), "acme")
    }

    func testCompactLineEqualsCompactEncoding() throws {
        var document = AssayDocument(source: SourceInfo(path: "a b/\"c\".pdf", sha256: "ab", bytes: 3))
        document.fields["scope"] = Field(value: .text("Line one\nline \"two\"\t{x: [1, 2]}"), confidence: 0.9,
                                         evidence: [Evidence(page: 1, quote: "Line one")])
        let pretty = try ContractJSON.encode(document, pretty: true)
        XCTAssertEqual(JSONLine.compact(pretty), try ContractJSON.encode(document, pretty: false))
    }
}
