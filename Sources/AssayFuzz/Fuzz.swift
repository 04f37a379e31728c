import Assay
import AssayIngest
import AssayModel
import Foundation

/// libFuzzer entry point. `ASSAY_FUZZ_TARGET` picks what the bytes are fed to:
/// `pdf`, `html`, `text` (the ingest backends, including format sniffing), `analyse` (the bytes as
/// plain text through classification, segmentation, every extractor and the mappers) or `dates`
/// (the date parser). Built with `fuzz/run`; in an ordinary build this target is a replay tool.
@_cdecl("LLVMFuzzerTestOneInput")
public func assayFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzTargets.run(Data(bytes: data, count: size), target: FuzzTargets.selected)
    return 0
}

enum FuzzTargets {
    static let selected = ProcessInfo.processInfo.environment["ASSAY_FUZZ_TARGET"] ?? "analyse"
    static let rules = try? RuleBook.standard()
    static let parser = rules.flatMap { try? DateParser(rules: $0) }

    static func run(_ data: Data, target: String) {
        let options = IngestOptions(maxPages: 50, maxCharactersPerPage: 50_000, ocr: .never)
        switch target {
        case "pdf": _ = try? Ingestor.ingest(data, as: .pdf, options: options)
        case "html": _ = try? Ingestor.ingest(data, as: .html, options: options)
        case "text": _ = try? Ingestor.ingest(data, options: options)
        case "dates":
            let text = String(decoding: data, as: UTF8.self)
            _ = parser?.dates(in: text, slashOrder: .dayFirst)
            _ = parser?.slashOrder(forDocument: text)
        default:
            guard let paged = try? Ingestor.ingest(data, as: .text, options: options) else { return }
            _ = DocumentPipeline.analyse(paged, source: SourceInfo(path: "fuzz"),
                                         options: ExtractOptions(ingest: options, asOf: "2026-11-01", rules: rules))
        }
    }
}

#if !FUZZING
/// Replays inputs (crash files from a fuzzing run, or any file) through the selected target, so a
/// crash can be reproduced in an ordinary build: `ASSAY_FUZZ_TARGET=pdf assay-fuzz crash-…`.
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("assay-fuzz: cannot read \(path)\n".utf8))
                continue
            }
            FuzzTargets.run(data, target: FuzzTargets.selected)
            print("\(FuzzTargets.selected): \(path) ok")
        }
    }
}
#endif
