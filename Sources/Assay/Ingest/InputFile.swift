import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads an input file's bytes, refusing anything that is not a readable regular file, so a FIFO,
/// a directory or a device can never block or flood a run.
package enum InputFile {
    /// `label` is how messages name the file (the path as the user gave it); `-` reads as "standard input".
    package static func read(path: String, maxBytes: Int, label: String? = nil) throws -> Data {
        let name = label == "-" ? "standard input" : (label ?? path)
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT || errno == ENOTDIR { throw DocumentError(.notFound, "The file \(name) does not exist.") }
            if errno == ELOOP { throw DocumentError(.unreadable, "The path \(name) is a loop of symbolic links.") }
            throw DocumentError(.unreadable, "The file \(name) cannot be examined (\(String(cString: strerror(errno)))).")
        }
        // Open without following a final symlink loop and without blocking on FIFOs.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            switch errno {
            case ENOENT: throw DocumentError(.notFound, "The file \(name) does not exist (a link that points nowhere).")
            case EACCES, EPERM: throw DocumentError(.unreadable, "The file \(name) cannot be read: permission denied.")
            case ELOOP: throw DocumentError(.unreadable, "The path \(name) is a loop of symbolic links.")
            default: throw DocumentError(.unreadable, "The file \(name) cannot be opened (\(String(cString: strerror(errno)))).")
            }
        }
        defer { close(fd) }
        if fstat(fd, &info) != 0 {
            throw DocumentError(.unreadable, "The file \(name) cannot be examined.")
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw DocumentError(.unreadable, "\(name) is a directory, not a document.") }
        if type != S_IFREG { throw DocumentError(.unreadable, "\(name) is not a regular file (a pipe, socket or device).") }
        let size = Int(info.st_size)
        if size == 0 { throw DocumentError(.empty, "The file \(name) is empty.") }
        if size > maxBytes {
            throw DocumentError(.tooLarge, "The file \(name) is \(size) bytes, over the limit of \(maxBytes) bytes.")
        }
        // Back to blocking reads on a regular file.
        _ = fcntl(fd, F_SETFL, 0)
        return try readAll(fd: fd, path: name, expected: size, maxBytes: maxBytes)
    }

    /// Reads a stream (standard input) up to `maxBytes`.
    package static func readStream(fd: Int32, label: String, maxBytes: Int) throws -> Data {
        let data = try readAll(fd: fd, path: label, expected: 1 << 16, maxBytes: maxBytes)
        if data.isEmpty { throw DocumentError(.empty, "Standard input was empty.") }
        return data
    }

    private static func readAll(fd: Int32, path: String, expected: Int, maxBytes: Int) throws -> Data {
        var data = Data()
        data.reserveCapacity(min(expected, maxBytes))
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DocumentError(.unreadable, "Reading \(path) failed (\(String(cString: strerror(errno)))).")
            }
            if n == 0 { break }
            data.append(buffer, count: n)
            if data.count > maxBytes {
                throw DocumentError(.tooLarge, "\(path) is over the limit of \(maxBytes) bytes.")
            }
        }
        return data
    }
}
