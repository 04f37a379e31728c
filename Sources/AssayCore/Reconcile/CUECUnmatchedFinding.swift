import AssayModel

/// `soc.cuec_unmatched`: one finding listing the CUECs no own control answers, with their
/// evidence. Its wording and severity are in `extractors/map/findings.yaml`; it is raised here,
/// apart from `FindingsMapper`, because only a run with a control register can raise it.
enum CUECUnmatchedFinding {
    static let code = "soc.cuec_unmatched"

    static func make(document: AssayDocument, reconciliation: CUECReconciliation, rules: RuleBook) throws -> Finding? {
        let unmatched = reconciliation.unmatched.filter { document.cuecs.indices.contains($0) }
        guard !unmatched.isEmpty else { return nil }
        let catalogue = try rules.load(FindingCatalogue.self)
        guard let entry = catalogue.findings[code] else {
            throw RuleError(file: FindingCatalogue.file, key: "findings.\(code)", message: "is missing")
        }
        let list = unmatched.map { "(\($0 + 1)) \(document.cuecs[$0].text)" }.joined(separator: " ")
        let values = ["count": String(unmatched.count), "total": String(document.cuecs.count),
                      "register": reconciliation.register, "cuecs": list]
        return Finding(code: code, severity: entry.severity, message: FindingsMapper.fill(entry.message, values),
                       followUp: entry.followUp.map { FindingsMapper.fill($0, values) },
                       evidence: unmatched.flatMap { document.cuecs[$0].evidence.prefix(1) })
    }
}
