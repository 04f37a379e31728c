import AssayModel

/// One change in scope between two successive SOC reports of a vendor: what it touches, the value in
/// each report and the quotes each report states it in (`scope_drift[]` of the vendor view).
public struct ScopeChange: Codable, Sendable, Hashable {
    /// `system`, `locations`, `subservice_organizations`, `subservice_method`, `trust_services_categories`,
    /// `auditor` or `opinion`.
    public var aspect: String
    /// `added`, `removed` or `changed`.
    public var change: String
    public var oldPath: String
    public var newPath: String
    /// The value in the earlier report; `null` when it did not state one (an addition).
    public var oldValue: String?
    /// The value in the later report; `null` when it no longer states it (a removal).
    public var newValue: String?
    public var oldEvidence: [VendorEvidence]
    public var newEvidence: [VendorEvidence]

    enum CodingKeys: String, CodingKey {
        case aspect, change, oldPath = "old_path", newPath = "new_path", oldValue = "old_value", newValue = "new_value"
        case oldEvidence = "old_evidence", newEvidence = "new_evidence"
    }

    public init(aspect: String, change: String, oldPath: String, newPath: String, oldValue: String?, newValue: String?,
                oldEvidence: [VendorEvidence], newEvidence: [VendorEvidence]) {
        self.aspect = aspect
        self.change = change
        self.oldPath = oldPath
        self.newPath = newPath
        self.oldValue = oldValue
        self.newValue = newValue
        self.oldEvidence = oldEvidence
        self.newEvidence = newEvidence
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(aspect, forKey: .aspect)
        try c.encode(change, forKey: .change)
        try c.encode(oldPath, forKey: .oldPath)
        try c.encode(newPath, forKey: .newPath)
        try c.encode(oldValue, forKey: .oldValue)
        try c.encode(newValue, forKey: .newValue)
        try c.encode(oldEvidence, forKey: .oldEvidence)
        try c.encode(newEvidence, forKey: .newEvidence)
    }
}

/// Compares each SOC report of a vendor with the one before it of the same kind (SOC 1 with SOC 1,
/// SOC 2 with SOC 2), ordered by the end of the period: the system, the locations, the subservice
/// organisations and how each is treated, the trust services categories, the auditor and the opinion.
/// A value one report states and the other does not is compared only when the other report states
/// the aspect at all (an unread field is not a change). Every change carries a quote from each report.
struct ScopeDriftChecker: Sendable {
    let names: VendorNameFolder

    func changes(_ inputs: [VendorInput]) -> [ScopeChange] {
        let reports = inputs.map(\.document).filter { !$0.isFailure && ($0.document.kind == .soc1 || $0.document.kind == .soc2) }
        var changes: [ScopeChange] = []
        for kind in [DocumentKind.soc1, .soc2] {
            let series = reports.filter { $0.document.kind == kind }.compactMap { document in
                Self.end(document).map { (end: $0, document: document) }
            }.sorted { ($0.end, $0.document.source.path) < ($1.end, $1.document.source.path) }
            guard series.count >= 2 else { continue }
            for index in 1..<series.count {
                changes += compare(series[index - 1].document, series[index].document)
            }
        }
        return changes
    }

    static func end(_ document: AssayDocument) -> String? {
        (document.fields["period_end"] ?? document.fields["as_of_date"])?.value.strings.first
    }

    func compare(_ old: AssayDocument, _ new: AssayDocument) -> [ScopeChange] {
        var out: [ScopeChange] = []
        out += single("system", "system_name", old, new, key: { VendorNameFolder.words($0).joined(separator: " ") })
        out += list("locations", "locations", old, new)
        out += subservice(old, new)
        out += list("trust_services_categories", "trust_services_categories", old, new)
        out += single("auditor", "service_auditor", old, new, key: { names.fold($0) })
        out += single("opinion", "opinion", old, new, key: { $0.lowercased() })
        return out
    }

    private func evidence(_ document: AssayDocument, _ field: String, item: String? = nil) -> [VendorEvidence] {
        guard let all = document.fields[field]?.evidence, !all.isEmpty else { return [] }
        let chosen = item.flatMap { item in all.first { $0.quote.localizedCaseInsensitiveContains(item) } } ?? all[0]
        return [VendorEvidence(path: document.source.path, chosen)]
    }

