@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// Runs the whole pipeline on every corpus document and compares the full contract output with
/// the reviewed golden file under `Tests/AssayTests/Golden/`. Any change in extraction shows up here
/// as a diff to review. To re-record after an intended change: `ASSAY_RECORD_GOLDEN=1 swift test
/// --filter GoldenTests` (recording writes the files and fails, so it is never left on), then read
/// the diff before committing.
final class GoldenTests: XCTestCase {
    static let goldenDirectory = Repo.root.appendingPathComponent("Tests/AssayTests/Golden")

    func testCorpusMatchesGoldenFiles() throws {
        let recording = ProcessInfo.processInfo.environment["ASSAY_RECORD_GOLDEN"] != nil
        let corpus = Repo.root.appendingPathComponent("corpus").path
        var compared = 0
        for pair in EvaluationRun.truthFiles(under: corpus) {
            let size = (try? FileManager.default.attributesOfItem(atPath: pair.document)[.size] as? Int) ?? 0
            if size > 2_000_000 { continue } // the 1,000-page scale file is for the benchmark
            let relative = String(pair.document.dropFirst(Repo.root.path.count + 1))
            let document = DocumentPipeline.extract(path: pair.document, label: relative, options: ExtractOptions(asOf: "2026-11-01"))
            let output = ContractJSON.string(document, pretty: true) + "\n"
            let golden = Self.goldenDirectory.appendingPathComponent(relative + ".json")
            if recording {
                try Self.record(output, golden: golden)
                continue
            }
            try Self.compare(output, golden: golden, name: relative)
            compared += 1
        }
        XCTAssertFalse(recording, "golden files recorded; review the diff and run again without ASSAY_RECORD_GOLDEN")
        if !recording { XCTAssertGreaterThanOrEqual(compared, 40) }
    }

    /// The reviewer's text summary and Markdown memo of documents of every kind, including a failure:
    /// their labels, order and cut-offs are output too, and a change in them is a diff to review.
    func testRenderingsMatchGoldenFiles() throws {
        let recording = ProcessInfo.processInfo.environment["ASSAY_RECORD_GOLDEN"] != nil
        let documents = [
            "soc2/corvane-analytics-soc2-type2-2026.pdf", "soc1/marrowgate-soc1-type2-2025.pdf",
            "iso/harrowgate-iso27001-2022.pdf", "bridge/kestrel-forge-bridge-letter.pdf",
            "trust/halcyon-trust.html", "bad/user-password.pdf",
        ]
        for relative in documents.map({ "corpus/" + $0 }) {
            let document = DocumentPipeline.extract(path: Repo.root.appendingPathComponent(relative).path, label: relative,
                                                    options: ExtractOptions(asOf: "2026-11-01"))
            for (suffix, output) in [("txt", TextSummary.render(document)), ("md", MarkdownMemo.render(document))] {
                let golden = Self.goldenDirectory.appendingPathComponent("render/\(relative).\(suffix)")
                if recording { try Self.record(output, golden: golden) } else { try Self.compare(output, golden: golden, name: golden.lastPathComponent) }
            }
        }
        XCTAssertFalse(recording, "golden files recorded; review the diff and run again without ASSAY_RECORD_GOLDEN")
    }

    static func record(_ output: String, golden: URL) throws {
        try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try output.write(to: golden, atomically: true, encoding: .utf8)
    }

    /// Fails with the first line that differs.
    static func compare(_ output: String, golden: URL, name: String) throws {
        let expected = try String(contentsOf: golden, encoding: .utf8)
        guard expected != output else { return }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = output.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        XCTFail("\(name) differs from its golden file at line \(line + 1):\n  golden: \(line < a.count ? String(a[line]) : "(end)")\n  now:    \(line < b.count ? String(b[line]) : "(end)")")
    }
}
