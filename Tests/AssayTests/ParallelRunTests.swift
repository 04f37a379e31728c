@testable import AssayCore
import Foundation
import XCTest

/// `parallelMap` and `ParallelRun`: every element once, results in order, and the threads really used,
/// also when one parallel step runs inside another (as an extractor's does inside `ExtractorRunner`).
final class ParallelRunTests: XCTestCase {
    func testParallelMapKeepsTheOrderAndRunsEachElementOnce() {
        let counter = Counter()
        let input = Array(0..<1_000)
        let output = input.parallelMap(threads: 3) { value -> Int in
            counter.add(value)
            return value * 2
        }
        XCTAssertEqual(output, input.map { $0 * 2 })
        XCTAssertEqual(counter.seen, Array(0..<1_000))
    }

    func testOneThreadOrOneElementRunsOnTheCallingThread() {
        let caller = pthread_self()
        XCTAssertEqual([1, 2, 3].parallelMap(threads: 1) { _ in pthread_equal(pthread_self(), caller) != 0 }, [true, true, true])
        XCTAssertEqual([7].parallelMap(threads: 4) { _ in pthread_equal(pthread_self(), caller) != 0 }, [true])
        XCTAssertEqual([Int]().parallelMap(threads: 4) { $0 }, [])
    }

    /// Each outer job waits until the inner work of both jobs has started on two threads of its own; run
    /// one after another (a nested `concurrentPerform` on Linux is serialised), the wait times out.
    func testAParallelMapInsideAParallelRunGetsThreadsOfItsOwn() {
        let gate = Gate(expected: 4)
        let inner = Counter()
        ParallelRun.run(threads: 2, iterations: 2) { job in
            let threads = [0, 1].parallelMap(threads: 2) { part -> UInt in
                gate.arrive()
                inner.add(job * 2 + part)
                return UInt(pthread_self())
            }
            XCTAssertEqual(Set(threads).count, 2, "job \(job) ran its two parts on one thread")
        }
        XCTAssertTrue(gate.allArrived, "the four inner parts did not all run at once")
        XCTAssertEqual(inner.seen, [0, 1, 2, 3])
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    func add(_ value: Int) { lock.withLock { values.append(value) } }
    var seen: [Int] { lock.withLock { values.sorted() } }
}

/// Lets each arriving thread wait (up to two seconds) until `expected` threads have arrived.
private final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived = 0
    private let expected: Int
    private var timedOut = false
    init(expected: Int) { self.expected = expected }

    func arrive() {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date().addingTimeInterval(2)
        while arrived < expected {
            if !condition.wait(until: deadline) { timedOut = true; return }
        }
    }

    var allArrived: Bool { condition.lock(); defer { condition.unlock() }; return arrived == expected && !timedOut }
}
