import AssayModel

/// Proposes the contract clauses a reviewer would ask for (`extractors/map/clauses.yaml`), each
/// tied to the document kind or the findings that triggered it. Runs after the findings.
struct ClausesMapper: DocumentMapper {
    struct Table: RuleFile {
        package static let file = "map/clauses.yaml"
        package static let version = 1

        struct Entry: Decodable {
            var id: String
            var kinds: [DocumentKind]?
            var findings: [String]?
            var text: String
        }

        var version: Int
        var clauses: [Entry]
    }

    func map(_ context: DocumentContext, document: inout AssayDocument) throws {
        guard document.document.kind != .unknown else { return }
        let table = try context.rules.load(Table.self)
        for entry in table.clauses {
            var because: [String] = []
            let triggering = document.findings.indices.filter { entry.findings?.contains(document.findings[$0].code) == true }
            because += triggering.map { "findings[\($0)]" }
            // A clause with both lists needs a triggering finding; with kinds only, the kind suffices.
            let kindMatches = entry.kinds?.contains(document.document.kind) == true
            let applies = entry.findings == nil ? kindMatches : !triggering.isEmpty && (entry.kinds == nil || kindMatches)
            guard applies else { continue }
            if entry.findings == nil { because.insert("document.kind", at: 0) }
            document.clauses.append(ContractClause(id: entry.id, text: entry.text, because: because))
        }
    }
}
