@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// Runs the `examples:` of every rule file through the file's stage and asserts the exact values (and
/// the evidence quote, where the example gives one). A file with examples needs a stage below.
final class RuleExamplesTests: XCTestCase {
    /// What a stage read from an example: the values, and the first value's evidence quote.
    struct Read: Equatable {
        var values: [String]
        var quote: String?
    }

    /// The stage of each file that carries examples: the kind it reads the text as by default, the
    /// extractors that run (in order), and the field read when the example names none.
    static let stages: [String: (kind: DocumentKind, extractors: [any DocumentExtractor], field: String)] = [
        "soc/cuecs.yaml": (.soc2, [SOCCUECExtractor()], "cuecs"),
        "soc/subservice.yaml": (.soc2, [SOCSubserviceExtractor()], "subservice_organizations"),
        "soc/schemes.yaml": (.soc1, [SOCSchemeExtractor()], "scheme"),
        "bridge/letter.yaml": (.bridgeLetter, [BridgeLetterExtractor()], "bridged_period_end"),
        "trust/page.yaml": (.trustPage, [TrustPageExtractor()], "standards"),
    ]

    static func lines(_ text: String) -> [Page] {
        text.components(separatedBy: "\u{0C}").enumerated().map { number, page in
            let lines = page.split(separator: "\n", omittingEmptySubsequences: true).enumerated().map {
                SyntheticLayout.line(String($0.element), y: 40 + Double($0.offset) * 14)
            }
            return Page(number: number + 1, width: 612, height: 792, lines: lines, textLayer: .native)
        }
    }

    static func run(_ example: RuleExample, file: String, book: RuleBook) throws -> Read {
        switch file {
        case "dates.yaml":
            let mentions = try DateParser(rules: book).dates(in: example.text, slashOrder: .dayFirst)
            return Read(values: mentions.map(\.date.description), quote: mentions.first?.text)
        case "soc/exceptions.yaml":
            // One statement of a results cell, read as the extractor reads each sentence.
            let verdict = SOCExceptionExtractor().verdict(example.text.trimmingCharacters(in: .whitespacesAndNewlines),
                                                          try SOCExceptionExtractor.Compiled.shared(book))
            return Read(values: ["\(verdict)"], quote: nil)
        case "classify.yaml":
            let paged = PagedText(mediaType: .text, pages: lines(example.text))
            let document = DocumentPipeline.analyse(paged, source: SourceInfo(path: "example.txt"), options: ExtractOptions())
            return Read(values: [document.document.kind.rawValue], quote: nil)
        default:
            guard let stage = stages[file] else { throw RuleError(file: file, key: "examples", message: "has no stage in RuleExamplesTests") }
            let context = try DocumentContext(paged: PagedText(mediaType: .text, pages: lines(example.text)), rules: book,
                                              options: ExtractOptions())
            context.kind = example.kind ?? stage.kind
            var result = ExtractionResult()
            if let organization = example.organization { result.set("service_organization", organization, confidence: 0.9, evidence: []) }
            for extractor in stage.extractors { try extractor.extract(context, into: &result) }
            switch example.field ?? stage.field {
            case "cuecs":
                return Read(values: result.cuecs.map(\.text), quote: result.cuecs.first?.evidence.first?.quote)
            case "subservice_organizations":
                return Read(values: result.subserviceOrganizations.map { "\($0.name) (\($0.method.rawValue))" },
                            quote: result.subserviceOrganizations.first?.evidence.first?.quote)
            case let name:
                guard let field = result.fields[name] else { return Read(values: [], quote: nil) }
                return Read(values: field.value.strings, quote: field.evidence.first?.quote)
            }
        }
    }

    func testEveryExampleReadsWhatItSays() throws {
        let book = try RuleBook.standard()
        var counted: [String: Int] = [:]
        for file in RuleCatalog.yamlFiles(in: book.directory) {
            for (index, example) in try RuleExamples.load(book, file: file).enumerated() {
                counted[file, default: 0] += 1
                let read = try Self.run(example, file: file, book: book)
                let expected = example.values ?? example.value.map { [$0] } ?? []
                let label = "\(file) examples[\(index)]"
                if example.values == nil, example.value != nil {
                    XCTAssertEqual(read.values.first, example.value, label)
                } else {
                    XCTAssertEqual(read.values, expected, label)
                }
                if let quote = example.quote { XCTAssertEqual(read.quote, quote, label) }
            }
        }
        // The files the issue asks examples of, and the other stages' files that have them.
        for file in ["soc/exceptions.yaml", "soc/subservice.yaml", "soc/cuecs.yaml", "bridge/letter.yaml", "dates.yaml", "classify.yaml"] {
            XCTAssertGreaterThanOrEqual(counted[file] ?? 0, 2, "\(file) should carry at least two examples")
        }
    }

    /// Every stage's decoder reads a file with `examples:` as before: the shipped rules, which carry
    /// them, pass the catalogue, and a malformed example is a problem naming file and key.
    func testExamplesAreCheckedButDoNotDisturbTheStages() throws {
        XCTAssertEqual(RuleCatalog.problems(in: try RuleBook.standard()), [])
        let directory = try RuleCompileTests.copyOfRules()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dates = directory.appendingPathComponent("dates.yaml")
        let text = try String(contentsOf: dates, encoding: .utf8)
        try (text + "\nexamples:\n  - text: \"no value here\"\n").write(to: dates, atomically: true, encoding: .utf8)
        XCTAssertEqual(RuleCatalog.problems(in: RuleBook(directory: directory)), ["dates.yaml at examples[0]: gives neither value nor values"])
    }
}
