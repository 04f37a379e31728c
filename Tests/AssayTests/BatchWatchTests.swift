@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// `assay watch` polling: a file is read once it is completely written, changes and removals are
/// picked up, and nothing is read twice when nothing changed. Reads in process (no worker needed).
final class BatchWatchTests: XCTestCase {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var value = Date()
        var now: Date {
            lock.lock()
            defer { lock.unlock() }
            return value
        }
        func advance(_ seconds: Double) {
            lock.lock()
            value = value.addingTimeInterval(seconds)
            lock.unlock()
        }
    }

    func testWatchReadsSettledFilesOnceAndNoticesChanges() throws {
        let root = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        setenv("ASSAY_RULES", Repo.root.appendingPathComponent("extractors").path, 1)
        defer { unsetenv("ASSAY_RULES") }
        let drop = root.appendingPathComponent("drop"), out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: drop.appendingPathComponent("acme"), withIntermediateDirectories: true)
        let options = ExtractOptions(asOf: "2026-06-30")
        let configuration = BatchConfiguration(inputDirectory: drop, outputDirectory: out, jobs: 1, force: false,
                                               key: BatchCacheKey.current(options: options))
        let runner = BatchRunner(configuration: configuration, reader: { path, label in
            DocumentPipeline.extract(path: path, label: label, options: options)
        })
        let clock = Clock()
        let watcher = BatchWatcher(runner: runner, configuration: configuration, settle: 2, now: { clock.now })

        let page = drop.appendingPathComponent("acme/page.html")
        try FileManager.default.copyItem(atPath: Repo.fixture("page.html"), toPath: page.path)
        // Just written: not settled yet, so the pass holds it back.
        let first = try XCTUnwrap(try watcher.poll())
        XCTAssertEqual(first.processed, 0)
        XCTAssertEqual(first.pending, 1)
        clock.advance(5)
        let second = try XCTUnwrap(try watcher.poll())
        XCTAssertEqual(second.processed, 1)
        XCTAssertEqual(second.added, 1)
        clock.advance(5)
        XCTAssertNil(try watcher.poll(), "nothing changed, no pass")

        // Growing between two polls: held back until it stops changing.
        try (try Data(contentsOf: page) + Data("<p>More.</p>".utf8)).write(to: page)
        clock.advance(5)
        let growing = try XCTUnwrap(try watcher.poll())
        XCTAssertEqual(growing.processed, 0, "size changed since the last poll")
        clock.advance(5)
        let settled = try XCTUnwrap(try watcher.poll())
        XCTAssertEqual(settled.changed, 1)

        try FileManager.default.removeItem(at: page)
        clock.advance(5)
        let removed = try XCTUnwrap(try watcher.poll())
        XCTAssertEqual(removed.removed, 1)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("results.jsonl"), encoding: .utf8), "")
    }
}
