@testable import Assay
import AssayIngest
import AssayModel
import Foundation
import XCTest

/// Reading pages on several threads and running the independent extractors alongside the others
/// must give, byte for byte, what one thread gives.
final class ParallelExtractionTests: XCTestCase {
    func testThreadsDoNotChangeTheOutputOfAnySOCReport() throws {
        var checked = 0
        for folder in ["soc1", "soc2", "soc2-type1"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Repo.corpus(folder)).filter { $0.hasSuffix(".pdf") }.sorted()
            for name in names {
                let path = Repo.corpus("\(folder)/\(name)")
                var options = ExtractOptions(ingest: IngestOptions(ocr: .never, threads: 1), asOf: "2026-11-01")
                let one = ContractJSON.string(DocumentPipeline.extract(path: path, options: options), pretty: true)
                options.ingest.threads = 2
                let two = ContractJSON.string(DocumentPipeline.extract(path: path, options: options), pretty: true)
                XCTAssertEqual(two, one, name)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 8)
    }

    func testAppendKeepsTheEarlierValueOnATieAndTakesAMoreConfidentOne() {
        let early = Evidence(page: 1, quote: "early"), late = Evidence(page: 2, quote: "late")
        var first = ExtractionResult()
        first.set("opinion", "unqualified", confidence: 0.9, evidence: [early])
        first.set("system_name", "Ledger", confidence: 0.6, evidence: [early])
        first.diagnostics = [Diagnostic(level: .info, code: "a", message: "first")]
        var later = ExtractionResult()
        later.set("opinion", "qualified", confidence: 0.9, evidence: [late])
        later.set("system_name", "Ledger Platform", confidence: 0.8, evidence: [late])
        later.set("scope", "payroll", confidence: 0.7, evidence: [late])
        later.diagnostics = [Diagnostic(level: .info, code: "b", message: "later")]
        first.append(later)
        XCTAssertEqual(first.fields["opinion"]?.value.display, "unqualified")
        XCTAssertEqual(first.fields["system_name"]?.value.display, "Ledger Platform")
        XCTAssertEqual(first.fields["system_name"]?.evidence, [late])
        XCTAssertEqual(first.fields["scope"]?.value.display, "payroll")
        XCTAssertEqual(first.diagnostics.map(\.code), ["a", "b"])
    }

    func testOnlyIndependentExtractorsCloseTheRegistry() {
        // The runner overlaps the independent tail with the chain before it; an extractor that reads
        // others' records must not sit in that tail.
        let extractors = Registry.extractors
        let tailStart = (extractors.lastIndex { !$0.isIndependent } ?? -1) + 1
        XCTAssertLessThan(tailStart, extractors.count)
        XCTAssertTrue(extractors[tailStart...].allSatisfy(\.isIndependent))
        XCTAssertTrue(extractors[tailStart...].contains { $0 is SOCExceptionExtractor })
    }
}
