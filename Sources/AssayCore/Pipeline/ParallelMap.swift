import Foundation

extension Array {
    /// `map` spread over up to `threads` threads, with the results in the order of the elements.
    /// Element `i` goes to thread `i % threads`, so neighbouring elements of similar cost (pages, the
    /// rows of one table) share the load evenly. The transform must only read shared state.
    func parallelMap<T>(threads: Int, _ transform: (Element) -> T) -> [T] {
        let threads = Swift.min(threads, count)
        guard threads > 1 else { return map(transform) }
        let parts = Parts<T>(count: threads)
        withoutActuallyEscaping(transform) { transform in
            let shared = Unchecked((self, transform))
            DispatchQueue.concurrentPerform(iterations: threads) { part in
                let (elements, transform) = shared.value
                parts.store(stride(from: part, to: elements.count, by: threads).map { transform(elements[$0]) }, at: part)
            }
        }
        let built = parts.collected()
        return indices.map { built[$0 % threads][$0 / threads] }
    }
}

/// The per-thread results of `parallelMap`, each thread writing its own slot.
private final class Parts<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[T]]

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func store(_ part: [T], at index: Int) { lock.withLock { parts[index] = part } }

    func collected() -> [[T]] { lock.withLock { parts } }
}

/// Hands non-`Sendable` values that are only read to the threads of `parallelMap`.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
