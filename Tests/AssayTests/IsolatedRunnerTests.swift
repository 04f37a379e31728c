@testable import Assay
@testable import AssayCore
import AssayIngest
import AssayModel
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The parent's side of a failed worker: the error record it writes, and how much of the file it reads
/// to write it.
final class IsolatedRunnerTests: XCTestCase {
    var root = URL(fileURLWithPath: "/nonexistent")

    override func setUpWithError() throws {
        root = try Repo.temporaryDirectory()
        setenv(WorkerTestHook.variable, "1", 1)
    }

    override func tearDownWithError() throws {
        unsetenv(WorkerTestHook.variable)
        try? FileManager.default.removeItem(at: root)
    }

    private func crashingFile(bytes: Int) throws -> String {
        let url = root.appendingPathComponent("assay-test-crash-\(bytes).pdf")
        try Data(repeating: 0x41, count: bytes).write(to: url)
        return url.path
    }

    private func extract(_ path: String, maxBytes: Int) -> AssayDocument {
        let runner = IsolatedRunner(executable: BatchTests.binary, limits: IsolationLimits(timeout: 30))
        return runner.extract(path: path, label: "label.pdf", options: ExtractOptions(ingest: IngestOptions(maxBytes: maxBytes)))
    }

    /// A file within the reading limit is hashed, so the error record still identifies its content.
    func testAFailedWorkersFileWithinTheLimitIsHashed() throws {
        let path = try crashingFile(bytes: 3000)
        let document = extract(path, maxBytes: 4096)
        XCTAssertEqual(document.error?.code, .crashed)
        XCTAssertEqual(document.source.path, "label.pdf")
        XCTAssertEqual(document.source.bytes, 3000)
        XCTAssertEqual(document.source.sha256, SHA256.hex(Data(repeating: 0x41, count: 3000)))
    }

    /// A file larger than `--max-bytes` is not read by the parent at all after its worker failed: the
    /// record gives its size (from the file system) and no hash.
    func testAFailedWorkersFileOverTheLimitIsNotRead() throws {
        let path = try crashingFile(bytes: 5000)
        let document = extract(path, maxBytes: 4096)
        XCTAssertEqual(document.error?.code, .crashed)
        XCTAssertEqual(document.source.bytes, 5000)
        XCTAssertNil(document.source.sha256)
    }
}
