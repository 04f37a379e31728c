/// Signals that a SOC report may be weak evidence (an Assay extension, `reliability`): each one names
/// what was seen, explains it in plain words and cites where it was seen. Computed for SOC 1 and SOC 2
/// reports; an empty list means every signal was checked and none fired.
public struct Reliability: Codable, Sendable, Hashable {
    public var signals: [ReliabilitySignal]

    public init(signals: [ReliabilitySignal]) {
        self.signals = signals
    }
}

/// One reliability signal, such as `inquiry_only_testing` or `boilerplate_tests`.
///
/// `value` and `threshold` are the measure the signal fired on and the rule's limit, in the signal's
/// own unit (a share of controls, a number of days, a similarity); both are `null` for signals that
/// are a plain yes or no. `finding` is the code of the finding the signal raised.
public struct ReliabilitySignal: Codable, Sendable, Hashable {
    public var code: String
    public var explanation: String
    public var evidence: [Evidence]
    public var value: Double?
    public var threshold: Double?
    public var finding: String?

    enum CodingKeys: String, CodingKey {
        case code, explanation, evidence, value, threshold, finding
    }

    public init(code: String, explanation: String, evidence: [Evidence], value: Double? = nil, threshold: Double? = nil,
                finding: String? = nil) {
        self.code = code
        self.explanation = explanation
        self.evidence = evidence
        self.value = value
        self.threshold = threshold
        self.finding = finding
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(value, forKey: .value)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(finding, forKey: .finding)
    }
}
