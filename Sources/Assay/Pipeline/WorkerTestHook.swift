import AssayCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A test hook, off unless `ASSAY_WORKER_TEST_HOOK=1` is in the worker's environment: then a worker
/// whose document's file name contains `assay-test-crash` aborts (SIGABRT) and one whose name
/// contains `assay-test-hang` sleeps for five minutes, so tests can show that isolation turns a crash or a
/// hang into one error record without needing a real hostile PDF. Documented in docs/batch.md.
public enum WorkerTestHook {
    public static let variable = "ASSAY_WORKER_TEST_HOOK"

    public static func apply(path: String) {
        guard ProcessInfo.processInfo.environment[variable] == "1" else { return }
        let name = (path as NSString).lastPathComponent
        if name.contains("assay-test-crash") { abort() }
        // Long past any test's deadline, but bounded, so an orphaned worker cannot linger for ever.
        if name.contains("assay-test-hang") { sleep(300) }
    }
}
