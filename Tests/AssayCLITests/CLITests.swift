import Foundation
import XCTest

/// Runs the built `assay` binary and checks what a script would rely on: output and exit status.
final class CLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent.hasSuffix(".xctest") { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("assay")
    }

    func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Run {
        try Self.execute(arguments, stdin: stdin, environment: environment)
    }

    /// Runs the built binary in the repository root and collects its output and exit status.
    static func execute(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        if arguments.first == "__shell__" {
            // Run the binary through bash (for `ulimit`): bash -c SCRIPT BINARY ARGS…
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", arguments[1], Self.binary.path] + arguments.dropFirst(2)
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = Self.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ASSAY_PDF_PASSWORD")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                   stderr: String(decoding: stderrData, as: UTF8.self))
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testExtractPrintsContractDocumentAndExitsZero() throws {
        let result = try run(["extract", "Tests/AssayTests/Fixtures/layout.pdf"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let document = try json(result.stdout)
        XCTAssertEqual(document["schema"] as? String, "assay.document/v1")
        let source = try XCTUnwrap(document["source"] as? [String: Any])
        XCTAssertEqual(source["path"] as? String, "Tests/AssayTests/Fixtures/layout.pdf")
        XCTAssertEqual(source["pages"] as? Int, 2)
        XCTAssertEqual(source["media_type"] as? String, "application/pdf")
        XCTAssertEqual(source["text_layer"] as? String, "native")
        XCTAssertEqual(source["bytes"] as? Int, 11754)
    }

    func testFailedDocumentStillPrintsErrorAndExitsOne() throws {
        let result = try run(["extract", "--format", "jsonl", "corpus/bad/empty.pdf", "Tests/AssayTests/Fixtures/layout.pdf", "corpus/bad/user-password.pdf"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(try json(lines[0])["error"].flatMap { $0 as? [String: Any] }?["code"] as? String, "empty")
        XCTAssertNil(try json(lines[1])["error"])
        XCTAssertEqual(try json(lines[2])["error"].flatMap { $0 as? [String: Any] }?["code"] as? String, "encrypted")
    }

    func testPasswordFromOptionAndEnvironment() throws {
        let locked = "Tests/AssayTests/Fixtures/layout-user.pdf"
        XCTAssertEqual(try run(["extract", locked, "--password", "open-sesame"]).status, 0)
        XCTAssertEqual(try run(["extract", locked], environment: ["ASSAY_PDF_PASSWORD": "open-sesame"]).status, 0)
        let wrong = try run(["extract", locked, "--password", "nope"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertEqual(try json(wrong.stdout)["error"].flatMap { $0 as? [String: Any] }?["code"] as? String, "encrypted")
    }

    func testStandardInput() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/AssayTests/Fixtures/page.html"))
        let result = try run(["extract", "-", "--format", "jsonl"], stdin: data)
        XCTAssertEqual(result.status, 0, result.stderr)
        let source = try XCTUnwrap(try json(result.stdout)["source"] as? [String: Any])
        XCTAssertEqual(source["path"] as? String, "-")
        XCTAssertEqual(source["media_type"] as? String, "text/html")
    }

    /// Tesseract (and the libcurl, TLS and LDAP libraries it drags in) is loaded only when a page
    /// needs OCR: linked, it cost every process ~10 ms of dynamic loading.
    func testTesseractIsNotLinkedButOCRStillWorks() throws {
        let ldd = URL(fileURLWithPath: "/usr/bin/ldd")
        guard FileManager.default.isExecutableFile(atPath: ldd.path) else { throw XCTSkip("no ldd") }
        let process = Process()
        process.executableURL = ldd
        process.arguments = [Self.binary.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let libraries = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertTrue(libraries.contains("libpoppler-glib"), libraries)
        XCTAssertFalse(libraries.contains("libtesseract"), libraries)
        XCTAssertFalse(libraries.contains("libcurl"), libraries)
        let scan = try run(["extract", "--ocr", "always", "--max-pages", "1", "corpus/scanned/harrowgate-iso27001-2022-scan.pdf"])
        XCTAssertEqual(scan.status, 0, scan.stderr)
        XCTAssertTrue(scan.stdout.contains("\"code\" : \"ocr_used\""), scan.stdout)
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try run(["extract"]).status, 64)
        XCTAssertEqual(try run(["extract", "--format", "yaml", "x.pdf"]).status, 64)
        XCTAssertEqual(try run(["extract", "--as-of", "31/12/2025", "x.pdf"]).status, 64)
        XCTAssertEqual(try run(["frobnicate"]).status, 64)
    }

    func testVersionHelpAndSchema() throws {
        let version = try run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
        let help = try run(["extract", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("Examples:"))
        let schema = try run(["schema"])
        XCTAssertEqual(schema.status, 0)
        XCTAssertEqual(try json(schema.stdout)["$id"] as? String, "assay.document/v1")
    }

    func testMemoryCapGivesTooLargeAndOthersGoOn() throws {
        let result = try run(["extract", "--max-memory", "128", "corpus/bad/scale-1000-pages.pdf", "Tests/AssayTests/Fixtures/layout.pdf", "--format", "jsonl"])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2)
        let error = try XCTUnwrap(try json(lines[0])["error"] as? [String: Any])
        XCTAssertEqual(error["code"] as? String, "too_large")
        XCTAssertNil(try json(lines[1])["error"])
    }

    /// `extract` runs each document in a copy of itself (fork); a crash or a hang there costs that
    /// document only, is named, and is answered at once rather than after a crash report.
    func testCrashAndHangInTheWorkerAreOneErrorEach() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-cli-hook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = Self.root.appendingPathComponent("Tests/AssayTests/Fixtures/layout.pdf")
        let crash = directory.appendingPathComponent("assay-test-crash.pdf"), hang = directory.appendingPathComponent("assay-test-hang.pdf")
        try FileManager.default.copyItem(at: fixture, to: crash)
        try FileManager.default.copyItem(at: fixture, to: hang)
        let start = Date()
        let result = try run(["extract", "--timeout", "2", crash.path, hang.path, fixture.path, "--format", "jsonl"],
                             environment: ["ASSAY_WORKER_TEST_HOOK": "1"])
        XCTAssertEqual(result.status, 1)
        let lines = try result.stdout.split(separator: "\n").map { try json(String($0)) }
        XCTAssertEqual(lines.count, 3)
        let crashError = try XCTUnwrap(lines[0]["error"] as? [String: Any])
        XCTAssertEqual(crashError["code"] as? String, "crashed")
        XCTAssertEqual(crashError["message"] as? String, "The document's reader crashed (signal SIGABRT).")
        XCTAssertEqual((lines[1]["error"] as? [String: Any])?["code"] as? String, "timeout")
        XCTAssertNil(lines[2]["error"])
        XCTAssertEqual((lines[2]["source"] as? [String: Any])?["pages"] as? Int, 2)
        XCTAssertLessThan(Date().timeIntervalSince(start), 6)
    }

    /// The worker prints each document itself; what reaches stdout is what reading in process prints.
    func testWorkerPrintedOutputEqualsInProcessOutput() throws {
        let files = ["Tests/AssayTests/Fixtures/layout.pdf", "corpus/bad/empty.pdf", "corpus/trust/halcyon-trust.html"]
        for arguments in [["--format", "jsonl"] + files, ["--format", "json", files[0]], ["--format", "json", files[1]],
                          ["--format", "text"] + files, ["--format", "md"] + files, ["--format", "json"] + files] {
            let isolated = try run(["extract", "--as-of", "2026-11-01"] + arguments)
            let inProcess = try run(["extract", "--as-of", "2026-11-01", "--isolation", "none"] + arguments)
            XCTAssertEqual(isolated.stdout, inProcess.stdout, "\(arguments)")
            XCTAssertEqual(isolated.status, inProcess.status, "\(arguments)")
        }
    }

    func testDeadlineGivesTimeout() throws {
        let start = Date()
        let result = try run(["extract", "--timeout", "0.3", "corpus/bad/scale-1000-pages.pdf", "--format", "jsonl"])
        XCTAssertEqual(result.status, 1)
        let error = try XCTUnwrap(try json(result.stdout)["error"] as? [String: Any])
        XCTAssertEqual(error["code"] as? String, "timeout")
        XCTAssertLessThan(Date().timeIntervalSince(start), 8)
    }
}
