import AssayModel

/// What a vendor's trust page claims, set against the documents the vendor actually sent: each
/// claim is borne out by a document of the same kind (and type) whose period ends no earlier than
/// the claimed one, or by a certificate for the same standard (and edition, when both name one)
/// that expires no earlier than the claimed date. A claim nothing bears out is a document to ask for.
struct ClaimMatcher {
    let inputs: [VendorInput]

    func claims() -> [VendorClaim] {
        var claims: [VendorClaim] = []
        for input in inputs where input.document.document.kind == .trustPage && !input.document.isFailure {
            let path = input.document.source.path
            for claim in input.document.claims {
                claims.append(VendorClaim(path: path, kind: claim.kind, type: claim.type, standard: claim.standard,
                                          periodEnd: claim.periodEnd, expiryDate: claim.expiryDate,
                                          providedBy: backing(claim)?.source.path,
                                          evidence: claim.evidence.map { VendorEvidence(path: path, $0) }))
            }
        }
        return claims
    }

    /// The first readable document that bears `claim` out.
    func backing(_ claim: Claim) -> AssayDocument? {
        inputs.map(\.document).first { document in
            guard !document.isFailure, document.document.kind == claim.kind else { return false }
            switch claim.kind {
            case .soc1, .soc2:
                if let type = claim.type, document.document.type != type { return false }
                return Self.notEarlier(Self.date(document, "period_end") ?? Self.date(document, "as_of_date"), than: claim.periodEnd)
            case .soc3:
                return Self.notEarlier(Self.date(document, "period_end") ?? Self.date(document, "as_of_date"), than: claim.periodEnd)
            case .isoCertificate:
                guard let standard = claim.standard,
                      Self.standards(document).contains(where: { Self.sameStandard($0, standard) }) else { return false }
                return Self.notEarlier(Self.date(document, "expiry_date"), than: claim.expiryDate)
            case .bridgeLetter, .trustPage, .unknown:
                return false
            }
        }
    }

    /// True when the claim names no date, or the document's date is the claimed one or later.
    static func notEarlier(_ held: ISODate?, than claimed: String?) -> Bool {
        guard let claimed = claimed.flatMap(ISODate.init) else { return true }
        guard let held else { return false }
        return held >= claimed
    }

    static func date(_ document: AssayDocument, _ key: String) -> ISODate? {
        document.fields[key].flatMap { ISODate($0.value.display) }
    }

    static func standards(_ document: AssayDocument) -> [String] {
        guard let value = document.fields["standards"]?.value ?? document.fields["standard"]?.value else { return [] }
        if case .list(let items) = value { return items }
        return [value.display]
    }

    /// "ISO/IEC 27001:2022" and "ISO 27001" are the same standard; "…:2013" and "…:2022" are not.
    static func sameStandard(_ a: String, _ b: String) -> Bool {
        let (numberA, editionA) = parts(a), (numberB, editionB) = parts(b)
        guard let numberA, numberA == numberB else { return false }
        return editionA == nil || editionB == nil || editionA == editionB
    }

    /// The standard's number and its edition year: "ISO/IEC 27001:2022" → ("27001", "2022").
    static func parts(_ standard: String) -> (number: String?, edition: String?) {
        let halves = standard.split(separator: ":", maxSplits: 1)
        func digitRuns(_ text: Substring?) -> [String] { text.map { $0.split { !$0.isNumber }.map(String.init) } ?? [] }
        return (digitRuns(halves.first).first, digitRuns(halves.count > 1 ? halves[1] : nil).first { $0.count == 4 })
    }
}
