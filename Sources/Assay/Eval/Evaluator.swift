import AssayCore
import AssayModel
import Foundation

/// Precision, recall and F1 from counts.
public struct Score: Codable, Sendable, Hashable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    enum CodingKeys: String, CodingKey {
        case truePositives = "tp", falsePositives = "fp", falseNegatives = "fn", precision, recall, f1
    }

    public init() {}

    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public static func += (a: inout Score, b: Score) {
        a.truePositives += b.truePositives
        a.falsePositives += b.falsePositives
        a.falseNegatives += b.falseNegatives
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try c.decode(Int.self, forKey: .truePositives)
        falsePositives = try c.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try c.decode(Int.self, forKey: .falseNegatives)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode((precision * 1000).rounded() / 1000, forKey: .precision)
        try c.encode((recall * 1000).rounded() / 1000, forKey: .recall)
        try c.encode((f1 * 1000).rounded() / 1000, forKey: .f1)
    }
}

/// One confidence band of the reliability table.
public struct Band: Codable, Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var count = 0
    public var correct = 0
    public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }
}

/// The evaluation of one document.
public struct DocumentEvaluation: Codable, Sendable {
    public var path: String
    public var seconds: Double
    public var kindCorrect: Bool
    public var expectedKind: String
    public var actualKind: String
    public var errorExpected: String?
    public var errorActual: String?
    public var mistakes: [String]
    public var evidenceChecked: Int
    public var evidenceMissing: [String]
}

/// The whole evaluation: per field, per record kind, calibration, evidence, failures, speed.
public struct EvaluationReport: Codable, Sendable {
    public var documents: [DocumentEvaluation] = []
    public var fields: [String: Score] = [:]
    public var exceptions = Score()
    public var subserviceOrganizations = Score()
    public var claims = Score()
    public var findings = Score()
    public var cuecCountExact = 0
    public var cuecCountDocuments = 0
    public var kindCorrect = 0
    public var kindTotal = 0
    public var bands: [Band] = [Band(lower: 0, upper: 0.5), Band(lower: 0.5, upper: 0.7), Band(lower: 0.7, upper: 0.9), Band(lower: 0.9, upper: 1.01)]
    public var evidenceChecked = 0
    public var evidenceMissing = 0
    public var failures = 0
    /// Tests of controls, exception samples and CSOCs (see `ControlsEvaluation`).
    public var controls = ControlsScores()

    public var overallFields: Score {
        var total = Score()
        for score in fields.values { total += score }
        return total
    }

    public var highConfidenceWrong: Int { bands.last.map { $0.count - $0.correct } ?? 0 }
}

/// Scores extracted documents against their truth files.
public struct Evaluator {
    public init() {}

