import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Spawns a child in its own process group, collects its stdout and stderr, and kills the whole
/// group if it outlives its deadline.
enum ChildProcess {
    enum Outcome {
        case finished(status: Int32, stdout: Data, stderr: Data)
        case signaled(signal: Int32, stderr: Data, peakMemoryKB: Int)
        case timedOut
        case spawnFailed(String)
    }

    /// Output beyond these sizes is dropped (a flooding child cannot exhaust the parent).
    static let maxStdout = 512 * 1_048_576
    static let maxStderr = 64 * 1024

    /// A pipe whose ends are closed on exec, so only the dup2'd copies reach the child.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    static func run(executable: String, arguments: [String], environment: [String: String], deadline: Double) -> Outcome {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard makePipe(&outPipe) else { return .spawnFailed("no pipe") }
        guard makePipe(&errPipe) else {
            close(outPipe[0]); close(outPipe[1])
            return .spawnFailed("no pipe")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { return .spawnFailed(String(cString: strerror(spawned))) }

        let start = Date()
        var stdout = Data()
        var stderr = Data()
        var open: [Int32] = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var timedOut = false
        while !open.isEmpty {
            let remaining = deadline - Date().timeIntervalSince(start)
            if remaining <= 0 { timedOut = true; break }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 1000)))
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    open.removeAll { $0 == entry.fd }
                } else if entry.fd == outPipe[0] {
                    if stdout.count < maxStdout { stdout.append(buffer, count: n) }
                } else if stderr.count < maxStderr {
                    stderr.append(buffer, count: n)
                }
            }
        }
        var status: Int32 = 0
        var usage = rusage()
        if !timedOut {
            // The pipes are closed; the child should be gone or going. Wait, but not past the deadline.
            while true {
                let done = wait4(pid, &status, WNOHANG, &usage)
                if done == pid { break }
                if done < 0 && errno != EINTR { break }
                if Date().timeIntervalSince(start) > deadline { timedOut = true; break }
                usleep(2_000)
            }
        }
        // Whatever happened, nothing of the child's group outlives this call.
        kill(-pid, SIGKILL)
        if timedOut {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return .timedOut
        }
        let low = status & 0x7f
        if low == 0 { return .finished(status: (status >> 8) & 0xff, stdout: stdout, stderr: stderr) }
        return .signaled(signal: low, stderr: stderr, peakMemoryKB: Int(usage.ru_maxrss))
    }
}
