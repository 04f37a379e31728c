import AssayModel

/// Links the document to the customer's NIS2, DORA and GDPR obligations. The table, its
/// conditions and its rationales are data (`extractors/map/obligations.yaml`); the first rule
/// whose conditions hold decides the status. Runs after the findings, which it can read.
struct ObligationsMapper: DocumentMapper {
    struct Table: RuleFile {
        package static let file = "map/obligations.yaml"
        package static let version = 1

        struct Rule: Decodable {
            var when: ObligationCondition
            var status: ObligationStatus
            var rationale: String
        }

        struct Entry: Decodable {
            var framework: String
            var reference: String
            var title: String
            var rules: [Rule]
        }

        var version: Int
        var obligations: [Entry]
    }

    static let frameworks: Set<String> = ["NIS2", "DORA", "GDPR"]

    func map(_ context: DocumentContext, document: inout AssayDocument) throws {
        guard document.document.kind != .unknown else { return }
        let table = try context.rules.load(Table.self)
        for (index, entry) in table.obligations.enumerated() {
            guard Self.frameworks.contains(entry.framework) else {
                throw RuleError(file: Table.file, key: "obligations[\(index)].framework", message: "must be NIS2, DORA or GDPR")
            }
            var obligation = Obligation(framework: entry.framework, reference: entry.reference, title: entry.title,
                                        status: .notEvidenced, rationale: "This document does not address this obligation.", because: [])
            for rule in entry.rules {
                let (holds, because) = rule.when.evaluate(document)
                if holds {
                    obligation.status = rule.status
                    obligation.rationale = rule.rationale
                    obligation.because = because
                    break
                }
            }
            document.obligations.append(obligation)
        }
    }
}
