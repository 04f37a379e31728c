import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs work on a newly created thread and waits for it: how a forked worker does its job.
///
/// The thread that calls `fork` keeps, in the child, the thread-local copies of its parent: among
/// them the thread id that the Swift runtime caches for its locks (priority-inheritance futexes
/// that record their owner's id). In the child that id belongs to the parent, so the first time
/// another thread waits for a lock the child's main thread holds, the kernel queues the waiter
/// behind a thread of another process and the unlock never wakes it: seen as a forked worker that
/// hung about once in 300 documents, both threads parked in `swift_once`. A thread created in the
/// child starts with fresh thread-locals, so the job and every thread it starts run there, and the
/// forked thread only waits.
package enum FreshThread {
    /// Runs `body` to completion on a new thread with the stack a main thread gets (the stack size
    /// limit, 8 MB by default, kept between 8 and 64 MB since a worker's memory cap counts it);
    /// false when no thread could be created.
    package static func run(_ body: @escaping () -> Void) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        var limit = rlimit()
        let soft = getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &limit) == 0 ? limit.rlim_cur : 0
        pthread_attr_setstacksize(&attributes, Int(min(max(soft, 8 << 20), 64 << 20)))
        guard let thread = NativeThread.start(attributes: &attributes, body) else { return false }
        pthread_join(thread, nil)
        return true
    }
}
