@testable import Assay
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
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try output.write(to: golden, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            compared += 1
            if expected != output {
                let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let b = output.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                XCTFail("\(relative) differs from its golden file at line \(line + 1):\n  golden: \(line < a.count ? String(a[line]) : "(end)")\n  now:    \(line < b.count ? String(b[line]) : "(end)")")
            }
        }
        XCTAssertFalse(recording, "golden files recorded; review the diff and run again without ASSAY_RECORD_GOLDEN")
        if !recording { XCTAssertGreaterThanOrEqual(compared, 40) }
    }
}
