@testable import Assay
@testable import AssayCore
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The forked worker of `extract` and `report`.
final class ChildProcessTests: XCTestCase {
    /// The job must not run on the thread that called fork: that thread keeps its parent's cached
    /// thread id, which deadlocks the Swift runtime's locks as soon as another thread contends.
    func testForkedJobRunsOnAThreadOfItsOwn() throws {
        let forking = pthread_self()
        let outcome = ChildProcess.fork(deadline: 20) {
            Data((pthread_equal(pthread_self(), forking) != 0 ? "forked thread" : "fresh thread").utf8)
        }
        guard case .finished(let status, let stdout, _) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(status, 0)
        XCTAssertEqual(String(decoding: stdout, as: UTF8.self), "fresh thread")
    }

    func testACrashInTheJobIsTheChildsSignal() throws {
        let outcome = ChildProcess.fork(deadline: 20) { abort() }
        guard case .signaled(let signal, _, _) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(signal, SIGABRT)
    }

    func testAJobPastItsDeadlineIsKilled() throws {
        let start = Date()
        let outcome = ChildProcess.fork(deadline: 0.5) {
            sleep(30)
            return Data()
        }
        guard case .timedOut = outcome else { return XCTFail("\(outcome)") }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    /// A worker that announces OCR work gets the OCR allowance on top of its deadline, and the
    /// announcement never reaches the stderr the parent keeps.
    func testAnnouncedOCRPagesLengthenTheDeadline() throws {
        let start = Date()
        let outcome = ChildProcess.fork(deadline: 0.5) {
            let line = WorkerProgress.line(.planned(pages: 1, threads: 1))
            FileHandle.standardError.write(Data(("before\n" + line + "after\n").utf8))
            usleep(1_500_000)
            return Data("done".utf8)
        }
        guard case .finished(0, let stdout, let stderr) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(String(decoding: stdout, as: UTF8.self), "done")
        XCTAssertEqual(String(decoding: stderr, as: UTF8.self), "before\nafter\n")
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 1.4)
    }

    func testOCRAllowanceCountsRoundsOfPagesAndIsCapped() {
        XCTAssertEqual(WorkerProgress.allowance(pages: 0, threads: 2), 0)
        XCTAssertEqual(WorkerProgress.allowance(pages: 1, threads: 2), 8)
        XCTAssertEqual(WorkerProgress.allowance(pages: 40, threads: 2), 160)
        XCTAssertEqual(WorkerProgress.allowance(pages: 41, threads: 2), 168)
        XCTAssertEqual(WorkerProgress.allowance(pages: 5_000, threads: 1), WorkerProgress.maxOCRSeconds)
    }

    func testProgressLinesRoundTripAndOthersAreNotProgress() {
        for event in [OCRProgress.Event.planned(pages: 23, threads: 2), .recognised(done: 3, total: 23)] {
            XCTAssertEqual(WorkerProgress.parse(Substring(WorkerProgress.line(event).dropLast())), event)
        }
        XCTAssertNil(WorkerProgress.parse("assay-ocr planned 2 2"))
        XCTAssertNil(WorkerProgress.parse(Substring(WorkerProgress.prefix + "planned -2 x")))
        XCTAssertNil(WorkerProgress.parse(Substring(WorkerProgress.prefix + "later 1 2")))
    }
}
