import AssayIngest
import AssayModel
import Foundation

/// Everything that shapes one extraction besides the input itself.
public struct ExtractOptions: Sendable {
    public var ingest: IngestOptions
    /// "Today" for findings that depend on dates (staleness, expiry); fixed for reproducible runs.
    public var asOf: String?
    /// Services the customer buys (`--service`): a scope that does not name them raises a finding.
    public var services: [String]
    /// Sites that hold the customer's data or equipment (`--site`).
    public var sites: [String]
    /// The rule book to use; `nil` finds `extractors/` with `RuleLocator`.
    public var rules: RuleBook?
    /// The customer's own control register (`--controls`): each CUEC is matched to it.
    public var controls: ControlRegister?

    public init(ingest: IngestOptions = IngestOptions(), asOf: String? = nil, services: [String] = [], sites: [String] = [],
                rules: RuleBook? = nil, controls: ControlRegister? = nil) {
        self.rules = rules
        self.controls = controls
        self.ingest = ingest
        self.asOf = asOf
        self.services = services
        self.sites = sites
    }
}
