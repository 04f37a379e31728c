import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

final class TrustPageTests: XCTestCase {
    private func analyse(_ texts: [String], mediaType: MediaType = .html, asOf: String? = nil) -> AssayDocument {
        var lines: [TextLine] = []
        for (index, text) in texts.enumerated() {
            let words = text.split(separator: " ").map { Word(text: String($0), box: Box(x0: 0, y0: Double(index), x1: 1, y1: Double(index + 1))) }
            lines.append(TextLine(text: text, box: Box(x0: 0, y0: Double(index), x1: Double(text.count), y1: Double(index + 1)), words: words))
        }
        let paged = PagedText(mediaType: mediaType, pages: [Page(number: 1, width: 200, height: Double(texts.count), lines: lines, textLayer: .native)])
        var options = ExtractOptions()
        options.asOf = asOf
        return DocumentPipeline.analyse(paged, source: SourceInfo(path: mediaType == .text ? "trust.txt" : "trust.html"), options: options)
    }

    func testClaimsWithDatesAndNoClaimForWorkInProgress() {
        let document = analyse([
            "Trust Center | Example Cloud",
            "Example Cloud, Inc. publishes its reports and certifications for customers.",
            "SOC 2 Type II",
            "Security and Availability. Period ended June 30, 2025.",
            "Request access",
            "ISO/IEC 27001:2022",
            "Our ISMS is certified. Certificate valid until 2027-03-31.",
            "In progress",
            "ISO/IEC 27701",
            "We are extending our ISMS; we do not hold this certification yet.",
            "© 2025 Example Cloud, Inc.",
        ])
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(document.fields["service_organization"]?.value, .text("Example Cloud, Inc."))
        XCTAssertEqual(document.claims.count, 2)
        XCTAssertEqual(document.claims.first?.kind, .soc2)
        XCTAssertEqual(document.claims.first?.type, .type2)
        XCTAssertEqual(document.claims.first?.periodEnd, "2025-06-30")
        XCTAssertEqual(document.claims.first?.evidence.first?.quote, "SOC 2 Type II")
        XCTAssertEqual(document.claims.last?.standard, "ISO/IEC 27001:2022")
        XCTAssertEqual(document.claims.last?.expiryDate, "2027-03-31")
        // The SOC 2 period the page gives ended more than a year before today.
        XCTAssertEqual(document.findings.first { $0.code == "trust.claim_period_stale" }?.evidence.first?.quote,
                       "Security and Availability. Period ended June 30, 2025.")
    }

    func testCorpusTrustPages() {
        let document = DocumentPipeline.extract(path: Repo.corpus("trust/kingfisher-trust.html"), options: ExtractOptions())
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(document.claims.compactMap(\.standard), ["ISO/IEC 27001:2022", "ISO/IEC 27017:2015", "ISO/IEC 27018:2019"])
        XCTAssertEqual(document.claims.first { $0.kind == .soc3 }?.periodEnd, "2025-12-31")
    }

    private func standards(_ document: AssayDocument) -> [String] { document.fields["standards"]?.value.strings ?? [] }

    /// A plain-text copy of a page in German: claims read from sentences, the vendor from its
    /// registered name, a plan and the data centres' certificates left out.
    func testPlainTextPageWithSentenceClaims() {
        let document = analyse([
            "Sicherheit und Compliance bei Lindwurm Software",
            "Die Lindwurm Software GmbH ist nach ISO/IEC 27001 zertifiziert. Das Zertifikat stellen wir auf Anfrage bereit.",
            "Wir haben ein BSI C5 Testat erhalten.",
            "Eine SOC 2 Prüfung ist für 2027 geplant.",
            "Unsere Rechenzentren sind nach ISO 27001 und PCI DSS zertifiziert.",
            "© 2026 Lindwurm Software GmbH",
        ], mediaType: .text)
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(document.fields["organization"]?.value, .text("Lindwurm Software GmbH"))
        XCTAssertEqual(standards(document), ["ISO/IEC 27001", "BSI C5"])
        XCTAssertEqual(document.fields["standards"]?.evidence.first?.quote, "Die Lindwurm Software GmbH ist nach ISO/IEC 27001 zertifiziert.")
        XCTAssertEqual(document.claims.map(\.kind), [.isoCertificate, .otherAssurance])
        XCTAssertEqual(document.findings.map(\.code), ["trust.claim_accreditation_unknown"])
    }

    /// One ISO prefix before a list of numbers claims each of them, with its edition where printed.
    func testAListOfISONumbersClaimsEachStandard() {
        let document = analyse([
            "Trust at Quarrel Bay Analytics",
            "Quarrel Bay Analytics is ISO/IEC 27001:2022, 27017:2015 and 27018:2019 certified.",
            "Our hosting provider is ISO 9001 and 14001 certified.",
        ], mediaType: .text)
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(standards(document), ["ISO/IEC 27001:2022", "ISO/IEC 27017:2015", "ISO/IEC 27018:2019"])
    }

