import AssayModel

/// Matches every CUEC of a document to the register's own controls and, when some have none,
/// raises `soc.cuec_unmatched`.
public struct CUECReconciler: Sendable {
    let matcher: CUECMatcher
    let register: ControlRegister
    let rules: RuleBook

    public init(register: ControlRegister, rules: RuleBook) throws {
        self.register = register
        self.rules = rules
        matcher = try CUECMatcher(register: register, rules: try ReconcileRules.load(rules))
    }

    /// The reconciliation of `cuecs`, one entry per CUEC in their order.
    public func reconcile(_ cuecs: [CUEC]) -> CUECReconciliation {
        CUECReconciliation(register: register.name,
                           matches: cuecs.enumerated().map { CUECMatch(cuec: $0.offset, controls: matcher.match($0.element)) },
                           threshold: matcher.rules.threshold)
    }

    /// Sets `document.cuecReconciliation` and adds the finding for unmatched CUECs (replacing an
    /// earlier reconciliation and its finding, so a document can be reconciled again with another
    /// register). A failed document, or one without CUECs, is left as it is.
    public func apply(to document: inout AssayDocument) throws {
        guard !document.isFailure, !document.cuecs.isEmpty else { return }
        let reconciliation = reconcile(document.cuecs)
        document.cuecReconciliation = reconciliation
        document.findings.removeAll { $0.code == CUECUnmatchedFinding.code }
        if let finding = try CUECUnmatchedFinding.make(document: document, reconciliation: reconciliation, rules: rules) {
            document.findings.append(finding)
        }
    }
}
