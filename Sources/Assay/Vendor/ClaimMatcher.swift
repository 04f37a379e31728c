import AssayCore
import AssayModel

/// What a vendor's trust page claims, set against the documents the vendor actually sent: each
/// claim is borne out by a document of the same kind (and type) whose period ends no earlier than
/// the claimed date less `claim_period_days` (a trust page's card may give the report's issue date
/// rather than its period end), or by a certificate for the same standard (and edition, when both
/// name one) that expires no earlier than the claimed date. What Assay could not read — a report's
/// type, a certificate's expiry — is not held against the document: a finding rests on what was
/// read. A claim nothing bears out is a document to ask for.
struct ClaimMatcher {
    let inputs: [VendorInput]
    /// Days a report's period may end before the claimed date and still bear the claim out.
    var periodToleranceDays = 0

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
            case .soc1, .soc2, .soc3:
                if claim.kind != .soc3, let type = claim.type, let held = document.document.type, held != type { return false }
                let end = Self.date(document, "period_end") ?? Self.date(document, "as_of_date")
                return Self.notEarlier(end?.adding(days: periodToleranceDays), than: claim.periodEnd)
            case .isoCertificate:
                guard let standard = claim.standard,
                      Self.standards(document).contains(where: { Self.sameStandard($0, standard) }) else { return false }
                return Self.notEarlier(Self.date(document, "expiry_date"), than: claim.expiryDate)
            case .bridgeLetter, .trustPage, .otherAssurance, .unknown:
                return false
            }
        }
    }

    /// True when the claim names no date, the document's date could not be read, or it is the
    /// claimed date or later.
    static func notEarlier(_ held: ISODate?, than claimed: String?) -> Bool {
        guard let claimed = claimed.flatMap(ISODate.init), let held else { return true }
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

    /// "ISO/IEC 27001:2022" and "ISO 27001" are the same standard; "…:2013" and "…:2022" are not,
    /// nor are "ISO/IEC 20000-1" and "ISO/IEC 20000-10".
    static func sameStandard(_ a: String, _ b: String) -> Bool {
        let (numberA, editionA) = parts(a), (numberB, editionB) = parts(b)
        guard let numberA, numberA == numberB else { return false }
        return editionA == nil || editionB == nil || editionA == editionB
    }

    /// The standard's number with its part, and its edition year: "ISO/IEC 27001:2022" →
    /// ("27001", "2022"); "ISO/IEC 20000-1:2018" → ("20000-1", "2018").
    static func parts(_ standard: String) -> (number: String?, edition: String?) {
        let halves = standard.split(separator: ":", maxSplits: 1)
        var number = ""
        for character in halves.first ?? "" {
            if character.isNumber || (character == "-" && !number.isEmpty && !number.hasSuffix("-")) {
                number.append(character)
            } else if !number.isEmpty {
                if number.count >= 4 { break }
                number = ""
            }
        }
        while number.hasSuffix("-") { number.removeLast() }
        let edition = halves.count > 1 ? halves[1].split { !$0.isNumber }.map(String.init).first { $0.count == 4 } : nil
        return (number.count >= 4 ? number : nil, edition)
    }
}
