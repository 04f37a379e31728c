/// The report's CUECs matched to the customer's own controls (an Assay extension,
/// `cuec_reconciliation`; present only when a control register was given with `--controls`).
public struct CUECReconciliation: Codable, Sendable, Hashable {
    /// The register as the user named it.
    public var register: String
    /// One entry per CUEC, in the order of `cuecs`.
    public var matches: [CUECMatch]
    /// The score a match needs (from `extractors/reconcile/matching.yaml`).
    public var threshold: Double?

    public init(register: String, matches: [CUECMatch], threshold: Double? = nil) {
        self.register = register
        self.matches = matches
        self.threshold = threshold
    }

    /// The CUECs no own control answers, as indices into `cuecs`.
    public var unmatched: [Int] { matches.filter { $0.status == .unmatched }.map(\.cuec) }

    /// The entry for the CUEC at `index`, if the reconciliation has one.
    public func match(for index: Int) -> CUECMatch? { matches.first { $0.cuec == index } }
}

/// Whether a CUEC is answered by at least one own control.
public enum CUECMatchStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case matched, unmatched
}

/// The own controls that answer one CUEC; none means a to-do.
public struct CUECMatch: Codable, Sendable, Hashable {
    /// Index into the document's `cuecs`.
    public var cuec: Int
    public var controls: [OwnControlMatch]
    /// `matched` when `controls` is not empty. Absent in records written before the field existed.
    public var status: CUECMatchStatus?

    public init(cuec: Int, controls: [OwnControlMatch]) {
        self.cuec = cuec
        self.controls = controls
        status = controls.isEmpty ? .unmatched : .matched
    }
}

/// One of the customer's own controls matched to a CUEC, with how well and why.
public struct OwnControlMatch: Codable, Sendable, Hashable {
    public var id: String
    public var score: Double
    public var reason: String
    /// The own control's text as the register words it, so a memo can show it without the register.
    public var text: String?

    public init(id: String, score: Double, reason: String, text: String? = nil) {
        self.id = id
        self.score = Confidence.rounded(score)
        self.reason = reason
        self.text = text
    }
}
