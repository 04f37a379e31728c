import AssayCore
import AssayModel
import Foundation

/// Runs the pipeline over every document under a folder that has a truth file beside it, and
/// scores the results (`assay eval`). Documents are read in this process: the corpus is ours.
public enum EvaluationRun {
    /// Every `X.truth.json` under `directory` whose document `X` exists, sorted by path.
    public static func truthFiles(under directory: String) -> [(document: String, truth: String)] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var pairs: [(String, String)] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".truth.json") else { continue }
            let truth = (directory as NSString).appendingPathComponent(relative)
            let document = String(truth.dropLast(".truth.json".count))
            if FileManager.default.fileExists(atPath: document) { pairs.append((document, truth)) }
        }
        return pairs.sorted { $0.0 < $1.0 }
    }

    public static func run(directory: String, options: ExtractOptions, progress: ((Int, Int, String) -> Void)? = nil) throws -> EvaluationReport {
        let pairs = truthFiles(under: directory)
        var report = EvaluationReport()
        let evaluator = Evaluator()
        for (index, pair) in pairs.enumerated() {
            progress?(index, pairs.count, pair.document)
            let truthData = try Data(contentsOf: URL(fileURLWithPath: pair.truth))
            let truth: TruthFile
            do {
                truth = try JSONDecoder().decode(TruthFile.self, from: truthData)
            } catch {
                throw RuleError(file: pair.truth, key: nil, message: "is not a valid truth file: \(error)")
            }
            var documentOptions = options
            if documentOptions.asOf == nil { documentOptions.asOf = truth.as_of ?? "2026-11-01" }
            let start = Date()
            let (document, pages) = DocumentPipeline.extractWithPages(path: pair.document, options: documentOptions)
            let seconds = Date().timeIntervalSince(start)
            evaluator.evaluate(document: document, pages: pages, truth: truth, seconds: seconds, into: &report)
        }
        return report
    }
}

/// The evaluation as a table for a terminal.
public enum EvaluationText {
    public static func render(_ report: EvaluationReport, verbose: Bool) -> String {
        func pct(_ value: Double) -> String { String(format: "%.3f", value) }
        func row(_ name: String, _ s: Score) -> String {
            name.padding(toLength: 30, withPad: " ", startingAt: 0)
                + "  P \(pct(s.precision))  R \(pct(s.recall))  F1 \(pct(s.f1))   (tp \(s.truePositives), fp \(s.falsePositives), fn \(s.falseNegatives))"
        }
        var out: [String] = []
        out.append("Documents: \(report.documents.count)   kind+type (or expected error) correct: \(report.kindCorrect)/\(report.kindTotal)   unexpected failures: \(report.failures)")
        out.append("")
        out.append("Fields")
        for name in report.fields.keys.sorted() {
            if let score = report.fields[name] { out.append("  " + row(name, score)) }
        }
        out.append("  " + row("ALL FIELDS", report.overallFields))
        out.append("")
        out.append("Records")
        out.append("  " + row("exceptions (by control id)", report.exceptions))
        out.append("  " + row("subservice organisations", report.subserviceOrganizations))
        out.append("  " + row("trust-page claims", report.claims))
        out.append("  " + row("findings (codes)", report.findings))
        out.append("  CUEC count exact: \(report.cuecCountExact)/\(report.cuecCountDocuments) documents")
        out += ControlsEvaluation.lines(report.controls, row: row)
        out.append("")
        out.append("Calibration (fields and records by confidence)")
        for band in report.bands {
            let upper = min(band.upper, 1.0)
            out.append("  [\(pct(band.lower)), \(pct(upper))\(band.upper > 1 ? "]" : ")")  n \(band.count)  correct \(band.correct)  accuracy \(band.count == 0 ? "-" : pct(band.accuracy))")
        }
        out.append("  values with confidence >= 0.9 that are wrong: \(report.highConfidenceWrong)")
        out.append("")
        out.append("Evidence: \(report.evidenceChecked - report.evidenceMissing)/\(report.evidenceChecked) quotes found on their page")
        let seconds = report.documents.map(\.seconds)
        if !seconds.isEmpty {
            let sorted = seconds.sorted()
            out.append(String(format: "Seconds per document: mean %.3f, median %.3f, max %.3f", seconds.reduce(0, +) / Double(seconds.count), sorted[sorted.count / 2], sorted.last ?? 0))
        }
        let troubled = report.documents.filter { !$0.mistakes.isEmpty || !$0.evidenceMissing.isEmpty }
        if verbose && !troubled.isEmpty {
            out.append("")
            out.append("Mistakes")
            for doc in troubled {
                out.append("  \(doc.path)")
                for mistake in doc.mistakes { out.append("    - \(mistake)") }
                for quote in doc.evidenceMissing { out.append("    - evidence not on page: \(quote)") }
            }
        } else if !troubled.isEmpty {
            out.append("\(troubled.count) document(s) with mistakes; --verbose lists them.")
        }
        return out.joined(separator: "\n")
    }
}
