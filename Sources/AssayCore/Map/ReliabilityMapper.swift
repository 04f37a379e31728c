import AssayModel
import Foundation

/// Judges how far a SOC 1 or SOC 2 report can be trusted: runs every reliability check, keeps the
/// signals that have evidence, and raises a low-severity finding for each (`soc.reliability.<code>`,
/// or the existing finding the rules name for it). Runs after `FindingsMapper`.
struct ReliabilityMapper: DocumentMapper {
    func map(_ context: DocumentContext, document: inout AssayDocument) throws {
        guard Self.applies(to: document) else { return }
        let rules = try ReliabilityRules.Compiled.load(context.rules)
        let catalogue = try context.rules.load(FindingCatalogue.self)
        let lines = context.body.map { ReliabilityInput.Line(page: $0.page, text: $0.text) }
        try Self.apply(rules: rules, catalogue: catalogue, lines: lines, text: context.text, threads: context.options.ingest.threads,
                       to: &document)
    }

    /// SOC 1 and SOC 2 reports that were read; SOC 3 reports carry no tests and are left alone.
    static func applies(to document: AssayDocument) -> Bool {
        document.error == nil && (document.document.kind == .soc1 || document.document.kind == .soc2)
    }

    /// The signals for `document`, in the order of `ReliabilityChecks.all`, each with the values its
    /// finding's message is filled from. The checks only read the input, so they run side by side on
    /// up to `threads` threads (the sample-size scan of a long Section IV is the slowest).
    static func signals(_ input: ReliabilityInput, threads: Int = 1) throws -> [(signal: ReliabilitySignal, values: [String: String])] {
        var signals: [(signal: ReliabilitySignal, values: [String: String])] = []
        // One job per check: whichever thread is free takes the next check.
        let checks = ReliabilityChecks.all
        let detections = checks.parallelMap(threads: threads) { $0.detect(input) }
        for (check, detection) in zip(checks, detections) {
            guard let detection, !detection.evidence.isEmpty else { continue }
            let rule = try input.rules.rules.signal(check.code)
            var values = detection.values
            if let threshold = detection.threshold { values["threshold"] = Self.number(threshold) }
            let signal = ReliabilitySignal(code: check.code, explanation: FindingsMapper.fill(rule.explanation, values),
                                           evidence: detection.evidence, value: detection.value, threshold: detection.threshold,
                                           finding: rule.finding ?? "soc.reliability.\(check.code)")
            signals.append((signal, values))
        }
        return signals
    }

    static func apply(rules: ReliabilityRules.Compiled, catalogue: FindingCatalogue, lines: [ReliabilityInput.Line],
                      text: String? = nil, threads: Int = 1, to document: inout AssayDocument) throws {
        var input = ReliabilityInput(document: document, lines: lines, rules: rules, text: text)
        input.threads = threads
        let found = try signals(input, threads: threads)
        document.reliability = Reliability(signals: found.map(\.signal))
        let present = Set(document.findings.map(\.code))
        for (signal, values) in found {
            guard let code = signal.finding, !present.contains(code), code.hasPrefix("soc.reliability.") else { continue }
            guard let entry = catalogue.findings[code] else {
                throw RuleError(file: FindingCatalogue.file, key: "findings.\(code)", message: "is missing")
            }
            document.findings.append(Finding(code: code, severity: entry.severity, message: FindingsMapper.fill(entry.message, values),
                                             followUp: entry.followUp.map { FindingsMapper.fill($0, values) },
                                             evidence: signal.evidence))
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
