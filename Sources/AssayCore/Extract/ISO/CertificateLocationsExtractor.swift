import AssayModel
import Foundation

/// The certified sites as localities: the address column of an annex's site table, and the holder's
/// own address first when the table does not already list its town (`SiteLocations`).
struct CertificateLocationsExtractor: CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) throws {
        let context = certificate.document
        let layouts = certificate.layouts
        let rules = certificate.rules
        let organization = certificate.holder
        let sites = try SiteLocations(rules: rules)
        var entries = sites.annexSites(layouts, rules: rules)
        if let organization, let office = sites.site(organization.address.map(\.text)) {
            let city = { (text: String) in Matching.normalizedName(String(text.split(separator: ",").first ?? "")) }
            if !entries.contains(where: { city($0.0) == city(office) }) {
                entries.insert((office, organization.address.flatMap(\.words)), at: 0)
            }
        }
        var names: [String] = []
        var evidence: [Evidence] = []
        for (name, words) in entries where !names.contains(name) {
            names.append(name)
            evidence += context.evidence(words: words.suffix(4), limit: 1)
        }
        guard !names.isEmpty else { return }
        result.set("locations", .list(names), confidence: 0.85, evidence: Array(evidence.prefix(8)))
    }
}