    public func evaluate(document: AssayDocument, pages: PagedText?, truth: TruthFile, seconds: Double,
                         into report: inout EvaluationReport) {
        var mistakes: [String] = []
        let expectedKind = truth.error != nil ? "error:\(truth.error ?? "")" :
            "\(truth.document?.kind.rawValue ?? "unknown")/\(truth.document?.type?.rawValue ?? "-")"
        let actualKind = document.error.map { "error:\($0.code.rawValue)" } ??
            "\(document.document.kind.rawValue)/\(document.document.type?.rawValue ?? "-")"
        let kindCorrect = expectedKind == actualKind
        report.kindTotal += 1
        if kindCorrect { report.kindCorrect += 1 } else { mistakes.append("kind: expected \(expectedKind), got \(actualKind)") }
        if document.error != nil && truth.error == nil { report.failures += 1 }

        // Fields.
        let expected = truth.fields ?? [:]
        for name in Set(expected.keys).union(document.fields.keys).sorted() {
            var score = Score()
            let truthValue = expected[name]
            let field = document.fields[name]
            if case .list(let wanted)? = truthValue, case .list(let got)? = field?.value {
                // Lists are scored element by element, as sets.
                var unmatched = got
                for item in wanted {
                    if let hit = unmatched.firstIndex(where: { Matching.matches(field: name, expected: item, actual: $0) }) {
                        score.truePositives += 1
                        unmatched.remove(at: hit)
                    } else {
                        score.falseNegatives += 1
                        mistakes.append("\(name): missing \(item)")
                    }
                }
                score.falsePositives += unmatched.count
                for item in unmatched { mistakes.append("\(name): extra \(item)") }
                if let field { record(field.confidence, correct: unmatched.isEmpty && score.falseNegatives == 0, in: &report) }
            } else {
                let wanted = truthValue?.strings ?? []
                let got = field?.value.strings ?? []
                let correct = !wanted.isEmpty && !got.isEmpty && wanted.count == got.count &&
                    zip(wanted, got).allSatisfy { Matching.matches(field: name, expected: $0, actual: $1) }
                if correct { score.truePositives += 1 } else {
                    if !got.isEmpty { score.falsePositives += 1 }
                    if !wanted.isEmpty { score.falseNegatives += 1 }
                    mistakes.append("\(name): expected \(wanted.isEmpty ? "(absent)" : wanted.joined(separator: "; ")), got \(got.isEmpty ? "(absent)" : got.joined(separator: "; "))")
                }
                if let field { record(field.confidence, correct: correct, in: &report) }
            }
            report.fields[name, default: Score()] += score
        }

        // Exceptions, matched by control id.
        if truth.error == nil {
            var unmatched = document.exceptions
            var exceptionScore = Score()
            for wanted in truth.exceptions ?? [] {
                let id = Matching.normalizedControlID(wanted.control_id)
                if let hit = unmatched.firstIndex(where: { Matching.normalizedControlID($0.controlID) == id }) {
                    exceptionScore.truePositives += 1
                    record(unmatched[hit].confidence, correct: true, in: &report)
                    unmatched.remove(at: hit)
                } else {
                    exceptionScore.falseNegatives += 1
                    mistakes.append("exception missing: \(wanted.control_id ?? "?")")
                }
            }
            for extra in unmatched {
                exceptionScore.falsePositives += 1
                record(extra.confidence, correct: false, in: &report)
                mistakes.append("exception extra: \(extra.controlID ?? "?") \(extra.deviation.prefix(60))")
            }
            report.exceptions += exceptionScore

            // Subservice organisations, matched by name and method.
            var orgs = document.subserviceOrganizations
            var orgScore = Score()
            for wanted in truth.subservice_organizations ?? [] {
                let name = Matching.normalizedName(wanted.name)
                if let hit = orgs.firstIndex(where: {
                    let got = Matching.normalizedName($0.name)
                    return (got == name || got.contains(name) || name.contains(got)) && (wanted.method == nil || wanted.method == $0.method)
                }) {
                    orgScore.truePositives += 1
                    record(orgs[hit].confidence, correct: true, in: &report)
                    orgs.remove(at: hit)
                } else {
                    orgScore.falseNegatives += 1
                    mistakes.append("subservice missing: \(wanted.name) (\(wanted.method?.rawValue ?? "?"))")
                }
            }
            for extra in orgs {
                orgScore.falsePositives += 1
                record(extra.confidence, correct: false, in: &report)
                mistakes.append("subservice extra: \(extra.name) (\(extra.method.rawValue))")
            }
            report.subserviceOrganizations += orgScore

            if let count = truth.cuec_count {
                report.cuecCountDocuments += 1
                if count == document.cuecs.count { report.cuecCountExact += 1 } else {
                    mistakes.append("cuecs: expected \(count), got \(document.cuecs.count)")
                }
            }

            // Claims (trust pages), matched by kind and standard or type.
            var claims = document.claims
            var claimScore = Score()
            for wanted in truth.claims ?? [] {
                if let hit = claims.firstIndex(where: { $0.kind == wanted.kind && (wanted.standard == nil || Matching.normalizedName($0.standard ?? "") == Matching.normalizedName(wanted.standard ?? "")) && (wanted.type == nil || wanted.type == $0.type) }) {
                    claimScore.truePositives += 1
                    claims.remove(at: hit)
                } else {
                    claimScore.falseNegatives += 1
                    mistakes.append("claim missing: \(wanted.kind.rawValue) \(wanted.standard ?? wanted.type?.rawValue ?? "")")
                }
            }
            claimScore.falsePositives += claims.count
            for extra in claims { mistakes.append("claim extra: \(extra.kind.rawValue) \(extra.standard ?? extra.type?.rawValue ?? "")") }
            report.claims += claimScore

            // Findings, as sets of codes.
            let wantedFindings = Set(truth.findings ?? [])
            let gotFindings = Set(document.findings.map(\.code).filter { !$0.hasPrefix("scope.") })
            var findingScore = Score()
            findingScore.truePositives = wantedFindings.intersection(gotFindings).count
            findingScore.falseNegatives = wantedFindings.subtracting(gotFindings).count
            findingScore.falsePositives = gotFindings.subtracting(wantedFindings).count
            for code in wantedFindings.subtracting(gotFindings).sorted() { mistakes.append("finding missing: \(code)") }
            for code in gotFindings.subtracting(wantedFindings).sorted() { mistakes.append("finding extra: \(code)") }
            report.findings += findingScore
        }
        ControlsEvaluation.evaluate(document: document, truth: truth, mistakes: &mistakes, scores: &report.controls)

        // Every evidence quote must appear on the page it names.
        var checked = 0
        var missing: [String] = []
        if let pages {
            let folded = pages.pages.map { $0.text.foldedWhitespace }
            for evidence in Self.allEvidence(document) {
                checked += 1
                let ok = evidence.page >= 1 && evidence.page <= folded.count && folded[evidence.page - 1].contains(evidence.quote.foldedWhitespace)
                if !ok { missing.append("p.\(evidence.page): \(evidence.quote.prefix(80))") }
            }
        }
        report.evidenceChecked += checked
        report.evidenceMissing += missing.count
        report.documents.append(DocumentEvaluation(
            path: document.source.path, seconds: (seconds * 1000).rounded() / 1000, kindCorrect: kindCorrect,
            expectedKind: expectedKind, actualKind: actualKind, errorExpected: truth.error,
            errorActual: document.error?.code.rawValue, mistakes: mistakes, evidenceChecked: checked, evidenceMissing: missing))
    }

    private func record(_ confidence: Double, correct: Bool, in report: inout EvaluationReport) {
        guard let index = report.bands.firstIndex(where: { confidence >= $0.lower && confidence < $0.upper }) else { return }
        report.bands[index].count += 1
        if correct { report.bands[index].correct += 1 }
    }

    static func allEvidence(_ document: AssayDocument) -> [Evidence] {
        var all: [Evidence] = []
        for key in document.fields.keys.sorted() { all += document.fields[key]?.evidence ?? [] }
        for record in document.exceptions { all += record.evidence }
        for record in document.subserviceOrganizations { all += record.evidence }
        for record in document.cuecs { all += record.evidence }
        for record in document.claims { all += record.evidence }
        for record in document.findings { all += record.evidence }
        all += ControlsEvaluation.evidence(document)
        return all
    }
}