    /// A one-value field (system, auditor, opinion) that both reports state, with different values.
    private func single(_ aspect: String, _ field: String, _ old: AssayDocument, _ new: AssayDocument,
                        key: (String) -> String) -> [ScopeChange] {
        guard let before = old.fields[field]?.value.display, let after = new.fields[field]?.value.display,
              key(before) != key(after) else { return [] }
        let oldEvidence = evidence(old, field), newEvidence = evidence(new, field)
        guard !oldEvidence.isEmpty, !newEvidence.isEmpty else { return [] }
        return [ScopeChange(aspect: aspect, change: "changed", oldPath: old.source.path, newPath: new.source.path,
                            oldValue: before, newValue: after, oldEvidence: oldEvidence, newEvidence: newEvidence)]
    }

    /// A list field both reports state: each item only one of them names is added or removed.
    private func list(_ aspect: String, _ field: String, _ old: AssayDocument, _ new: AssayDocument) -> [ScopeChange] {
        guard let before = old.fields[field]?.value.strings, let after = new.fields[field]?.value.strings,
              !before.isEmpty, !after.isEmpty else { return [] }
        let key = { (value: String) in VendorNameFolder.words(value).joined(separator: " ") }
        let beforeKeys = Set(before.map(key)), afterKeys = Set(after.map(key))
        var out: [ScopeChange] = []
        for item in before where !afterKeys.contains(key(item)) {
            let oldEvidence = evidence(old, field, item: item), newEvidence = evidence(new, field)
            guard !oldEvidence.isEmpty, !newEvidence.isEmpty else { continue }
            out.append(ScopeChange(aspect: aspect, change: "removed", oldPath: old.source.path, newPath: new.source.path,
                                   oldValue: item, newValue: nil, oldEvidence: oldEvidence, newEvidence: newEvidence))
        }
        for item in after where !beforeKeys.contains(key(item)) {
            let oldEvidence = evidence(old, field), newEvidence = evidence(new, field, item: item)
            guard !oldEvidence.isEmpty, !newEvidence.isEmpty else { continue }
            out.append(ScopeChange(aspect: aspect, change: "added", oldPath: old.source.path, newPath: new.source.path,
                                   oldValue: nil, newValue: item, oldEvidence: oldEvidence, newEvidence: newEvidence))
        }
        return out
    }

    /// Subservice organisations added, removed, or moved between the carve-out and inclusive methods.
    /// An addition or removal is listed only when both reports name at least one subservice
    /// organisation, so each side has a quote.
    private func subservice(_ old: AssayDocument, _ new: AssayDocument) -> [ScopeChange] {
        let before = old.subserviceOrganizations.filter { !$0.evidence.isEmpty }
        let after = new.subserviceOrganizations.filter { !$0.evidence.isEmpty }
        guard !before.isEmpty, !after.isEmpty else { return [] }
        let oldPath = old.source.path, newPath = new.source.path
        let quote = { (path: String, record: SubserviceOrganization) in [VendorEvidence(path: path, record.evidence[0])] }
        var out: [ScopeChange] = []
        for record in before {
            if let match = after.first(where: { names.fold($0.name) == names.fold(record.name) }) {
                guard match.method != record.method else { continue }
                out.append(ScopeChange(aspect: "subservice_method", change: "changed", oldPath: oldPath, newPath: newPath,
                                       oldValue: "\(record.name): \(record.method.rawValue)", newValue: "\(match.name): \(match.method.rawValue)",
                                       oldEvidence: quote(oldPath, record), newEvidence: quote(newPath, match)))
            } else {
                out.append(ScopeChange(aspect: "subservice_organizations", change: "removed", oldPath: oldPath, newPath: newPath,
                                       oldValue: record.name, newValue: nil, oldEvidence: quote(oldPath, record), newEvidence: quote(newPath, after[0])))
            }
        }
        for record in after where !before.contains(where: { names.fold($0.name) == names.fold(record.name) }) {
            out.append(ScopeChange(aspect: "subservice_organizations", change: "added", oldPath: oldPath, newPath: newPath,
                                   oldValue: nil, newValue: record.name, oldEvidence: quote(oldPath, before[0]), newEvidence: quote(newPath, record)))
        }
        return out
    }
}
