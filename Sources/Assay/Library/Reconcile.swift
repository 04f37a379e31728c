import Foundation

/// What reconciling a document's CUECs needs: the customer's own control register and the rules.
public struct ReconcileOptions: Sendable {
    /// The register, as `readControlRegister(_:)` reads it (or built in code).
    public var register: ControlRegister
    /// The rule book; `nil` finds `extractors/` with `RuleLocator`.
    public var rules: RuleBook?

    public init(register: ControlRegister, rules: RuleBook? = nil) {
        self.register = register
        self.rules = rules
    }
}

/// Reads a control register (CSV with `id` and `text` columns, or a YAML list); the error names
/// the file, the line and the problem.
///
/// ```swift
/// let register = try Assay.readControlRegister(URL(fileURLWithPath: "controls.csv"))
/// let report = Assay.extract(URL(fileURLWithPath: "acme-soc2.pdf"), options: ExtractOptions(controls: register))
/// for match in report.cuecReconciliation?.matches ?? [] { print(match.cuec, match.controls.map(\.id)) }
/// ```
public func readControlRegister(_ file: URL, name: String? = nil) throws -> ControlRegister {
    try RegisterParser.read(path: file.path, name: name ?? file.path)
}

/// Matches the CUECs of a document already read (a batch's JSON, say) to a register: sets
/// `cuecReconciliation` and raises `soc.cuec_unmatched` for CUECs no own control answers.
/// Passing `ExtractOptions(controls:)` to `extract` does the same while reading.
public func reconcile(_ document: AssayDocument, options: ReconcileOptions) throws -> AssayDocument {
    let rules = try options.rules ?? RuleBook.standard()
    var document = document
    try CUECReconciler(register: options.register, rules: rules).apply(to: &document)
    return document
}
