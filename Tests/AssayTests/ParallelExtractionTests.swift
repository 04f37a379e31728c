@testable import Assay
@testable import AssayCore
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

    /// The runner gives each extractor of the registry's independent tail a result of its own and joins
    /// it after the chain's. That is only right if such an extractor records the same whether or not the
    /// chain's records are already there: checked on the corpus's SOC reports, extractor by extractor.
    func testIndependentExtractorsRecordTheSameWithOrWithoutTheChainsRecords() throws {
        let extractors = Registry.extractors
        let tailStart = (extractors.lastIndex { !$0.isIndependent } ?? -1) + 1
        XCTAssertTrue(extractors[tailStart...].contains { $0 is SOCExceptionExtractor })
        let rules = try RuleBook(directory: Repo.root.appendingPathComponent("extractors"))
        let options = ExtractOptions(ingest: IngestOptions(ocr: .never), asOf: "2026-11-01", rules: rules)
        var checked = 0
        for path in ["soc2/corvane-analytics-soc2-type2-2026.pdf", "soc1/marrowgate-soc1-type2-2025.pdf"].map(Repo.corpus) {
            let context = try DocumentContext(paged: DocumentPipeline.pages(path: path, options: options), rules: rules, options: options)
            let classified = try DocumentClassifier(rules: rules).classify(context)
            context.kind = classified.kind
            context.type = classified.type
            for segmenter in Registry.segmenters where segmenter.kinds.contains(context.kind) { try segmenter.segment(context) }
            let applicable = extractors.filter { $0.kinds.contains(context.kind) }
            let start = (applicable.lastIndex { !$0.isIndependent } ?? -1) + 1
            var chain = ExtractionResult()
            for extractor in applicable[..<start] { try extractor.extract(context, into: &chain) }
            for extractor in applicable[start...] {
                var after = chain
                try extractor.extract(context, into: &after)
                var alone = ExtractionResult()
                try extractor.extract(context, into: &alone)
                var joined = chain
                joined.append(alone)
                XCTAssertEqual(after.fields, joined.fields, "\(type(of: extractor))")
                XCTAssertEqual(Self.records(after), Self.records(joined), "\(type(of: extractor))")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 2)
    }

    /// Every part of a result but its fields (a dictionary, compared with ==), as JSON with sorted keys
    /// (a record may hold a dictionary, whose printed order is not stable between two equal values).
    private static func records(_ result: ExtractionResult) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Mirror(reflecting: result).children.filter { $0.label != "fields" }.map { child in
            let label = child.label ?? ""
            guard let value = child.value as? any Encodable, let data = try? encoder.encode(value) else { return "\(label): \(child.value)" }
            return "\(label): " + String(decoding: data, as: UTF8.self)
        }
    }
}
