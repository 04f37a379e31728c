import Foundation
import XCTest

/// The fast part of the hostile-input suite (`Tests/hostile/make.py`): every file is answered
/// within its deadline with a contract document or error object, and nothing is leaked or fetched.
final class HostileInputTests: XCTestCase {
    let directory = "Tests/AssayTests/Fixtures/hostile"

    private func extract(_ file: String, _ extra: [String] = []) throws -> (status: Int32, document: [String: Any], seconds: Double) {
        let start = Date()
        let result = try CLITests.execute(["extract", "--format", "jsonl", "--timeout", "6", "--max-memory", "512", "\(directory)/\(file)"] + extra)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertTrue(result.status == 0 || result.status == 1, "\(file): exit \(result.status)")
        XCTAssertFalse(result.stdout.contains("root:x:0:0"), "\(file): a local file leaked into the output")
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 1, "\(file): one JSON line expected")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "assay.document/v1")
        XCTAssertLessThan(seconds, 8, "\(file): answered after its deadline (6 s + 2 s)")
        return (result.status, object, seconds)
    }

    private func errorCode(_ document: [String: Any]) -> String? {
        (document["error"] as? [String: Any])?["code"] as? String
    }

    func testEveryHostileFileIsAnsweredCleanly() throws {
        let allowed: [String: Set<String?>] = [
            "inflate-bomb.pdf": [nil, "too_large", "timeout", "malformed"],
            "page-tree-loop.pdf": [nil, "malformed"],
            "garbage-content.pdf": [nil, "timeout", "too_large", "malformed"],
            "acroform-loop.pdf": [nil, "malformed"],
            "text-page.pdf": [nil],
            "xxe-file.html": [nil],
            "billion-laughs.html": [nil],
            "deep-nesting.html": [nil],
            "svg-script.html": [nil],
            "utf16-lone-surrogate.txt": [nil],
            "overlong-utf8.txt": [nil],
        ]
        for (file, codes) in allowed.sorted(by: { $0.key < $1.key }) {
            let (status, document, _) = try extract(file)
            let code = errorCode(document)
            XCTAssertTrue(codes.contains(code), "\(file): unexpected result \(code ?? "success")")
            XCTAssertEqual(status, code == nil ? 0 : 1, file)
        }
    }

    func testReviewPageOfAHostileFileIsDrawnUnderTheWorkerDeadline() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("assay-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let start = Date()
        let result = try CLITests.execute(["report", "--timeout", "3", "\(directory)/inflate-bomb.pdf", "\(directory)/text-page.pdf", "--out", out.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 12)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        let page = try String(contentsOf: out.appendingPathComponent("inflate-bomb.pdf.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("timeout"), "the failed document's page names its error")
    }

    func testFullDiskGivesAClearErrorAndARerunFinishes() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("assay-full-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let drop = work.appendingPathComponent("drop/vendor")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        for name in ["layout.pdf", "page.html", "mixed.pdf"] {
            try FileManager.default.copyItem(at: CLITests.root.appendingPathComponent("Tests/AssayTests/Fixtures/\(name)"),
                                             to: drop.appendingPathComponent(name))
        }
        let out = work.appendingPathComponent("out").path
        // A 20 KB file-size limit stands in for a full disk: writes fail part-way through the run.
        let script = "ulimit -f 20; exec \"$0\" batch \"$1\" --out \"$2\" --jobs 1 --as-of 2026-11-01"
        let full = try CLITests.execute(["__shell__", script, work.appendingPathComponent("drop").path, out])
        XCTAssertEqual(full.status, 1, full.stderr)
        XCTAssertTrue(full.stderr.contains("assay batch:"), full.stderr)
        let rerun = try CLITests.execute(["batch", work.appendingPathComponent("drop").path, "--out", out, "--jobs", "1", "--as-of", "2026-11-01"])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        let results = try String(contentsOfFile: out + "/results.jsonl", encoding: .utf8)
        XCTAssertEqual(results.split(separator: "\n").count, 3)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.contains(".assay-tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testUserPasswordInEveryCommonEncryption() throws {
        for scheme in ["rc4-40", "rc4-128", "aes-128", "aes-256"] {
            let file = "user-password-\(scheme).pdf"
            XCTAssertEqual(errorCode(try extract(file).document), "encrypted", file)
            XCTAssertEqual(errorCode(try extract(file, ["--password", "wrong-one"]).document), "encrypted", file)
            let opened = try extract(file, ["--password", "hostile-user"])
            XCTAssertNil(errorCode(opened.document), file)
            XCTAssertEqual((opened.document["source"] as? [String: Any])?["pages"] as? Int, 1, file)
        }
    }

    func testNothingConnectsToTheRemoteDTDPort() throws {
        // The pages name http://127.0.0.1:9/…; listen on a free loopback port and check that the same
        // kind of reference to it is never fetched.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(listener, 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(listener, 8), 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("assay-dtd-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let page = """
        <?xml version="1.0"?>
        <!DOCTYPE html SYSTEM "http://127.0.0.1:\(port)/evil.dtd" [<!ENTITY ext SYSTEM "http://127.0.0.1:\(port)/x">]>
        <html><body><p>&ext; <img src="http://127.0.0.1:\(port)/i.png"></p></body></html>
        """
        try page.write(to: temporary, atomically: true, encoding: .utf8)
        let result = try CLITests.execute(["extract", "--format", "jsonl", temporary.path])
        XCTAssertEqual(result.status, 0)
        _ = fcntl(listener, F_SETFL, O_NONBLOCK)
        XCTAssertLessThan(accept(listener, nil, nil), 0, "Assay connected to the DTD's host")
    }
}
