@testable import Assay
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
}
