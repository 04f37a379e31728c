import Foundation

/// How much of a SOC report's tests of controls (Section IV) was read (contract `testing`), so that an
/// empty exception list means "none" only when the results were read.
public struct TestingSummary: Codable, Sendable, Hashable {
    /// `read`: every control's result was read; `partial`: some were; `unreadable`: the section was found
    /// but no result could be read; `absent`: no tests of controls were found.
    public enum Status: String, Codable, Sendable, Hashable {
        case read, partial, unreadable, absent
    }

    public var status: Status
    /// Controls found in the section.
    public var controls: Int
    /// Controls whose result (exception or none) was read.
    public var resultsRead: Int
    public var exceptions: Int
    public var firstPage: Int?
    public var lastPage: Int?
    /// Tests of controls read into `controls[]` (an Assay extension; absent when Section IV was not searched).
    public var tests: Int?
    /// How many of those tests used each method (every method listed, zero included; a test with two
    /// methods counts under both).
    public var testsByMethod: [String: Int]?
    /// Share of the controls with a test method read whose every test is inquiry alone (2 decimals);
    /// absent when no test method was read.
    public var inquiryOnlyShare: Double?

    enum CodingKeys: String, CodingKey {
        case status, controls, resultsRead = "results_read", exceptions, firstPage = "first_page", lastPage = "last_page"
        case tests, testsByMethod = "tests_by_method", inquiryOnlyShare = "inquiry_only_share"
    }

    public init(status: Status, controls: Int, resultsRead: Int, exceptions: Int, firstPage: Int? = nil, lastPage: Int? = nil) {
        self.status = status
        self.controls = controls
        self.resultsRead = resultsRead
        self.exceptions = exceptions
        self.firstPage = firstPage
        self.lastPage = lastPage
    }
}

/// A deviation found when the auditor tested a control (SOC Section IV).
public struct ExceptionRecord: Codable, Sendable, Hashable {
    public var controlID: String?
    public var criteria: [String]
    public var control: String
    public var test: String
    public var deviation: String
    public var managementResponse: String?
    public var confidence: Double
    public var evidence: [Evidence]
    /// Items the auditor sampled, when the deviation's text gives it ("For 1 of 8 sampled …": 8).
    public var sampleSize: Int?
    /// Items that deviated, when the text gives it ("For 1 of 8 sampled …": 1).
    public var deviations: Int?
    /// `deviations / sampleSize`, 4 decimals, when both are known.
    public var deviationRate: Double?

    enum CodingKeys: String, CodingKey {
        case controlID = "control_id", criteria, control, test, deviation
        case managementResponse = "management_response", confidence, evidence
        case sampleSize = "sample_size", deviations, deviationRate = "deviation_rate"
    }

    public init(controlID: String?, criteria: [String], control: String, test: String, deviation: String,
                managementResponse: String?, confidence: Double, evidence: [Evidence], sampleSize: Int? = nil,
                deviations: Int? = nil) {
        self.sampleSize = sampleSize
        self.deviations = deviations
        self.deviationRate = ExceptionRecord.rate(deviations, of: sampleSize)
        self.controlID = controlID
        self.criteria = criteria
        self.control = control
        self.test = test
        self.deviation = deviation
        // An empty response cell is no response.
        let response = managementResponse?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.managementResponse = response?.isEmpty == false ? response : nil
        self.confidence = Confidence.rounded(confidence)
        self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(controlID, forKey: .controlID)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(control, forKey: .control)
        try c.encode(test, forKey: .test)
        try c.encode(deviation, forKey: .deviation)
        try c.encode(managementResponse, forKey: .managementResponse)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(sampleSize, forKey: .sampleSize)
        try c.encode(deviations, forKey: .deviations)
        try c.encode(deviationRate, forKey: .deviationRate)
    }

    /// `deviations / sampleSize` rounded to 4 decimals; `nil` unless both are known and make sense.
    public static func rate(_ deviations: Int?, of sampleSize: Int?) -> Double? {
        guard let deviations, let sampleSize, sampleSize > 0, deviations >= 0, deviations <= sampleSize else { return nil }
        return (Double(deviations) / Double(sampleSize) * 10_000).rounded() / 10_000
    }

    /// Sets the sample size and deviations (and the rate from them).
    public mutating func setSample(_ sampleSize: Int?, deviations: Int?) {
        self.sampleSize = sampleSize
        self.deviations = deviations
        deviationRate = Self.rate(deviations, of: sampleSize)
    }
}

/// How a SOC report treats a subservice organisation's controls.
public enum SubserviceMethod: String, Codable, Sendable, Hashable {
    case carveOut = "carve_out"
    case inclusive
}

