import AssayModel

/// The predicates for SOC reports: opinion, exceptions, age, period, type, subservice, CUECs, auditor.
enum SOCFindingRules {
    static func evaluate(_ input: FindingInput) -> [RaisedFinding] {
        let document = input.document
        guard document.document.kind.isSOC else { return [] }
        var raised: [RaisedFinding] = []
        if let opinion = input.text("opinion"), input.catalogue.modifiedOpinions.contains(opinion) {
            raised.append(RaisedFinding(code: "soc.opinion_modified", values: ["opinion": opinion], evidence: input.evidence("opinion")))
        }
        if !document.exceptions.isEmpty {
            let ids = document.exceptions.map { $0.controlID ?? "?" }
            raised.append(RaisedFinding(code: "soc.exceptions_present",
                                        values: ["count": String(ids.count), "names": ids.joined(separator: ", ")],
                                        evidence: document.exceptions.prefix(5).compactMap(\.evidence.first)))
        }
        raised += testingFindings(document)
        let endField = document.fields["period_end"] != nil ? "period_end" : "as_of_date"
        if let end = input.date(endField) {
            let months = end.months(until: input.asOf)
            let values = ["period_end": end.description, "months": String(Int(months))]
            if months > input.thresholds.staleMonths {
                raised.append(RaisedFinding(code: "soc.report_stale", values: values, evidence: input.evidence(endField)))
            } else if months > input.thresholds.ageingMonths {
                raised.append(RaisedFinding(code: "soc.report_ageing", values: values, evidence: input.evidence(endField)))
            }
        }
        if document.document.type == .type2, document.document.kind != .soc3,
           let start = input.date("period_start"), let end = input.date("period_end") {
            let days = end.dayNumber - start.dayNumber + 1
            if days > 0 && days < input.thresholds.shortPeriodDays {
                raised.append(RaisedFinding(code: "soc.period_short", values: ["days": String(days)], evidence: input.evidence("period_start", "period_end")))
            }
        }
        if document.document.type == .type1 {
            raised.append(RaisedFinding(code: "soc.type1_only", values: [:], evidence: []))
        }
        if document.document.kind == .soc3 {
            raised.append(RaisedFinding(code: "soc.soc3_only", values: [:], evidence: []))
        }
        let carved = document.subserviceOrganizations.filter { $0.method == .carveOut }
        if !carved.isEmpty {
            raised.append(RaisedFinding(code: "soc.subservice_carved_out",
                                        values: ["names": carved.map(\.name).joined(separator: ", ")],
                                        evidence: carved.compactMap(\.evidence.first)))
        }
        if !document.cuecs.isEmpty {
            raised.append(RaisedFinding(code: "soc.cuecs_present", values: ["count": String(document.cuecs.count)],
                                        evidence: Array(document.cuecs.prefix(3).compactMap(\.evidence.first))))
        }
        if document.fields["service_auditor"] == nil {
            raised.append(RaisedFinding(code: "soc.auditor_unidentified", values: [:], evidence: []))
        }
        return raised
    }
}

extension SOCFindingRules {
    /// A Type II report whose tests of controls went (partly) unread must not read as clean: an empty
    /// exception list then means "not read", and the reviewer is asked to read Section IV. A Type I
    /// report has no tests of operating effectiveness, so `absent` is expected there and raises nothing.
    static func testingFindings(_ document: AssayDocument) -> [RaisedFinding] {
        guard let testing = document.testing, document.document.type != .type1 else { return [] }
        let pages = testing.firstPage.map { first in "pages \(first)–\(testing.lastPage ?? first)" } ?? "Section IV"
        switch testing.status {
        case .unreadable:
            return [RaisedFinding(code: "soc.testing_unreadable", values: ["names": pages], evidence: [])]
        case .partial:
            return [RaisedFinding(code: "soc.testing_partial",
                                  values: ["count": String(testing.resultsRead), "names": String(testing.controls)], evidence: [])]
        case .absent where document.document.type == .type2:
            return [RaisedFinding(code: "soc.testing_absent", values: [:], evidence: [])]
        default:
            return []
        }
    }
}

/// The predicates for bridge letters.
enum BridgeFindingRules {
    static func evaluate(_ input: FindingInput) -> [RaisedFinding] {
        guard input.document.document.kind == .bridgeLetter else { return [] }
        var raised = [RaisedFinding(code: "bridge.management_issued", values: [:], evidence: input.evidence("signed_by"))]
        if let start = input.date("period_start"), let end = input.date("period_end") {
            let days = end.dayNumber - start.dayNumber + 1
            if days > input.thresholds.bridgeGapDays {
                raised.append(RaisedFinding(code: "bridge.gap_long", values: ["days": String(days)], evidence: input.evidence("period_start", "period_end")))
            }
        }
        if input.document.fields["bridged_period_end"] == nil {
            raised.append(RaisedFinding(code: "bridge.report_unidentified", values: [:], evidence: []))
        }
        // How old the assurance is: to the end of the gap the letter covers when it states one, else to
        // the end of the report it bridges (a letter that states no gap extends nothing).
        let bridgedEnd = input.date("period_end").map { ($0, "period_end") }
            ?? input.date("bridged_period_end").map { ($0, "bridged_period_end") }
        if let (end, field) = bridgedEnd {
            let months = end.months(until: input.asOf)
            if months > input.thresholds.staleMonths {
                raised.append(RaisedFinding(code: "bridge.report_stale", values: ["period_end": end.description, "months": String(Int(months))],
                                            evidence: input.evidence(field)))
            }
        }
        return raised
    }
}
