import ArgumentParser
import Assay
import AssayModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the pipeline against the hand-written answers (*.truth.json) under a folder.",
        discussion: """
        For every document with a NAME.truth.json beside it: document kind and type, precision, recall \
        and F1 per field (dates exact, names ignoring case, punctuation and legal suffixes, lists as sets), \
        exceptions by control id, subservice organisations, trust-page claims, findings, calibration \
        (how often values given high confidence are wrong), whether every evidence quote is on its page, \
        and seconds per document. Findings are judged at each truth file's as_of date.

        Examples:
          assay eval corpus
          assay eval corpus --verbose          (list every mistake)
          assay eval corpus --min-f1 0.95      (exit 1 when the overall field F1 is lower)
        """
    )

    @Argument(help: "Folder to evaluate.")
    var directory: String = "corpus"

    @Option(help: "Output format: text (a table) or json.")
    var format: EvalFormat = .text

    @Option(name: .customLong("min-f1"), help: "Exit with status 1 when the overall field F1 is below this.")
    var minF1: Double?

    @Flag(help: "List every mistake, per document.")
    var verbose = false

    enum EvalFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory) is not a folder.")
        }
        if let minF1, !(0...1).contains(minF1) { throw ValidationError("--min-f1 must be between 0 and 1.") }
    }

    func run() throws {
        let tty = isatty(2) != 0
        let report = try EvaluationRun.run(directory: directory, options: ExtractOptions()) { index, total, path in
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[K[\(index + 1)/\(total)] \(path)".utf8)) }
        }
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        switch format {
        case .text: print(EvaluationText.render(report, verbose: verbose))
        case .json: print(ContractJSON.string(report, pretty: true))
        }
        if let minF1, report.overallFields.f1 < minF1 {
            FileHandle.standardError.write(Data("assay eval: overall field F1 \(String(format: "%.3f", report.overallFields.f1)) is below \(minF1)\n".utf8))
            throw ExitCode(1)
        }
    }
}