    /// Marketing, plans and the hosting provider's certificates are not claims.
    func testVagueMentionsAreNotClaims() {
        let document = analyse([
            "Security at Brightpath",
            "Brightpath is SOC 2 compliant and follows ISO 27001 best practices.",
            "We are working towards SOC 2 Type II.",
            "Our infrastructure runs on Amazon Web Services, whose data centers are ISO 27001 certified and PCI DSS Level 1.",
            "SOC 2 Compliant",
            "Brightpath takes your privacy seriously. Contact Brightpath support.",
        ], mediaType: .text)
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertNil(document.fields["standards"])
        XCTAssertTrue(document.claims.isEmpty)
        XCTAssertTrue(document.findings.isEmpty)
        XCTAssertEqual(document.fields["organization"]?.value, .text("Brightpath"))
    }

    /// A list of certifications in another language: localised names and levels, bare labels
    /// superseded by the qualified item, an old page and a withdrawn edition.
    func testLocalisedListItems() {
        let document = analyse([
            "Conformidad | Ejemplo Nube",
            "Lo que auditan terceros",
            "SOC 2",
            "SOC 2 Tipo 2",
            "Informe anual: seguridad, disponibilidad y privacidad de nuestra plataforma",
            "CSA STAR Nivel 2",
            "Evaluación independiente de nuestros controles en la nube",
            "FedRAMP Moderado",
            "Autorización para trabajar con agencias federales",
            "ISO/IEC 27001:2013",
            "Ejemplo Nube está certificada desde 2015.",
            "Copyright © 2021 Ejemplo Nube, S.L. Todos los derechos reservados.",
        ], asOf: "2026-11-22")
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(standards(document), ["SOC 2 Type II", "CSA STAR Level 2", "FedRAMP Moderate", "ISO/IEC 27001:2013"])
        XCTAssertEqual(document.fields["trust_services_categories"]?.value.strings, ["security", "availability", "privacy"])
        XCTAssertEqual(document.claims.first?.type, .type2)
        XCTAssertEqual(Set(document.findings.map(\.code)), ["trust.claim_auditor_not_named", "trust.claim_accreditation_unknown",
                                                             "trust.claim_edition_withdrawn", "trust.claim_report_stale"])
    }

    /// A block inside an HTML comment is not read, so a claim hidden there is not a claim.
    func testCommentedOutClaimIsNotRead() throws {
        let html = """
        <html><head><title>Trust Center | Quillfeather</title></head><body>
        <h1>Quillfeather Trust Center</h1>
        <h2>SOC 2 Type II</h2><p>Our SOC 2 Type II report is available on request under NDA.</p>
        <!-- <h2>ISO/IEC 27001:2022</h2><p>Quillfeather is ISO/IEC 27001:2022 certified.</p> -->
        <p>© 2026 Quillfeather Ltd</p></body></html>
        """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-trust-comment-\(UUID().uuidString).html")
        try html.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let document = DocumentPipeline.extract(path: url.path, options: ExtractOptions())
        XCTAssertEqual(document.document.kind, .trustPage)
        XCTAssertEqual(standards(document), ["SOC 2 Type II"])
        XCTAssertEqual(document.fields["organization"]?.value, .text("Quillfeather Ltd"))
    }

    func testSchemeNameTemplates() {
        let values: [Int: String] = [1: "2", 3: "II"]
        XCTAssertEqual(TrustScheme.fill("SOC {1}[ Type {2|3}]", { values[$0] }, keepOptional: true), "SOC 2 Type II")
        XCTAssertEqual(TrustScheme.fill("SOC {1}[ Type {2|3}]", { values[$0] }, keepOptional: false), "SOC 2")
        XCTAssertEqual(TrustScheme.fill("CSA STAR[ Level {4}]", { values[$0] }, keepOptional: true), "CSA STAR")
    }

    /// A list opened as standards followed lists no claims; the next list, of certifications, does.
    func testListOfFrameworksFollowedIsNotClaimed() {
        let document = analyse([
            "Security at Fernhill",
            "Frameworks we align with:",
            "- ISO 27001",
            "- NIST CSF",
            "- SOC 2",
            "Certifications",
            "- ISO 9001 certified since 2019",
            "- PCI DSS",
            "© 2026 Fernhill Ltd",
        ], mediaType: .text)
        XCTAssertEqual(standards(document), ["ISO 9001", "PCI DSS"])
        XCTAssertEqual(document.fields["organization"]?.value, .text("Fernhill Ltd"))
    }
}
