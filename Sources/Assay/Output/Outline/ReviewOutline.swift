import AssayCore
import AssayModel

/// What a reviewer reads about one document, in order: its kind, the cover sheet, findings,
/// reliability, exceptions, subservice organisations, CUECs, claims, contract clauses, obligations
/// and diagnostics — each row with its label, value, evidence and whether its confidence is low.
///
/// Built once from a result (`ReviewOutline(_:)`); the text summary, the Markdown memo and the review
/// page only format it, so they cannot disagree on a label, the order or a cut-off. The JSON output
/// is the contract and does not go through the outline.
public struct ReviewOutline: Sendable, Hashable {
    /// Who the document is about: the organisation it names, or else its file.
    public var subject: String
    /// Whether `subject` is the organisation named (not the file path).
    public var namesOrganization: Bool
    /// The kind label, "SOC 2 Type II".
    public var kind: String
    public var kindConfidence: Double
    public var isKindLowConfidence: Bool
    /// "subject — kind", the page's and the memo's title.
    public var title: String
    /// The report period or certificate validity in one phrase, when the document gives one.
    public var period: String?
    /// The auditor's opinion as the document words it, when it gives one.
    public var opinion: String?
    public var failure: Failure?
    public var source: Source
    /// The parts present in the document, in review order; a part without rows is left out unless
    /// it says why it is empty (`emptyNote`).
    public var sections: [OutlineSection]

    public struct Failure: Sendable, Hashable {
        /// "Could not be read".
        public var label: String
        public var code: String
        public var message: String
    }

    public struct Source: Sendable, Hashable {
        public var path: String
        public var pages: Int?
        public var sha256: String?
        /// The leading digits of `sha256` (`OutlineCutoffs.shortHashLength`).
        public var shortSHA256: String?
        public var textLayer: String
    }

    public func section(_ id: OutlineSection.ID) -> OutlineSection? { sections.first { $0.id == id } }
}

/// One part of the outline.
public struct OutlineSection: Sendable, Hashable {
    public enum ID: String, Sendable, Hashable, CaseIterable {
        case cover, findings, reliability, exceptions, subservice, cuecs, claims, clauses, obligations, diagnostics
    }

    public var id: ID
    public var title: String
    /// Shown after the title for parts that are lists of records ("Exceptions (3)").
    public var count: Int?
    /// A sentence above the rows (the `--controls` summary above the CUECs).
    public var note: String?
    /// A sentence in place of rows, when the part was examined and holds nothing.
    public var emptyNote: String?
    /// Column headings, for the parts the renderings lay out as tables.
    public var columns: [String]
    public var rows: [OutlineRow]

    /// "Exceptions (3)", or the title alone.
    public var heading: String { count.map { "\(title) (\($0))" } ?? title }
}

/// One row: a label and a value, the secondary facts a rendering may show beside them, the
/// evidence, and the confidence flag.
public struct OutlineRow: Sendable, Hashable {
    /// The row's name: a field label, a control number, an organisation, a severity, a framework.
    public var label: String
    /// The row's main text: a field value, a deviation, the services, a finding's message.
    public var value: String
    /// A stable code shown beside the label (a finding's or signal's code).
    public var code: String?
    public var severity: Severity?
    public var details: [OutlineDetail]
    public var evidence: [Evidence]
    public var confidence: Double?
    /// Confidence below `OutlineCutoffs.lowConfidence`.
    public var isLowConfidence: Bool
    /// With `--controls`, the own controls that answer a CUEC (empty: none does); nil without a register.
    public var ownControls: [OutlineOwnControl]?
    /// Quotes shown inline (`OutlineCutoffs.quotesPerSignal`), for the renderings that do not show
    /// every piece of evidence.
    public var quotes: [Evidence]

    public init(label: String, value: String, code: String? = nil, severity: Severity? = nil, details: [OutlineDetail] = [],
                evidence: [Evidence] = [], confidence: Double? = nil, isLowConfidence: Bool = false,
                ownControls: [OutlineOwnControl]? = nil, quotes: [Evidence] = []) {
        self.label = label
        self.value = value
        self.code = code
        self.severity = severity
        self.details = details
        self.evidence = evidence
        self.confidence = confidence
        self.isLowConfidence = isLowConfidence
        self.ownControls = ownControls
        self.quotes = quotes
    }

    public func detail(_ key: OutlineDetail.Key) -> OutlineDetail? { details.first { $0.key == key } }
}

/// A labelled secondary fact of a row.
public struct OutlineDetail: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable {
        case criteria, control, managementResponse, services, method, followUp, status, rationale, reference, code
    }

    public var key: Key
    public var label: String
    public var value: String

    public init(_ key: Key, _ value: String) {
        self.key = key
        label = OutlineVocabulary.detail(key)
        self.value = value
    }
}

/// An own control matched to a CUEC (`--controls`).
public struct OutlineOwnControl: Sendable, Hashable {
    public var id: String
    public var text: String?
    /// "score 0.87; the reason".
    public var because: String

    public init(_ match: OwnControlMatch) {
        id = match.id
        text = match.text
        because = "\(OutlineVocabulary.score(match.score)); \(match.reason)"
    }
}
