import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A thread the process starts itself (not one of libdispatch's), for the two places that need one:
/// `FreshThread` and `ParallelRun`.
package enum NativeThread {
    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts `body` on a new thread created with `attributes` (nil: the defaults); the caller joins
    /// the thread it returns. Nil when no thread could be created, and `body` then never runs.
    package static func start(attributes: UnsafePointer<pthread_attr_t>? = nil,
                              _ body: @escaping () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(Job(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}
