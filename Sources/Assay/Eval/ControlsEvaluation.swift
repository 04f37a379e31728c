import AssayModel
import Foundation

/// Scores of the tests of controls and complementary subservice-organisation controls: kept apart from
/// the other records so the existing figures stay as they were.
public struct ControlsScores: Codable, Sendable {
    /// Control facts of the answer files (methods, sample size, result of one control each): a fact stated
    /// and matched is a true positive; a control missing or a fact wrong is a false negative, and a wrong
    /// value given is a false positive too.
    public var controlFacts = Score()
    public var controlCountExact = 0
    public var controlCountDocuments = 0
    public var inquiryOnlyExact = 0
    public var inquiryOnlyDocuments = 0
    /// Exceptions whose answer gives a sample size and deviations: both read right.
    public var exceptionSamples = Score()
    /// CSOCs, matched by their words and (when stated) the subservice organisation.
    public var csocs = Score()

    public init() {}
}

/// `assay eval` for `controls`, exceptions' `sample_size`/`deviations` and `csocs` in the answer files.
public enum ControlsEvaluation {
    public static func evaluate(document: AssayDocument, truth: TruthFile, mistakes: inout [String], scores: inout ControlsScores) {
        guard truth.error == nil else { return }
        if let controls = truth.controls {
            if let count = controls.count {
                scores.controlCountDocuments += 1
                if count == document.controls.count { scores.controlCountExact += 1 } else {
                    mistakes.append("controls: expected \(count), got \(document.controls.count)")
                }
            }
            if let wanted = controls.inquiry_only {
                scores.inquiryOnlyDocuments += 1
                let got = document.controls.filter { !$0.tests.isEmpty && $0.tests.allSatisfy { $0.methods == [.inquiry] } }.count
                if wanted == got { scores.inquiryOnlyExact += 1 } else { mistakes.append("inquiry-only controls: expected \(wanted), got \(got)") }
            }
            for item in controls.items ?? [] { score(item, in: document, mistakes: &mistakes, scores: &scores) }
        }
        for wanted in truth.exceptions ?? [] where wanted.sample_size != nil || wanted.deviations != nil {
            let id = Matching.normalizedControlID(wanted.control_id)
            let got = document.exceptions.first { Matching.normalizedControlID($0.controlID) == id }
            if let got, got.sampleSize == wanted.sample_size, got.deviations == wanted.deviations {
                scores.exceptionSamples.truePositives += 1
            } else {
                scores.exceptionSamples.falseNegatives += 1
                if got?.sampleSize != nil { scores.exceptionSamples.falsePositives += 1 }
                mistakes.append("exception \(wanted.control_id ?? "?") sample: expected \(wanted.deviations.map(String.init) ?? "?") of "
                                + "\(wanted.sample_size.map(String.init) ?? "?"), got \(got?.deviations.map(String.init) ?? "-") of \(got?.sampleSize.map(String.init) ?? "-")")
            }
        }
        if let wanted = truth.csocs {
            var unmatched = document.csocs
            for item in wanted {
                if let hit = unmatched.firstIndex(where: { matches(item, $0) }) {
                    scores.csocs.truePositives += 1
                    unmatched.remove(at: hit)
                } else {
                    scores.csocs.falseNegatives += 1
                    mistakes.append("csoc missing: \(item.text.prefix(60)) (\(item.subservice_organization ?? "?"))")
                }
            }
            scores.csocs.falsePositives += unmatched.count
            for extra in unmatched { mistakes.append("csoc extra: \(extra.text.prefix(60)) (\(extra.subserviceOrganization ?? "?"))") }
        }
    }

    static func score(_ item: TruthFile.ControlTruth, in document: AssayDocument, mistakes: inout [String], scores: inout ControlsScores) {
        let label = item.control_id ?? String((item.text ?? "?").prefix(40))
        let control = document.controls.first { control in
            if let id = item.control_id { return Matching.normalizedControlID(control.controlID) == Matching.normalizedControlID(id) }
            guard let text = item.text else { return false }
            return control.text.foldedForKey.hasPrefix(text.foldedForKey)
        }
        guard let control else {
            scores.controlFacts.falseNegatives += [item.methods != nil, item.sample_size != nil, item.result != nil].filter { $0 }.count
            mistakes.append("control missing: \(label)")
            return
        }
        func check(_ name: String, _ ok: Bool, _ detail: String) {
            if ok { scores.controlFacts.truePositives += 1 } else {
                scores.controlFacts.falseNegatives += 1
                scores.controlFacts.falsePositives += 1
                mistakes.append("control \(label) \(name): \(detail)")
            }
        }
        if let methods = item.methods {
            let got = Set(control.tests.flatMap(\.methods))
            check("methods", got == Set(methods), "expected \(methods.map(\.rawValue).sorted()), got \(got.map(\.rawValue).sorted())")
        }
        if let sample = item.sample_size {
            let got = control.tests.compactMap(\.sampleSize)
            check("sample", got.contains(sample), "expected \(sample), got \(got)")
        }
        if let result = item.result {
            let got = control.tests.map(\.result)
            check("result", got.contains(result), "expected \(result.rawValue), got \(got.map(\.rawValue))")
        }
    }

    static func matches(_ wanted: TruthFile.CSOCTruth, _ got: CSOC) -> Bool {
        let a = Matching.words(wanted.text), b = Matching.words(got.text)
        guard !a.isEmpty, !b.isEmpty else { return false }
        let overlap = Double(a.intersection(b).count)
        guard overlap / Double(a.count) >= 0.6, overlap / Double(b.count) >= 0.5 else { return false }
        if let organization = wanted.subservice_organization {
            let x = Matching.normalizedName(organization), y = Matching.normalizedName(got.subserviceOrganization ?? "")
            guard !y.isEmpty, x == y || x.contains(y) || y.contains(x) else { return false }
        }
        if let criteria = wanted.criteria, Set(criteria) != Set(got.criteria) { return false }
        return true
    }

    /// Evidence of the controls, their tests and the CSOCs, for the quote check.
    static func evidence(_ document: AssayDocument) -> [Evidence] {
        var all: [Evidence] = []
        for control in document.controls {
            all += control.evidence
            for test in control.tests { all += test.evidence }
        }
        for csoc in document.csocs { all += csoc.evidence }
        return all
    }

    /// The summary lines `assay eval` prints.
    static func lines(_ scores: ControlsScores, row: (String, Score) -> String) -> [String] {
        [
            "  " + row("control facts (tests)", scores.controlFacts),
            "  " + row("exception samples (k of n)", scores.exceptionSamples),
            "  " + row("CSOCs", scores.csocs),
            "  control count exact: \(scores.controlCountExact)/\(scores.controlCountDocuments) documents   "
                + "inquiry-only count exact: \(scores.inquiryOnlyExact)/\(scores.inquiryOnlyDocuments) documents",
        ]
    }
}
