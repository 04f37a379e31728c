/// The report's CUECs matched to the customer's own controls (an Assay extension,
/// `cuec_reconciliation`; present only when a control register was given with `--controls`).
public struct CUECReconciliation: Codable, Sendable, Hashable {
    /// The register as the user named it.
    public var register: String
    /// One entry per CUEC, in the order of `cuecs`.
    public var matches: [CUECMatch]

    public init(register: String, matches: [CUECMatch]) {
        self.register = register
        self.matches = matches
    }
}

/// The own controls that answer one CUEC; none means a to-do.
public struct CUECMatch: Codable, Sendable, Hashable {
    /// Index into the document's `cuecs`.
    public var cuec: Int
    public var controls: [OwnControlMatch]

    public init(cuec: Int, controls: [OwnControlMatch]) {
        self.cuec = cuec
        self.controls = controls
    }
}

/// One of the customer's own controls matched to a CUEC, with how well and why.
public struct OwnControlMatch: Codable, Sendable, Hashable {
    public var id: String
    public var score: Double
    public var reason: String

    public init(id: String, score: Double, reason: String) {
        self.id = id
        self.score = Confidence.rounded(score)
        self.reason = reason
    }
}
