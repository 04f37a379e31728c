import AssayCore
import AssayModel

/// Compares what a vendor's documents state about the same thing: the legal entity they name, the
/// services (a report's system against a certificate's scope) and the sites — each only where at
/// least two documents state it.
public struct ConsistencyChecker: Sendable {
    let names: VendorNameFolder

    public init(names: VendorNameFolder) {
        self.names = names
    }

    public func check(_ inputs: [VendorInput]) -> [ConsistencyCheck] {
        let readable = inputs.filter { !$0.document.isFailure }
        return [legalEntity(readable), services(readable), sites(readable)]
    }

    private func stated(_ input: VendorInput, _ key: String) -> StatedValue? {
        guard let field = input.document.fields[key] else { return nil }
        let path = input.document.source.path
        return StatedValue(path: path, value: field.value.display, evidence: field.evidence.map { VendorEvidence(path: path, $0) })
    }

    /// The organisation each report, bridge letter or certificate names, compared after folding.
    func legalEntity(_ inputs: [VendorInput]) -> ConsistencyCheck {
        let values = inputs.filter { $0.document.document.kind != .trustPage }
            .compactMap { stated($0, "service_organization") ?? stated($0, "organization") }
        let keys = Set(values.map { names.fold($0.value) })
        return ConsistencyCheck(aspect: "legal_entity", status: Self.status(values.count, keys.count), values: values)
    }

    /// Every system a report or bridge letter describes must be named in every certificate's scope.
    func services(_ inputs: [VendorInput]) -> ConsistencyCheck {
        let systems = inputs.filter { $0.document.document.kind.isSOC || $0.document.document.kind == .bridgeLetter }
            .compactMap { stated($0, "system_name") }
        let scopes = inputs.filter { $0.document.document.kind == .isoCertificate }.compactMap { stated($0, "scope") }
        guard !systems.isEmpty, !scopes.isEmpty else {
            return ConsistencyCheck(aspect: "services", status: .notComparable, values: systems + scopes)
        }
        let named = scopes.allSatisfy { scope in
            let scopeWords = " " + VendorNameFolder.words(scope.value).joined(separator: " ") + " "
            return systems.allSatisfy { scopeWords.contains(" " + VendorNameFolder.words($0.value).joined(separator: " ") + " ") }
        }
        return ConsistencyCheck(aspect: "services", status: named ? .consistent : .different, values: systems + scopes)
    }

    /// The towns of the sites each document names (the part before the first comma), compared as sets.
    func sites(_ inputs: [VendorInput]) -> ConsistencyCheck {
        var values: [StatedValue] = []
        var towns: [Set<String>] = []
        for input in inputs {
            guard let field = input.document.fields["locations"], !field.value.strings.isEmpty else { continue }
            let path = input.document.source.path
            values.append(StatedValue(path: path, value: field.value.display, evidence: field.evidence.map { VendorEvidence(path: path, $0) }))
            towns.append(Set(field.value.strings.map { VendorNameFolder.words(String($0.split(separator: ",").first ?? "")).joined(separator: " ") }))
        }
        return ConsistencyCheck(aspect: "sites", status: Self.status(values.count, Set(towns).count), values: values)
    }

    static func status(_ count: Int, _ distinct: Int) -> ConsistencyStatus {
        if count < 2 { return .notComparable }
        return distinct > 1 ? .different : .consistent
    }
}
