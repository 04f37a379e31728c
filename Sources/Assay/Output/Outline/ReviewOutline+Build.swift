import AssayModel

extension ReviewOutline {
    /// The outline of `document`, its low-confidence flags set by `cutoffs`.
    public init(_ document: AssayDocument, cutoffs: OutlineCutoffs = .standard) {
        let v = OutlineVocabulary.self
        let organization = document.organization?.value.display
        subject = organization ?? document.source.path
        namesOrganization = organization != nil
        kind = v.kind(document.document.kind, document.document.type)
        kindConfidence = document.document.confidence
        isKindLowConfidence = cutoffs.isLow(document.document.confidence)
        title = "\(subject) — \(kind)"
        func value(_ key: String) -> String? { document.fields[key]?.value.display }
        period = v.period(start: value("period_start"), end: value("period_end"), asOf: value("as_of_date"),
                          issued: value("issue_date"), expires: value("expiry_date"))
        opinion = value("opinion")
        failure = document.error.map { Failure(label: v.couldNotBeRead, code: $0.code.rawValue, message: $0.message) }
        source = Source(path: document.source.path, pages: document.source.pages, sha256: document.source.sha256,
                        shortSHA256: document.source.sha256.map { String($0.prefix(cutoffs.shortHashLength)) },
                        textLayer: document.source.textLayer?.rawValue ?? v.noTextLayer)
        guard document.error == nil else {
            sections = []
            return
        }
        let builder = OutlineBuilder(document: document, cutoffs: cutoffs)
        sections = [builder.cover(), builder.findings(), builder.reliability(), builder.exceptions(), builder.subservice(),
                    builder.cuecs(), builder.claims(), builder.clauses(), builder.obligations(), builder.diagnostics()]
            .compactMap { $0 }
            .filter { !$0.rows.isEmpty || $0.emptyNote != nil }
    }
}

/// Builds each part of the outline from the contract's records.
private struct OutlineBuilder {
    let document: AssayDocument
    let cutoffs: OutlineCutoffs
    let v = OutlineVocabulary.self

    func section(_ id: OutlineSection.ID, counted: Bool = false, note: String? = nil, emptyNote: String? = nil,
                 _ rows: [OutlineRow]) -> OutlineSection {
        OutlineSection(id: id, title: v.title(id), count: counted ? rows.count : nil, note: note, emptyNote: emptyNote,
                       columns: v.columns(id), rows: rows)
    }

    func row(_ label: String, _ value: String, code: String? = nil, severity: Severity? = nil, details: [OutlineDetail] = [],
             evidence: [Evidence], confidence: Double?, ownControls: [OutlineOwnControl]? = nil, quotes: [Evidence] = []) -> OutlineRow {
        OutlineRow(label: label, value: value, code: code, severity: severity, details: details, evidence: evidence,
                   confidence: confidence, isLowConfidence: confidence.map(cutoffs.isLow) ?? false,
                   ownControls: ownControls, quotes: quotes)
    }

    /// The cover-sheet fields in the vocabulary's order, then any other field in key order. Two fields
    /// under one label with the same value (a trust page's organisation, read both as the service
    /// organisation and as the holder) make one row.
    func cover() -> OutlineSection {
        let listed = Set(v.cover.map(\.key))
        let keys = v.cover.map { ($0.label, $0.key) } + document.fields.keys.filter { !listed.contains($0) }.sorted().map { (v.field($0), $0) }
        var shown = Set<[String]>()
        let rows = keys.compactMap { label, key -> OutlineRow? in
            guard let field = document.fields[key], shown.insert([label, field.value.display]).inserted else { return nil }
            return row(label, field.value.display, evidence: field.evidence, confidence: field.confidence)
        }
        return section(.cover, rows)
    }

    /// By severity, high first; equal severities keep the document's order.
    func findings() -> OutlineSection {
        let ordered = document.findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
        return section(.findings, counted: true, ordered.map { finding in
            row(v.severity(finding.severity), finding.message, code: finding.code, severity: finding.severity,
                details: finding.followUp.map { [OutlineDetail(.followUp, $0)] } ?? [], evidence: finding.evidence, confidence: nil)
        })
    }

    /// Present for every document the reliability checks ran on, saying so when they found nothing.
    func reliability() -> OutlineSection? {
        guard let reliability = document.reliability else { return nil }
        return section(.reliability, counted: true, emptyNote: v.noReliabilitySignal, reliability.signals.map { signal in
            row(v.signal(signal.code), signal.explanation, code: signal.code, evidence: signal.evidence, confidence: nil,
                quotes: Array(signal.evidence.prefix(cutoffs.quotesPerSignal)))
        })
    }

    func exceptions() -> OutlineSection {
        section(.exceptions, counted: true, document.exceptions.map { record in
            var details: [OutlineDetail] = []
            if !record.criteria.isEmpty { details.append(OutlineDetail(.criteria, record.criteria.joined(separator: ", "))) }
            if !record.control.isEmpty { details.append(OutlineDetail(.control, record.control)) }
            details.append(OutlineDetail(.managementResponse, record.managementResponse ?? v.noneGiven))
            return row(record.controlID ?? v.unnumberedControl, record.deviation, details: details,
                       evidence: record.evidence, confidence: record.confidence)
        })
    }

    func subservice() -> OutlineSection {
        section(.subservice, counted: true, document.subserviceOrganizations.map { org in
            row(org.name, org.services, details: [OutlineDetail(.method, v.subserviceMethod(org.method))],
                evidence: org.evidence, confidence: org.confidence)
        })
    }

    func cuecs() -> OutlineSection {
        let reconciliation = document.cuecReconciliation
        let note = reconciliation.map { v.reconciliation(register: $0.register, open: $0.unmatched.count, of: document.cuecs.count) }
        return section(.cuecs, counted: true, note: note, document.cuecs.enumerated().map { index, cuec in
            let own = reconciliation.map { ($0.match(for: index)?.controls ?? []).map(OutlineOwnControl.init) }
            return row("CUEC \(index + 1)", cuec.text, details: cuec.criteria.isEmpty ? [] : [OutlineDetail(.criteria, cuec.criteria.joined(separator: ", "))],
                       evidence: cuec.evidence, confidence: cuec.confidence, ownControls: own)
        })
    }

    /// "SOC 2 Type II report, period ended 2025-09-30"; a period end wins over an expiry date.
    func claims() -> OutlineSection {
        section(.claims, document.claims.map { claim in
            let when = claim.periodEnd.map(v.periodEnded) ?? claim.expiryDate.map(v.validUntil)
            let what = v.claimedDocument(claim.kind, claim.type, standard: claim.standard)
            return row(what, what + (when.map { ", " + $0 } ?? ""), evidence: claim.evidence, confidence: claim.confidence)
        })
    }

    func clauses() -> OutlineSection {
        section(.clauses, document.clauses.map { row($0.id, $0.text, evidence: [], confidence: nil) })
    }

    func obligations() -> OutlineSection {
        section(.obligations, document.obligations.map { item in
            row(item.framework, item.title, details: [OutlineDetail(.reference, item.reference), OutlineDetail(.status, v.obligationStatus(item.status)),
                                                      OutlineDetail(.rationale, item.rationale)],
                evidence: [], confidence: nil)
        })
    }

    /// Warnings and errors; informational diagnostics stay in the JSON.
    func diagnostics() -> OutlineSection {
        section(.diagnostics, document.diagnostics.filter { $0.level != .info }.map { diagnostic in
            row(diagnostic.level.rawValue, diagnostic.message, code: diagnostic.code, evidence: [], confidence: nil)
        })
    }
}
