import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Commands that write outputs ignore SIGXFSZ: past a file-size limit (or on a quota) a write then
/// fails with an error the command reports, instead of the process being killed mid-run.
enum FileSizeLimit {
    static func reportInsteadOfDying() {
        signal(SIGXFSZ, SIG_IGN)
    }
}
