import AssayModel
import Foundation
import Yams

/// Every rule file under `extractors/` and how to check it: decoded into the type its stage reads,
/// and, where the stage compiles patterns, built the way the stage builds it. `assay rules check`
/// runs all of them; a test fails when a YAML file has no entry here.
public enum RuleCatalog {
    public struct Check: Sendable {
        public var file: String
        /// The document kinds whose stages read the file, when only some do (nil: every document's).
        package var kinds: Set<DocumentKind>?
        package let validate: @Sendable (RuleBook) throws -> Void

        package init(file: String, kinds: Set<DocumentKind>? = nil, validate: @escaping @Sendable (RuleBook) throws -> Void) {
            self.file = file
            self.kinds = kinds
            self.validate = validate
        }
    }

    /// A file checked by decoding it into the type that declares it, as its stage does.
    package static func decode<T: RuleFile & SendableMetatype>(_ type: T.Type, kinds: Set<DocumentKind>? = nil) -> Check {
        Check(file: T.file, kinds: kinds) { _ = try $0.load(T.self) }
    }

    private static let soc: Set<DocumentKind> = [.soc1, .soc2, .soc3]
    private static let certificates: Set<DocumentKind> = [.isoCertificate, .trustPage, .otherAssurance]

    /// The rule files of one document's extraction: those whose stage compiles patterns are checked
    /// by building the stage, the others by decoding them as their stage does. The applications around
    /// the core (vendor view, exports, the control register) add their own files (`RuleCatalog.checks` in Assay).
    public static let extractionChecks: [Check] = built + extractionFiles.filter { file in !built.contains { $0.file == file.file } }

    /// The files whose stage compiles patterns: checked by building the stage.
    private static let built: [Check] = [
        Check(file: DocumentClassifier.Rules.file) { _ = try DocumentClassifier(rules: $0) },
        Check(file: PageFurniture.Rules.file) { _ = try PageFurniture(rules: $0) },
        Check(file: DateParser.Rules.file) { _ = try DateParser(rules: $0) },
    ]

    /// The rule files an extraction decodes, in the order its stages first read them: what
    /// `RuleWarmUp` decodes ahead of the stages, those marked with kinds only once the document is
    /// known to be of one of them. Each entry decodes into the type its stage asks for (the
    /// accreditation list twice: the findings and the certificate extractor read it differently).
    /// A file whose stage compiles patterns is checked by building the stage's compiled value
    /// (its `Compiled`), the same value the stage uses, so a broken pattern is an error naming file and key.
    package static let extractionFiles: [Check] = [
        // The first three are compiled as the pipeline compiles them (`RuleBook.built`), so the
        // document's context and classifier find their patterns ready.
        Check(file: PageFurniture.Rules.file) { _ = try $0.built("furniture") { try PageFurniture(rules: $0) } },
        Check(file: DateParser.Rules.file) { _ = try $0.built("dates") { try DateParser(rules: $0) } },
        Check(file: DocumentClassifier.Rules.file) { _ = try DocumentClassifier.shared($0) },
        Check(file: SOCSectionSegmenter.Rules.file, kinds: soc) { _ = try SOCSectionSegmenter.compiled($0) },
        Check(file: SOCFieldRules.Rules.file, kinds: soc) { _ = try SOCFieldRules.compiled($0) },
        Check(file: SOCExceptionExtractor.Rules.file, kinds: [.soc1, .soc2]) { _ = try SOCExceptionExtractor.Compiled.shared($0) },
        Check(file: SOCControlReader.Rules.file, kinds: [.soc1, .soc2]) { _ = try SOCControlReader.shared($0) },
        Check(file: SOCSubserviceExtractor.Rules.file, kinds: soc) { _ = try SOCSubserviceExtractor.Compiled.shared($0) },
        Check(file: SOCCUECExtractor.Rules.file, kinds: [.soc1, .soc2]) { _ = try SOCCUECExtractor.Compiled.shared($0) },
        Check(file: SOCCSOCExtractor.Rules.file, kinds: [.soc1, .soc2]) { _ = try SOCCSOCExtractor.Compiled.shared($0) },
        Check(file: SOCSchemeExtractor.Rules.file, kinds: [.soc1, .soc2]) { _ = try SOCSchemeExtractor.Compiled.shared($0) },
        Check(file: FindingCatalogue.file) { _ = try FindingCatalogue.surveillanceLabel($0) },
        decode(StandardEditions.self),
        Check(file: ReliabilityRules.file) { _ = try ReliabilityRules.Compiled.load($0) },
        decode(IAFSignatories.Rules.self),
        decode(ClausesMapper.Table.self),
        decode(ObligationsMapper.Table.self),
        Check(file: CertificateRules.file, kinds: certificates) { try $0.load(CertificateRules.self).checkPatterns() },
        Check(file: LegalForms.file, kinds: [.isoCertificate, .trustPage, .bridgeLetter, .otherAssurance]) {
            _ = try $0.load(LegalForms.self).namePattern()
        },
        decode(AccreditationBodies.self, kinds: certificates),
        decode(CertificationBodies.self, kinds: certificates),
        Check(file: OtherAssuranceRules.file, kinds: [.otherAssurance]) {
            _ = try $0.load(OtherAssuranceRules.self).compiledSchemes()
        },
        Check(file: AuditReportRules.file, kinds: [.unknown]) { _ = try AuditReportRules.compiled($0) },
        Check(file: BridgeLetterRules.file, kinds: [.bridgeLetter]) { _ = try BridgeLetterRules.Compiled.shared($0) },
        Check(file: TrustPageRules.file, kinds: [.trustPage]) { _ = try TrustPageRules.Compiled.shared($0) },
    ]

    /// One line per problem: files that do not parse or decode, and YAML files none of `checks` covers.
    public static func problems(in rules: RuleBook, checks: [Check]) -> [String] {
        var problems: [String] = []
        let known = Set(checks.map(\.file))
        for file in yamlFiles(in: rules.directory) {
            if !known.contains(file) { problems.append("\(file): no check knows this file (add it to RuleCatalog)") }
            do {
                _ = try Yams.load(yaml: String(contentsOf: rules.directory.appendingPathComponent(file), encoding: .utf8))
            } catch {
                problems.append("\(file): not valid YAML: \(error)")
                continue
            }
            do { _ = try RuleExamples.load(rules, file: file) } catch { problems.append("\(error)") }
        }
        for check in checks {
            do { try check.validate(rules) } catch { problems.append("\(error)") }
        }
        return problems
    }

    package static func yamlFiles(in directory: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".yaml") { files.append(relative) }
        }
        return files.sorted()
    }
}
