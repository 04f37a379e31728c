/// How the auditor tested a control, in the words of the attestation standards.
public enum TestMethod: String, Codable, Sendable, Hashable, CaseIterable {
    case inquiry, observation, inspection, reperformance, recalculation
}

/// What one test of a control found.
public enum TestResult: String, Codable, Sendable, Hashable {
    /// The test found no deviation.
    case noException = "no_exception"
    case exception
    /// The auditor did not test it (no occurrence in the period, not in scope of the test).
    case notTested = "not_tested"
    /// A test was found but its result could not be read.
    case unread
}

/// One test the service auditor ran on a control (SOC Section IV), with its method, the population and
/// sample when the report prints them, and its result (an Assay extension, `controls[].tests[]`).
public struct ControlTest: Codable, Sendable, Hashable {
    public var text: String
    public var methods: [TestMethod]
    public var population: Int?
    public var sampleSize: Int?
    public var result: TestResult
    /// The result as printed ("No exceptions noted.").
    public var resultText: String?
    public var evidence: [Evidence]

    enum CodingKeys: String, CodingKey {
        case text, methods, population, sampleSize = "sample_size", result, resultText = "result_text", evidence
    }

    public init(text: String, methods: [TestMethod], population: Int? = nil, sampleSize: Int? = nil,
                result: TestResult, resultText: String? = nil, evidence: [Evidence]) {
        self.text = text
        self.methods = methods
        self.population = population
        self.sampleSize = sampleSize
        self.result = result
        self.resultText = resultText
        self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(methods, forKey: .methods)
        try c.encode(population, forKey: .population)
        try c.encode(sampleSize, forKey: .sampleSize)
        try c.encode(result, forKey: .result)
        try c.encode(resultText, forKey: .resultText)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// A control the service organisation specified and the tests the auditor ran on it (an Assay
/// extension, `controls[]`; SOC 1 and SOC 2 reports).
public struct TestedControl: Codable, Sendable, Hashable {
    public var controlID: String?
    public var text: String
    public var criteria: [String]
    public var tests: [ControlTest]
    public var confidence: Double
    public var evidence: [Evidence]

    enum CodingKeys: String, CodingKey {
        case controlID = "control_id", text, criteria, tests, confidence, evidence
    }

    public init(controlID: String?, text: String, criteria: [String], tests: [ControlTest], confidence: Double,
                evidence: [Evidence]) {
        self.controlID = controlID
        self.text = text
        self.criteria = criteria
        self.tests = tests
        self.confidence = Confidence.rounded(confidence)
        self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(controlID, forKey: .controlID)
        try c.encode(text, forKey: .text)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(tests, forKey: .tests)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
    }
}
