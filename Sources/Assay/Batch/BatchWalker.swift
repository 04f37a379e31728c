import AssayCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One document found in the drop folder.
public struct BatchInput: Sendable, Hashable {
    /// The path below the drop folder, `/`-separated (`acme/soc2-2025.pdf`); also the `source.path`
    /// of its contract document and, with `.json` added, the path of that document below OUTDIR.
    public var relativePath: String
    public var absolutePath: String
    public var bytes: Int
    /// Modification time in nanoseconds since 1970; with `bytes`, a cheap test for "unchanged".
    public var modifiedNanoseconds: Int64

    public init(relativePath: String, absolutePath: String, bytes: Int, modifiedNanoseconds: Int64) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.bytes = bytes
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// The vendor folder: the first component of the relative path, or "" for a file at the top.
    public var vendor: String {
        let parts = relativePath.split(separator: "/", maxSplits: 1)
        return parts.count == 2 ? String(parts[0]) : ""
    }

    /// The path inside the vendor folder.
    public var fileInVendor: String {
        let parts = relativePath.split(separator: "/", maxSplits: 1)
        return parts.count == 2 ? String(parts[1]) : relativePath
    }
}

/// Walks a drop folder for the documents to read.
///
/// - Hidden files and folders (`.x`) and office lock files (`~$x.docx`, `.~lock.x#`) are skipped.
/// - Only files named like a document Assay reads (PDF, HTML, plain text) are taken; the rest
///   (spreadsheets, questionnaires, images) are counted as ignored. Content decides the format
///   later; the name only decides what is worth opening.
/// - A symbolic link to a file is followed only when the file lies inside the drop folder; linked
///   folders are never entered, so a link cannot lead out of the folder or round in a loop.
/// - A folder given in `excluding` (the output folder, when it lies inside the drop folder) is skipped.
public enum BatchWalker {
    public static let documentExtensions: Set<String> = ["pdf", "htm", "html", "xhtml", "txt", "text"]

    public struct Result: Sendable {
        public var inputs: [BatchInput]
        /// Files skipped because their name is not that of a document Assay reads.
        public var ignored: [String]
        /// Folders that could not be listed (permissions, I/O error), relative to the root ("" for the root).
        public var unreadableFolders: [String] = []
    }

    public static func walk(root: URL, excluding: [URL] = []) throws -> Result {
        guard let rootReal = realPath(root.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: root.path])
        }
        let excluded = Set(excluding.compactMap { realPath($0.path) })
        var result = Result(inputs: [], ignored: [])
        walk(directory: rootReal, relative: "", rootReal: rootReal, excluded: excluded, into: &result)
        result.inputs.sort { $0.relativePath < $1.relativePath }
        result.ignored.sort()
        return result
    }

    /// Whether a file name is hidden or an office lock file.
    public static func isSkippedName(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$") || name.hasPrefix(".~lock")
    }

    public static func isDocumentName(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return documentExtensions.contains(ext)
    }

    private static func walk(directory: String, relative: String, rootReal: String, excluded: Set<String>,
                             into result: inout Result) {
        if excluded.contains(directory) { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            result.unreadableFolders.append(relative)
            return
        }
        for name in names.sorted() where !isSkippedName(name) {
            let path = directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                walk(directory: path, relative: rel, rootReal: rootReal, excluded: excluded, into: &result)
                continue
            }
            if type == S_IFLNK {
                guard let target = realPath(path), target.hasPrefix(rootReal + "/"),
                      stat(target, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            } else if type != S_IFREG {
                continue
            }
            guard isDocumentName(name) else {
                result.ignored.append(rel)
                continue
            }
            let nanos = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            result.inputs.append(BatchInput(relativePath: rel, absolutePath: path, bytes: Int(info.st_size),
                                            modifiedNanoseconds: nanos))
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
