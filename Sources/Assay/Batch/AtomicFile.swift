import AssayCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see the old content or the new, never a part: the bytes go to a
/// hidden temporary file beside the target, are flushed to disk, and the temporary file is renamed
/// over the target (rename is atomic within one file system). A run killed in between leaves only
/// the temporary file, which `removeLeftovers` deletes at the start of the next run.
public enum AtomicFile {
    /// Every temporary file's name contains this, so leftovers can be found and removed.
    public static let marker = ".assay-tmp-"

    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public static func write(_ data: Data, to url: URL) throws {
        let writer = try Writer(url)
        try writer.append(data)
        try writer.commit()
    }

    /// Writes a file piece by piece (so a large `results.jsonl` need not be held in memory) and
    /// puts it in place only on `commit`; a writer dropped without `commit` removes its temporary file.
    public final class Writer {
        private let url: URL
        private let temporary: String
        private var fd: Int32

        public init(_ url: URL) throws {
            self.url = url
            let directory = url.deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // The target's name, shortened so that a long one still leaves room (255 bytes) for the marker.
            let stem = String(decoding: Array(url.lastPathComponent.utf8.prefix(120)), as: UTF8.self)
            temporary = directory.appendingPathComponent(
                ".\(stem)\(marker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        }

        public func append(_ data: Data) throws {
            var failure: String?
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count, let base = raw.baseAddress {
                    let n = Glibc.write(fd, base + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        return
                    }
                    offset += n
                }
            }
            if let failure { throw WriteError(path: url.path, reason: failure) }
        }

        /// Flushes to disk and renames over the target.
        public func commit() throws {
            var failure: String?
            if fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
            close(fd)
            fd = -1
            if failure == nil, rename(temporary, url.path) != 0 { failure = String(cString: strerror(errno)) }
            if let failure {
                unlink(temporary)
                throw WriteError(path: url.path, reason: failure)
            }
        }

        deinit {
            if fd >= 0 {
                close(fd)
                unlink(temporary)
            }
        }
    }

    /// Deletes temporary files a killed run left anywhere under `directory`; returns how many.
    @discardableResult
    public static func removeLeftovers(under directory: URL) -> Int {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return 0 }
        var removed = 0
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.contains(marker), unlink(directory.path + "/" + relative) == 0 { removed += 1 }
        }
        return removed
    }
}

/// An exclusive lock on the output folder, so two runs (batch or watch) never write one folder at
/// once. `flock` locks die with their process, so a killed run never leaves the folder locked.
public final class OutputLock: @unchecked Sendable {
    private let fd: Int32

    public struct Busy: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var description: String { "Another assay batch or watch is writing to \(path)." }
    }

    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(".assay-batch.lock").path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            throw Busy(path: directory.path)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
