import AssayCore
import AssayModel

/// The questions to send a vendor: the follow-up of every vendor finding, then of every document
/// finding, most severe first, each asked once however many findings raise it.
///
/// A document finding listed in `superseded` (a stale report, an expired certificate) is not asked
/// when another document ends later on one of the rows listed for its code (`same` for the
/// document's own row): the newer document answers it.
public enum QuestionList {
    public static func build(vendorFindings: [VendorFinding], documents: [AssayDocument],
                             timeline: [CoverageSpan] = [], superseded: [String: [String]] = [:]) -> [VendorQuestion] {
        struct Raised { var severity: Severity; var text: String; var because: String; var evidence: [VendorEvidence] }
        var raised: [Raised] = []
        for finding in vendorFindings {
            guard let text = finding.followUp else { continue }
            raised.append(Raised(severity: finding.severity, text: text, because: finding.code, evidence: finding.evidence))
        }
        var fromDocuments: [Raised] = []
        for document in documents where !document.isFailure {
            let path = document.source.path
            let own = timeline.first { $0.path == path }
            func isSuperseded(_ code: String) -> Bool {
                guard let span = own, let rows = superseded[code] else { return false }
                return timeline.contains { later in
                    later.path != path && later.end > span.end
                        && (rows.contains(later.row.rawValue) || (rows.contains("same") && later.row == span.row))
                }
            }
            for finding in document.findings {
                guard let text = finding.followUp, !isSuperseded(finding.code) else { continue }
                fromDocuments.append(Raised(severity: finding.severity, text: text, because: "\(path)#\(finding.code)",
                                            evidence: finding.evidence.map { VendorEvidence(path: path, $0) }))
            }
        }
        raised += fromDocuments.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
        var questions: [VendorQuestion] = []
        var index: [String: Int] = [:]
        for item in raised {
            let key = item.text.foldedWhitespace.lowercased()
            if let at = index[key] {
                if !questions[at].because.contains(item.because) { questions[at].because.append(item.because) }
                for evidence in item.evidence where !questions[at].evidence.contains(evidence) { questions[at].evidence.append(evidence) }
                continue
            }
            index[key] = questions.count
            questions.append(VendorQuestion(text: item.text.foldedWhitespace, because: [item.because],
                                            evidence: CoverageTimeline.unique(item.evidence)))
        }
        return questions
    }
}
