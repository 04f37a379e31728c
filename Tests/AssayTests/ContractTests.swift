@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// Every corpus document's output obeys the contract: it validates against `assay schema`, every
/// evidence quote appears on the page it names, and every confidence is in [0, 1].
final class ContractTests: XCTestCase {
    func testCorpusOutputsValidateAndCiteTheirPages() throws {
        let schemaObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ContractSchema.json.utf8)) as? [String: Any])
        let validator = SchemaValidator(root: schemaObject)
        let pairs = EvaluationRun.truthFiles(under: Repo.root.appendingPathComponent("corpus").path)
        XCTAssertGreaterThanOrEqual(pairs.count, 36, "the corpus should hold at least 36 documents with answers")
        var checked = 0, validated = 0
        for pair in pairs {
            let size = (try? FileManager.default.attributesOfItem(atPath: pair.document)[.size] as? Int) ?? 0
            if size > 2_000_000 { continue } // the 1,000-page scale file is for the benchmark, not the unit tests
            let (document, pages) = DocumentPipeline.extractWithPages(path: pair.document, options: ExtractOptions(asOf: "2026-11-01"))
            let json = try ContractJSON.encode(document, pretty: false)
            let object = try JSONSerialization.jsonObject(with: json)
            XCTAssertEqual(validator.validate(object, schemaObject), [], pair.document)
            validated += 1
            if let pages {
                let folded = pages.pages.map { $0.text.foldedWhitespace }
                for evidence in Evaluator.allEvidence(document) {
                    let onPage = evidence.page >= 1 && evidence.page <= folded.count && folded[evidence.page - 1].contains(evidence.quote.foldedWhitespace)
                    XCTAssertTrue(onPage, "\(pair.document): quote not on page \(evidence.page): \(evidence.quote.prefix(80))")
                    checked += 1
                }
            }
        }
        print("ContractTests: \(validated) documents validated, \(checked) evidence quotes checked")
        // Only the one scale file is skipped, and the corpus cites hundreds of quotes: a loop that quietly
        // checked nothing (no pages, no evidence) fails here.
        XCTAssertGreaterThanOrEqual(validated, pairs.count - 1)
        XCTAssertGreaterThan(checked, 500)
    }

    func testSchemaRejectsABrokenDocument() throws {
        let schemaObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ContractSchema.json.utf8)) as? [String: Any])
        let validator = SchemaValidator(root: schemaObject)
        let broken: [String: Any] = ["schema": "assay.document/v1", "source": ["path": "x"],
                                     "document": ["kind": "soc4", "type": NSNull(), "confidence": 1.5]]
        XCTAssertEqual(validator.validate(broken, schemaObject).sorted(), [
            "$.document.confidence: above 1.0",
            "$.document.kind: soc4 not in enum",
        ])
    }
}
