import Foundation
import Yams

/// The rule and mapping data under `extractors/`: YAML files an analyst can read and change
/// without touching Swift. Each extractor decodes its own file into its own `Decodable` type;
/// a decoding error names the file and the key.
public final class RuleBook: @unchecked Sendable {
    public let directory: URL
    private let lock = NSLock()
    private var cache: [CacheKey: Any] = [:]
    private var fileLocks: [CacheKey: NSLock] = [:]
    private var builtValues: [CacheKey: any Sendable] = [:]
    private var buildLocks: [CacheKey: NSLock] = [:]

    /// A file decodes into one type per reader, and two readers may decode the same file into
    /// different types (the accreditation list is one).
    private struct CacheKey: Hashable {
        var file: String
        var type: ObjectIdentifier
    }

    public init(directory: URL) {
        self.directory = directory
    }

    /// The rule book found by `RuleLocator`.
    /// One book per rules directory is shared by every call, so a process that reads many documents
    /// (the library in a loop, `batch` without isolation, the tests) decodes and compiles each file
    /// once. A book is replaced when any rule file's name, size or modification time changes, so
    /// `watch` and a long-lived caller still see an analyst's edit.
    public static func standard() throws -> RuleBook {
        let directory = try RuleLocator.locate()
        let stamp = Self.stamp(of: directory)
        return shared.withLock { books in
            if let known = books[directory.path], known.stamp == stamp { return known.book }
            let book = RuleBook(directory: directory)
            books[directory.path] = (stamp, book)
            return book
        }
    }

    private static let shared = SharedBooks()

    /// The rule files' names, sizes and modification times: cheap to take (a stat per file).
    static func stamp(of directory: URL) -> [String] {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        let files = (FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys)?
            .compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "yaml" }
        return files.map { file in
            let values = try? file.resourceValues(forKeys: Set(keys))
            return "\(file.path)|\(values?.fileSize ?? -1)|\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)"
        }.sorted()
    }

    /// Decodes `file` (a path relative to the rules directory) as `T`, once per rule book. Files
    /// decode side by side on different threads (`RuleWarmUp` decodes ahead of the stages); two
    /// threads asking for the same file wait for one decoding.
    public func load<T: Decodable>(_ type: T.Type, from file: String) throws -> T {
        let key = CacheKey(file: file, type: ObjectIdentifier(type))
        let fileLock: NSLock = lock.withLock {
            if let existing = fileLocks[key] { return existing }
            let created = NSLock()
            fileLocks[key] = created
            return created
        }
        fileLock.lock()
        defer { fileLock.unlock() }
        if let cached = lock.withLock({ cache[key] }) as? T { return cached }
        let url = directory.appendingPathComponent(file)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw RuleError(file: file, key: nil, message: "cannot be read from \(url.path)")
        }
        do {
            let value: T
            if let expected = (T.self as? any RuleFile.Type)?.version {
                let versioned = try StageClock.measure("rules \(file)") { try YAMLDecoder().decode(VersionedRuleFile<T>.self, from: text) }
                guard let version = versioned.version else {
                    throw RuleError(file: file, key: "version", message: "is missing (this build reads version \(expected))")
                }
                guard version == expected else {
                    throw RuleError(file: file, key: "version", message: "is \(version), but this build reads version \(expected)")
                }
                value = try versioned.value.get()
            } else {
                value = try StageClock.measure("rules \(file)") { try YAMLDecoder().decode(T.self, from: text) }
            }
            lock.withLock { cache[key] = value }
            return value
        } catch let error as RuleError {
            throw error
        } catch let error as DecodingError {
            throw RuleError(decoding: error, file: file)
        } catch {
            throw RuleError(file: file, key: nil, message: "is not valid YAML: \(error)")
        }
    }

    /// Decodes the rule file `T` declares (`T.file`), checking its `version:`.
    public func load<T: RuleFile>(_ type: T.Type) throws -> T {
        try load(type, from: T.file)
    }

    /// What `build` makes from the rules (a stage's compiled patterns), made once per rule book and
    /// kept under `key`: documents read with the same rules share it, and `RuleWarmUp` can make it
    /// on its own thread before the stage asks. Two threads asking at once wait for one building; a
    /// failed build is not kept. What is kept must be safe to read from several threads.
    public func built<T: Sendable>(_ key: String, build: (RuleBook) throws -> T) throws -> T {
        let cacheKey = CacheKey(file: key, type: ObjectIdentifier(T.self))
        let keyLock: NSLock = lock.withLock {
            if let existing = buildLocks[cacheKey] { return existing }
            let created = NSLock()
            buildLocks[cacheKey] = created
            return created
        }
        keyLock.lock()
        defer { keyLock.unlock() }
        if let cached = lock.withLock({ builtValues[cacheKey] }) as? T { return cached }
        let value = try build(self)
        lock.withLock { builtValues[cacheKey] = value }
        return value
    }

    /// A digest of every rule file, so caches of results can be invalidated when rules change.
    public func fingerprint() -> String {
        let files = (FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.path < $1.path }
        var hasher = FNV1a()
        for file in files {
            hasher.add(file.lastPathComponent)
            if let data = try? Data(contentsOf: file) { hasher.add(data) }
        }
        return hasher.hex
    }
}

/// A problem in a rule file, naming the file and the key.
public struct RuleError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var key: String?
    public var message: String

    public init(file: String, key: String?, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    init(decoding error: DecodingError, file: String) {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        self.file = file
        switch error {
        case .keyNotFound(let key, let context):
            self.key = path(context) + ".\(key.stringValue)"
            message = "is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            self.key = path(context)
            message = context.debugDescription
        @unknown default:
            self.key = nil
            message = "\(error)"
        }
    }

    public var description: String {
        "\(file)\(key.map { " at \($0)" } ?? ""): \(message)"
    }
}

/// Finds the `extractors/` directory: `$ASSAY_RULES`, then beside the executable (installed or
/// in `.build/<config>/`), then the source tree this file was compiled from.
public enum RuleLocator {
    public static func locate() throws -> URL {
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["ASSAY_RULES"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            let dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("extractors"))
            candidates.append(dir.appendingPathComponent("../share/assay/extractors").standardized)
            candidates.append(dir.appendingPathComponent("../../extractors").standardized)
            candidates.append(dir.appendingPathComponent("../../../extractors").standardized)
        }
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().appendingPathComponent("../../../../../extractors").standardized)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("classify.yaml").path) {
            return candidate
        }
        throw RuleError(file: "extractors/", key: nil,
                        message: "the rules directory was not found; set ASSAY_RULES to the extractors/ folder")
    }
}

/// A small non-cryptographic hash for fingerprints.
struct FNV1a {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ data: Data) {
        for byte in data {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
    }

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    var hex: String {
        let s = String(state, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// The shared rule books of `RuleBook.standard()`, by directory.
private final class SharedBooks: @unchecked Sendable {
    private let lock = NSLock()
    private var books: [String: (stamp: [String], book: RuleBook)] = [:]

    func withLock<T>(_ body: (inout [String: (stamp: [String], book: RuleBook)]) -> T) -> T {
        lock.withLock { body(&books) }
    }
}
