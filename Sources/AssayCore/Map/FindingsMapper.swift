import AssayModel
import Foundation

/// Raises the findings a careful reviewer would raise. Which findings exist and how they read is
/// data (`extractors/map/findings.yaml`); whether each applies is one small predicate in Swift.
package struct FindingsMapper: DocumentMapper {
    package func map(_ context: DocumentContext, document: inout AssayDocument) throws {
        let catalogue = try context.rules.load(FindingCatalogue.self)
        let editions = try context.rules.load(StandardEditions.self)
        let asOf = context.options.asOf.flatMap(ISODate.init) ?? Self.today()
        let input = FindingInput(document: document, asOf: asOf, thresholds: catalogue.thresholds, editions: editions,
                                 options: context.options, catalogue: catalogue,
                                 surveillanceLabel: try FindingCatalogue.surveillanceLabel(context.rules), context: context)
        let raised = SOCFindingRules.evaluate(input) + BridgeFindingRules.evaluate(input)
            + (try ISOFindingRules.evaluate(input, iafSignatories: try? IAFSignatories.load(context.rules)))
            + OtherAssuranceFindingRules.evaluate(input)
            + ScopeFindingRules.evaluate(input)
            + (try TrustFindingRules.evaluate(input))
        for finding in raised {
            guard let entry = catalogue.findings[finding.code] else {
                throw RuleError(file: FindingCatalogue.file, key: "findings.\(finding.code)", message: "is missing")
            }
            document.findings.append(Finding(code: finding.code, severity: entry.severity,
                                             message: Self.fill(entry.message, finding.values),
                                             followUp: entry.followUp.map { Self.fill($0, finding.values) },
                                             evidence: finding.evidence))
        }
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (key, value) in values {
            // "Snowflake Inc." at the end of a sentence must not gain a second full stop.
            if value.hasSuffix(".") { text = text.replacingOccurrences(of: "{\(key)}.", with: value) }
            text = text.replacingOccurrences(of: "{\(key)}", with: value)
        }
        return text
    }

    package static func today() -> ISODate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return ISODate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1) ?? ISODate.reference
    }
}

/// Names and acronyms of accreditation bodies that sign the IAF MLA, normalised for matching.
enum IAFSignatories {
    struct Rules: RuleFile {
        package static let file = "bodies/accreditation.yaml"
        package static let version = 1

        struct Body: Decodable {
            var name: String
            var acronym: String
        }
        var version: Int
        var iafMLA: [Body]

        /// The YAML keys are snake_case.
        enum CodingKeys: String, CodingKey {
            case version
            case iafMLA = "iaf_mla"
        }
    }

    package static func load(_ rules: RuleBook) throws -> Set<String> {
        let parsed = try rules.load(Rules.self)
        return Set(parsed.iafMLA.flatMap { [Matching.normalizedName($0.name), Matching.normalizedName($0.acronym)] })
    }
}
