/// Signals that a SOC report may be weak evidence (an Assay extension, `reliability`): each one names
/// what was seen, explains it in plain words and cites where it was seen.
public struct Reliability: Codable, Sendable, Hashable {
    public var signals: [ReliabilitySignal]

    public init(signals: [ReliabilitySignal]) {
        self.signals = signals
    }
}

/// One reliability signal, such as `inquiry_only_testing` or `boilerplate_tests`.
public struct ReliabilitySignal: Codable, Sendable, Hashable {
    public var code: String
    public var explanation: String
    public var evidence: [Evidence]

    public init(code: String, explanation: String, evidence: [Evidence]) {
        self.code = code
        self.explanation = explanation
        self.evidence = evidence
    }
}
