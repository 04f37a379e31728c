import Foundation

/// A value worked out on a thread of its own while the caller goes on (the file's SHA-256, which
/// only the finished document needs, while its pages are read). `value` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> T
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
        self.work = work
        Thread.detachNewThread { [self] in
            let value = work()
            lock.withLock { result = value }
            done.signal()
        }
    }

    var value: T {
        done.wait()
        done.signal()
        return lock.withLock { result } ?? work()
    }
}