/// A subservice organisation named in the system description.
public struct SubserviceOrganization: Codable, Sendable, Hashable {
    public var name: String
    public var services: String
    public var method: SubserviceMethod
    public var confidence: Double
    public var evidence: [Evidence]

    public init(name: String, services: String, method: SubserviceMethod, confidence: Double, evidence: [Evidence]) {
        self.name = name
        self.services = services
        self.method = method
        self.confidence = Confidence.rounded(confidence)
        self.evidence = evidence
    }
}

/// A complementary user-entity control: something the customer must operate for the criteria to be met.
public struct CUEC: Codable, Sendable, Hashable {
    public var text: String
    public var criteria: [String]
    public var confidence: Double
    public var evidence: [Evidence]

    public init(text: String, criteria: [String], confidence: Double, evidence: [Evidence]) {
        self.text = text
        self.criteria = criteria
        self.confidence = Confidence.rounded(confidence)
        self.evidence = evidence
    }
}

public enum Severity: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    case high, medium, low, info

    private var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// What a careful reviewer would raise about the document.
public struct Finding: Codable, Sendable, Hashable {
    public var code: String
    public var severity: Severity
    public var message: String
    public var followUp: String?
    public var evidence: [Evidence]

    enum CodingKeys: String, CodingKey {
        case code, severity, message, followUp = "follow_up", evidence
    }

    public init(code: String, severity: Severity, message: String, followUp: String?, evidence: [Evidence]) {
        self.code = code
        self.severity = severity
        self.message = message
        self.followUp = followUp
        self.evidence = evidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(severity, forKey: .severity)
        try c.encode(message, forKey: .message)
        try c.encode(followUp, forKey: .followUp)
        try c.encode(evidence, forKey: .evidence)
    }
}

public enum ObligationStatus: String, Codable, Sendable, Hashable {
    case supports, partial, gap
    case notEvidenced = "not_evidenced"
}

/// A link from the document to one of the customer's own regulatory obligations.
public struct Obligation: Codable, Sendable, Hashable {
    public var framework: String
    public var reference: String
    public var title: String
    public var status: ObligationStatus
    public var rationale: String
    public var because: [String]

    public init(framework: String, reference: String, title: String, status: ObligationStatus,
                rationale: String, because: [String]) {
        self.framework = framework
        self.reference = reference
        self.title = title
        self.status = status
        self.rationale = rationale
        self.because = because
    }
}

/// A report or certificate that a trust-centre page says the vendor holds (an Assay extension).
public struct Claim: Codable, Sendable, Hashable {
    public var kind: DocumentKind
    public var type: ReportType?
    public var standard: String?
    public var periodEnd: String?
    public var expiryDate: String?
    public var confidence: Double
    public var evidence: [Evidence]

    enum CodingKeys: String, CodingKey {
        case kind, type, standard, periodEnd = "period_end", expiryDate = "expiry_date", confidence, evidence
    }

    public init(kind: DocumentKind, type: ReportType?, standard: String?, periodEnd: String?, expiryDate: String?,
                confidence: Double, evidence: [Evidence]) {
        self.kind = kind
        self.type = type
        self.standard = standard
        self.periodEnd = periodEnd
        self.expiryDate = expiryDate
        self.confidence = Confidence.rounded(confidence)
        self.evidence = evidence
    }
}

/// A located part of the document (SOC Sections I–V, certificate annex).
public struct Section: Codable, Sendable, Hashable {
    public var kind: String
    public var title: String
    public var firstPage: Int
    public var lastPage: Int
    public var confidence: Double

    enum CodingKeys: String, CodingKey {
        case kind, title, firstPage = "first_page", lastPage = "last_page", confidence
    }

    public init(kind: String, title: String, firstPage: Int, lastPage: Int, confidence: Double) {
        self.kind = kind
        self.title = title
        self.firstPage = firstPage
        self.lastPage = lastPage
        self.confidence = Confidence.rounded(confidence)
    }
}

public enum DiagnosticLevel: String, Codable, Sendable, Hashable {
    case info, warning, error
}

/// Non-fatal trouble met while reading a document; the document still succeeds.
public struct Diagnostic: Codable, Sendable, Hashable {
    public var level: DiagnosticLevel
    public var code: String
    public var message: String

    public init(level: DiagnosticLevel, code: String, message: String) {
        self.level = level
        self.code = code
        self.message = message
    }
}

/// A contract clause to ask the vendor for, and what in the document triggered it (an Assay extension).
public struct ContractClause: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
    /// Pointers into this document (`document.kind`, `findings[2]`).
    public var because: [String]

    public init(id: String, text: String, because: [String]) {
        self.id = id
        self.text = text
        self.because = because
    }
}
