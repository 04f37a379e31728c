import AssayCore
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
        /// Killed at its deadline, `seconds` after it started (OCR may have lengthened the deadline).
        case timedOut(seconds: Double)
        case spawnFailed(String)
    }

    /// Output beyond these sizes is dropped (a flooding child cannot exhaust the parent).
    static let maxStdout = 512 * 1_048_576
    static let maxStderr = 64 * 1024

    /// A pipe whose ends are closed on exec, so only the dup2'd copies reach the child. Both ends
    /// are numbered 3 or higher: when this process runs with standard input, output or error
    /// closed, `pipe` hands out 0, 1 or 2, and the child's own dup2 onto those would be undone.
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for index in fds.indices {
            if fds[index] < 3 {
                let moved = fcntl(fds[index], F_DUPFD_CLOEXEC, 3)
                close(fds[index])
                fds[index] = moved
            } else {
                _ = fcntl(fds[index], F_SETFD, FD_CLOEXEC)
            }
        }
        guard fds[0] >= 3, fds[1] >= 3 else {
            for fd in fds where fd >= 0 { close(fd) }
            return false
        }
        return true
    }

    /// The child's stdout and stderr pipes (read end, write end), or nil with nothing left open.
    private static func makePipes() -> (out: [Int32], err: [Int32])? {
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard makePipe(&out) else { return nil }
        guard makePipe(&err) else {
            close(out[0]); close(out[1])
            return nil
        }
        return (out, err)
    }

    static func run(executable: String, arguments: [String], environment: [String: String], deadline: Double,
                    showsProgress: Bool = false) -> Outcome {
        guard let (outPipe, errPipe) = makePipes() else { return .spawnFailed("no pipe") }
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
        return collect(pid: pid, stdout: outPipe[0], stderr: errPipe[0], deadline: deadline, showsProgress: showsProgress)
    }

    /// Whether a `fork` without `exec` is safe here: this process has a single thread, so the copy
    /// inherits no lock held by a thread that does not exist in it, and it never read a document
    /// itself, since libdispatch refuses threads in the child of a process that once had its own
    /// (its idle threads exit after a while, so counting threads is not enough).
    static var mayFork: Bool {
        !InProcessReading.happened && (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) == 1
    }

    /// Runs `job` in a copy of this process (`fork` without `exec`), under the same deadline and
    /// process-group kill as a spawned child: what `job` returns is the child's standard output.
    /// Only for a single-threaded parent (`mayFork`). It saves the start of a second
    /// program — loading its libraries and runtime — which is most of what isolation costs.
    static func fork(deadline: Double, showsProgress: Bool = false, job: @escaping () -> Data) -> Outcome {
        guard let (outPipe, errPipe) = makePipes() else { return .spawnFailed("no pipe") }
        // Nothing the parent has buffered may be written twice.
        fflush(nil)
        let pid = Glibc.fork()
        if pid == 0 {
            _ = setpgid(0, 0)
            let null = open("/dev/null", O_RDONLY)
            if null >= 0 { _ = dup2(null, 0); close(null) }
            _ = dup2(outPipe[1], 1)
            _ = dup2(errPipe[1], 2)
            for fd in outPipe + errPipe { close(fd) }
            // As a spawned worker: default signal actions and none blocked, so a crash ends the child at
            // once with its signal (the Swift runtime's backtracer would spend seconds on it first).
            for signal in 1..<Int32(32) where signal != SIGKILL && signal != SIGSTOP { Glibc.signal(signal, SIG_DFL) }
            var mask = sigset_t()
            sigemptyset(&mask)
            sigprocmask(SIG_SETMASK, &mask, nil)
            // Read by OpenMP when Tesseract is loaded, which happens on demand, after this.
            setenv("OMP_THREAD_LIMIT", "1", 1)
            // The job runs on a thread created here, never on this one (see FreshThread).
            let ran = FreshThread.run {
                let output = job()
                output.withUnsafeBytes { bytes in
                    guard let base = bytes.baseAddress else { return }
                    var offset = 0
                    while offset < bytes.count {
                        let n = write(1, base + offset, bytes.count - offset)
                        if n < 0 && errno == EINTR { continue }
                        if n <= 0 { _exit(74) }
                        offset += n
                    }
                }
            }
            _exit(ran ? 0 : 71)
        }
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard pid > 0 else { return .spawnFailed(String(cString: strerror(errno))) }
        // Also set here, so the group exists whichever of parent and child runs first.
        _ = setpgid(pid, pid)
        return collect(pid: pid, stdout: outPipe[0], stderr: errPipe[0], deadline: deadline, showsProgress: showsProgress)
    }

    /// Reads the child's output until it closes both pipes, then reaps it; past the deadline the
    /// child's whole process group is killed.
    ///
    /// OCR progress lines on the child's stderr (`WorkerProgress`) lengthen the deadline by the
    /// pages that need OCR and are taken out of the stderr returned; with `showsProgress`, progress
    /// is shown on this process's stderr.
    private static func collect(pid: pid_t, stdout outFD: Int32, stderr errFD: Int32, deadline initialDeadline: Double,
                                showsProgress: Bool = false) -> Outcome {
        let start = Date()
        var deadline = initialDeadline
        var stdout = Data()
        var stderr = Data()
        var stderrLine = Data()
        var shownProgress = false
        var open: [Int32] = [outFD, errFD]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var timedOut = false
        /// Passes a complete stderr line on, unless it is a progress line.
        func take(_ line: Data) {
            if line.first == 0x1F, let text = String(data: line, encoding: .utf8),
               let event = WorkerProgress.parse(text.dropLast(text.hasSuffix("\n") ? 1 : 0)) {
                switch event {
                case .planned(let pages, let threads):
                    deadline += WorkerProgress.allowance(pages: pages, threads: threads)
                case .recognised(let done, let total):
                    // Only a run that takes a while shows it (a certificate's pages are checked in a blink).
                    if showsProgress, Date().timeIntervalSince(start) > 1 {
                        shownProgress = true
                        FileHandle.standardError.write(Data("\r\u{1B}[Kassay: OCR page \(done) of \(total)".utf8))
                    }
                }
                return
            }
            if stderr.count < maxStderr { stderr.append(line) }
        }
        defer { if shownProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
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
                } else if entry.fd == outFD {
                    if stdout.count < maxStdout { stdout.append(buffer, count: n) }
                } else {
                    stderrLine.append(buffer, count: n)
                    while let newline = stderrLine.firstIndex(of: UInt8(ascii: "\n")) {
                        take(stderrLine[stderrLine.startIndex...newline])
                        stderrLine = Data(stderrLine[stderrLine.index(after: newline)...])
                    }
                    // A line longer than the whole stderr allowance is kept as it is.
                    if stderrLine.count > maxStderr { take(stderrLine); stderrLine = Data() }
                }
            }
        }
        if !stderrLine.isEmpty { take(stderrLine) }
        var status: Int32 = 0
        var usage = rusage()
        if !timedOut {
            // The pipes are closed; the child should be gone or going (its files close a moment before
            // it can be reaped). Wait, in short steps, but not past the deadline.
            var pause: UInt32 = 50
            while true {
                let done = wait4(pid, &status, WNOHANG, &usage)
                if done == pid { break }
                if done < 0 && errno != EINTR { break }
                if Date().timeIntervalSince(start) > deadline { timedOut = true; break }
                usleep(pause)
                pause = min(pause * 2, 2_000)
            }
        }
        // Whatever happened, nothing of the child's group outlives this call.
        kill(-pid, SIGKILL)
        if timedOut {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return .timedOut(seconds: deadline)
        }
        let low = status & 0x7f
        if low == 0 { return .finished(status: (status >> 8) & 0xff, stdout: stdout, stderr: stderr) }
        return .signaled(signal: low, stderr: stderr, peakMemoryKB: Int(usage.ru_maxrss))
    }
}
