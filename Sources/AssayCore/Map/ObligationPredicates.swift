import AssayModel

/// The closed set of conditions an obligation rule may use (`extractors/map/obligations.yaml`).
/// Every listed condition must hold; `because` collects the parts of the document each one read.
struct ObligationCondition: Decodable {
    var kinds: [DocumentKind]?
    var type: ReportType?
    var opinion: OpinionCondition?
    var exceptionsIn: [String]?
    var noExceptionsIn: [String]?
    var categories: [String]?
    var withoutCategories: [String]?
    var findings: [String]?
    var noFindings: [String]?
    var standards: [String]?
    var has: [Feature]?

    enum OpinionCondition: String, Decodable { case clean, modified }
    enum Feature: String, Decodable { case cuecs, subservice, carve_out, locations }

    /// Whether the condition holds for `document`, and the pointers (`fields.opinion`, `exceptions[2]`) it relied on.
    func evaluate(_ document: AssayDocument) -> (holds: Bool, because: [String]) {
        var because: [String] = []
        if let kinds {
            guard kinds.contains(document.document.kind) else { return (false, []) }
            because.append("document.kind")
        }
        if let type {
            guard document.document.type == type else { return (false, []) }
            because.append("document.type")
        }
        if let opinion {
            guard let value = document.fields["opinion"]?.value.strings.first else { return (false, []) }
            let clean = value == "unqualified"
            guard clean == (opinion == .clean) else { return (false, []) }
            because.append("fields.opinion")
        }
        if let prefixes = exceptionsIn {
            let hits = matchingExceptions(document, prefixes)
            guard !hits.isEmpty else { return (false, []) }
            because += hits.map { "exceptions[\($0)]" }
        }
        if let prefixes = noExceptionsIn, !matchingExceptions(document, prefixes).isEmpty { return (false, []) }
        let categories = Set(document.fields["trust_services_categories"]?.value.strings ?? [])
        if let wanted = self.categories {
            guard Set(wanted).isSubset(of: categories) else { return (false, []) }
            because.append("fields.trust_services_categories")
        }
        if let unwanted = withoutCategories {
            guard Set(unwanted).isDisjoint(with: categories) else { return (false, []) }
            if document.fields["trust_services_categories"] != nil { because.append("fields.trust_services_categories") }
        }
        if let codes = findings {
            let hits = document.findings.indices.filter { codes.contains(document.findings[$0].code) }
            guard !hits.isEmpty else { return (false, []) }
            because += hits.map { "findings[\($0)]" }
        }
        if let codes = noFindings, document.findings.contains(where: { codes.contains($0.code) }) { return (false, []) }
        if let wanted = standards {
            let printed = document.fields["standards"]?.value.strings ?? []
            guard printed.contains(where: { standard in wanted.contains { standard.contains($0) } }) else { return (false, []) }
            because.append("fields.standards")
        }
        for feature in has ?? [] {
            switch feature {
            case .cuecs:
                guard !document.cuecs.isEmpty else { return (false, []) }
                because.append("cuecs")
            case .subservice:
                guard !document.subserviceOrganizations.isEmpty else { return (false, []) }
                because.append("subservice_organizations")
            case .carve_out:
                let carved = document.subserviceOrganizations.indices.filter { document.subserviceOrganizations[$0].method == .carveOut }
                guard !carved.isEmpty else { return (false, []) }
                because += carved.map { "subservice_organizations[\($0)]" }
            case .locations:
                guard document.fields["locations"] != nil else { return (false, []) }
                because.append("fields.locations")
            }
        }
        return (true, because)
    }

    /// Indexes of exceptions whose control id or criteria start with one of `prefixes`.
    private func matchingExceptions(_ document: AssayDocument, _ prefixes: [String]) -> [Int] {
        document.exceptions.indices.filter { index in
            let record = document.exceptions[index]
            let keys = ([record.controlID ?? ""] + record.criteria).map { $0.uppercased() }
            return prefixes.contains { prefix in keys.contains { $0.hasPrefix(prefix.uppercased()) } }
        }
    }

    /// The YAML keys are snake_case.
    enum CodingKeys: String, CodingKey {
        case kinds
        case type
        case opinion
        case exceptionsIn = "exceptions_in"
        case noExceptionsIn = "no_exceptions_in"
        case categories
        case withoutCategories = "without_categories"
        case findings
        case noFindings = "no_findings"
        case standards
        case has
    }
}
