import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Array {
    /// `map` spread over up to `threads` threads, with the results in the order of the elements.
    /// Each thread takes the next element no thread has taken, so elements of uneven cost (pages,
    /// controls, reliability checks) keep every thread busy. The transform must only read shared state.
    package func parallelMap<T>(threads: Int, _ transform: (Element) -> T) -> [T] {
        let threads = Swift.min(threads, count)
        guard threads > 1 else { return map(transform) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        withoutActuallyEscaping(transform) { transform in
            let shared = Unchecked((self, transform, slots))
            ParallelRun.run(threads: threads, iterations: count) { index in
                let (elements, transform, slots) = shared.value
                // Each index is taken by exactly one thread, so each slot has one writer.
                slots[index] = transform(elements[index])
            }
        }
        return slots.map { $0! }
    }
}

/// Runs `iterations` pieces of work on the calling thread and on threads started for the call, and
/// returns when all are done.
///
/// `DispatchQueue.concurrentPerform` is not used: libdispatch runs a `concurrentPerform` nested in
/// another one on a single thread (it divides the width among the nested calls), so an extractor
/// that spreads its work over two threads while `ExtractorRunner` runs it beside another extractor
/// got one thread, and the second core idled once the other extractor was done (seen on a 150-page
/// report: 100 ms of the exception extractor on one core). Threads started here are the process's
/// own; each is joined before `run` returns.
package enum ParallelRun {
    /// Runs `body(i)` for every `i` in `0..<iterations`, each exactly once, on up to `threads`
    /// threads (the calling thread among them).
    package static func run(threads: Int, iterations: Int, _ body: @Sendable (Int) -> Void) {
        let threads = min(threads, iterations)
        guard threads > 1 else {
            for index in 0..<iterations { body(index) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let queue = WorkQueue(iterations: iterations, body: body)
            var started: [pthread_t] = []
            for _ in 1..<threads {
                if let thread = NativeThread.start({ queue.work() }) { started.append(thread) }
            }
            queue.work()
            for thread in started { pthread_join(thread, nil) }
        }
    }

    /// The indices not yet taken, handed out one at a time.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let iterations: Int
        private let body: @Sendable (Int) -> Void

        init(iterations: Int, body: @escaping @Sendable (Int) -> Void) {
            self.iterations = iterations
            self.body = body
        }

        func work() {
            while let index = take() { body(index) }
        }

        private func take() -> Int? {
            lock.withLock {
                guard next < iterations else { return nil }
                next += 1
                return next - 1
            }
        }
    }
}

/// Hands non-`Sendable` values that are only read (and slots each written by one thread) to the
/// threads of `parallelMap`.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
