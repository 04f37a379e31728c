@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// Every bad input yields the contract's error object with a stable code, never a crash.
final class ErrorCaseTests: XCTestCase {
    private func code(_ path: String) -> ErrorCode? {
        DocumentPipeline.extract(path: path, options: ExtractOptions()).error?.code
    }

    func testCorpusBadInputs() {
        XCTAssertEqual(code(Repo.corpus("bad/empty.pdf")), .empty)
        XCTAssertEqual(code(Repo.corpus("bad/truncated.pdf")), .malformed)
        XCTAssertEqual(code(Repo.corpus("bad/random.pdf")), .unsupportedMediaType)
        XCTAssertEqual(code(Repo.corpus("bad/not-a-pdf.pdf")), .unsupportedMediaType)
        XCTAssertEqual(code(Repo.corpus("bad/user-password.pdf")), .encrypted)
        XCTAssertNil(code(Repo.corpus("bad/owner-only.pdf")))
    }

    func testMissingDirectoryFIFOAndUnreadable() throws {
        let directory = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertEqual(code(directory.appendingPathComponent("nope.pdf").path), .notFound)
        XCTAssertEqual(code(directory.path), .unreadable)
        let fifo = directory.appendingPathComponent("pipe.pdf").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(code(fifo), .unreadable, "a FIFO must be refused, not block")
        let loop = directory.appendingPathComponent("loop.pdf").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        XCTAssertEqual(code(loop), .unreadable)
        if getuid() != 0 {
            let locked = directory.appendingPathComponent("locked.pdf")
            try Data("%PDF-1.4".utf8).write(to: locked)
            chmod(locked.path, 0)
            XCTAssertEqual(code(locked.path), .unreadable)
        }
    }

    func testErrorDocumentHasOnlyContractErrorKeys() throws {
        let document = DocumentPipeline.extract(path: Repo.corpus("bad/random.pdf"), label: "bad/random.pdf")
        let json = ContractJSON.string(document, pretty: false)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["schema", "source", "error"])
        let error = try XCTUnwrap(object["error"] as? [String: Any])
        XCTAssertEqual(error["code"] as? String, "unsupported_media_type")
        let source = try XCTUnwrap(object["source"] as? [String: Any])
        XCTAssertEqual(source["path"] as? String, "bad/random.pdf")
        XCTAssertEqual((source["sha256"] as? String)?.count, 64)
    }

    func testOutputIsDeterministic() {
        let path = Repo.fixture("layout.pdf")
        let first = ContractJSON.string(DocumentPipeline.extract(path: path), pretty: true)
        let second = ContractJSON.string(DocumentPipeline.extract(path: path), pretty: true)
        XCTAssertEqual(first, second)
        XCTAssertTrue(first.contains("\"schema\" : \"assay.document/v1\""))
    }
}
