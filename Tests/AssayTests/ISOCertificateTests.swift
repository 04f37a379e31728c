import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// Certificates: label/value pairing by geometry on synthetic pages, and whole corpus certificates.
final class ISOCertificateTests: XCTestCase {
    private func line(_ text: String, x: Double, y: Double, size: Double = 10) -> TextLine {
        SyntheticLayout.line(text, x: x, y: y, size: size)
    }

    /// Two cells on one poppler line: the gap between them is wide.
    private func cells(_ left: String, _ right: String, x: Double, rightX: Double, y: Double) -> TextLine {
        let a = line(left, x: x, y: y), b = line(right, x: rightX, y: y)
        return TextLine(text: left + " " + right, box: a.box.union(b.box), words: a.words + b.words)
    }

    private func extract(_ lines: [TextLine]) throws -> AssayDocument {
        let paged = PagedText(mediaType: .pdf, pages: [Page(number: 1, width: 595, height: 842, lines: lines, textLayer: .native)])
        return DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions())
    }

    func testLabelsBesideAndInColumnsAcrossLanguages() throws {
        let document = try extract([
            line("ZERTIFIKAT", x: 200, y: 60, size: 30),
            line("Hiermit wird bescheinigt, dass", x: 200, y: 120),
            line("Beispiel Datendienste GmbH", x: 180, y: 140, size: 20),
            line("Hauptstraße 5", x: 220, y: 165),
            line("10115 Berlin, Deutschland", x: 210, y: 178),
            line("die Anforderungen erfüllt:", x: 200, y: 200),
            line("ISO/IEC 27001:2022", x: 220, y: 220, size: 16),
            line("Geltungsbereich:", x: 60, y: 250),
            line("Betrieb und Support der Beispiel-Plattform für Kunden", x: 80, y: 266),
            line("einschließlich Rechenzentrumsbetrieb.", x: 80, y: 278),
            line("Erklärung zur Anwendbarkeit Version 1.0 vom 03.03.2024", x: 80, y: 300),
            cells("Zertifikat-Nr.:", "BD-ISMS-0042", x: 60, rightX: 200, y: 340),
            cells("Ausstellungsdatum:", "19.07.2024", x: 60, rightX: 200, y: 360),
            cells("Gültig bis:", "18.07.2027", x: 60, rightX: 200, y: 380),
            line("CERTIFICATE NUMBER", x: 320, y: 420, size: 8),
            line("Erstzertifizierung", x: 440, y: 420, size: 8),
            line("IGNORED-1", x: 320, y: 432),
            line("19.07.2021", x: 440, y: 432),
            line("DAkkS", x: 480, y: 700),
            line("Nordwind Zertifizierung GmbH", x: 200, y: 760),
        ])
        let fields = document.fields
        XCTAssertEqual(document.document.kind, .isoCertificate)
        XCTAssertEqual(fields["organization"]?.value, .text("Beispiel Datendienste GmbH"))
        XCTAssertEqual(fields["certificate_number"]?.value.strings.first, "BD-ISMS-0042")
        XCTAssertEqual(fields["issue_date"]?.value, .text("2024-07-19"))
        XCTAssertEqual(fields["expiry_date"]?.value, .text("2027-07-18"))
        XCTAssertEqual(fields["expiry_date"]?.evidence.first?.quote, "18.07.2027")
        XCTAssertEqual(fields["expiry_date"]?.evidence.first?.page, 1)
        XCTAssertEqual(fields["original_certification_date"]?.value, .text("2021-07-19"))
        XCTAssertEqual(fields["standards"]?.value, .list(["ISO/IEC 27001:2022"]))
        XCTAssertEqual(fields["locations"]?.value, .list(["Berlin, Deutschland"]))
        XCTAssertEqual(fields["accreditation_body"]?.value, .text("DAkkS"))
        XCTAssertEqual(fields["certification_body"]?.value, .text("Nordwind Zertifizierung GmbH"))
        XCTAssertEqual(fields["soa_reference"]?.value, .text("Erklärung zur Anwendbarkeit Version 1.0 vom 03.03.2024"))
        XCTAssertEqual(fields["scope"]?.value, .text("Betrieb und Support der Beispiel-Plattform für Kunden einschließlich Rechenzentrumsbetrieb."))
    }

    /// A holder's name in large type whose box reaches well below its letters: the first address line
    /// sits 17 pt under the box (more than 1.6 line heights, less than 0.45 of the name's height) and is
    /// still read as its address; a line as far below the address is not.
    func testAddressUnderANameInATallBox() throws {
        let document = try extract([
            line("CERTIFICATE", x: 200, y: 60, size: 30),
            line("This is to certify that", x: 200, y: 120),
            line("Harwick Ledger Ltd", x: 150, y: 140, size: 40),
            line("4 Quarry Street", x: 200, y: 197),
            line("Leeds LS1 4AB, United Kingdom", x: 190, y: 210),
            line("Printed for the holder's records", x: 190, y: 240),
            line("operates an information security management system that complies with", x: 120, y: 262),
            line("ISO/IEC 27001:2022", x: 220, y: 282, size: 16),
            cells("Certificate number:", "HL-27K-0042", x: 60, rightX: 200, y: 340),
            cells("Expiry date:", "18.07.2027", x: 60, rightX: 200, y: 360),
        ])
        XCTAssertEqual(document.fields["organization"]?.value, .text("Harwick Ledger Ltd"))
        XCTAssertEqual(document.fields["locations"]?.value, .list(["Leeds, United Kingdom"]))
        XCTAssertEqual(document.fields["locations"]?.evidence.first?.page, 1)
    }

    /// The issuer only in a footer line, its registered name holding a bracketed word and parted from
    /// its address by a bar: the name alone, with its own words as evidence.
    func testIssuerInAFooterWithABracketedNameAndABar() throws {
        let document = try extract([
            line("CERTIFICADO", x: 200, y: 60, size: 30),
            line("Por la presente se certifica el sistema de gestión de", x: 150, y: 120),
            line("Tallerina Servicios S.A.C.", x: 170, y: 150, size: 18),
            line("Avenida Central 210, Lima, Perú", x: 170, y: 175),
            line("ha sido evaluado y se encuentra en conformidad con la Norma", x: 150, y: 200),
            line("ISO/IEC 27001:2022", x: 220, y: 220, size: 16),
            line("Validez desde el 3 de marzo de 2025 hasta el 2 de marzo de 2028.", x: 150, y: 300),
            line("Kestrin (Certification) Baltic a.s. | Ranní 14, 110 00 Praha 1", x: 150, y: 800, size: 8),
        ])
        XCTAssertEqual(document.fields["organization"]?.value, .text("Tallerina Servicios S.A.C."))
        XCTAssertEqual(document.fields["certification_body"]?.value, .text("Kestrin (Certification) Baltic a.s."))
        XCTAssertEqual(document.fields["certification_body"]?.evidence.first?.quote, "Kestrin (Certification) Baltic a.s.")
        XCTAssertEqual(document.fields["certification_body"]?.confidence, 0.75)
    }

    func testSlashDatesSettledByTheThreeYearCycle() throws {
        let document = try extract([
            line("CERTIFICATE", x: 200, y: 60, size: 30),
            line("This is to certify that", x: 200, y: 120),
            line("Example Hosting Ltd", x: 190, y: 140, size: 20),
            line("has been assessed and found to conform to", x: 180, y: 170),
            line("ISO/IEC 27001:2022", x: 220, y: 190, size: 16),
            cells("Date of issue:", "06/05/2025", x: 60, rightX: 200, y: 340),
            cells("Expiry date:", "05/05/2028", x: 60, rightX: 200, y: 360),
        ])
        // Neither order is forced by a day above 12; only day-first gives a three-year cycle.
        XCTAssertEqual(document.fields["issue_date"]?.value, .text("2025-05-06"))
        XCTAssertEqual(document.fields["expiry_date"]?.value, .text("2028-05-05"))
        XCTAssertNil(document.fields["accreditation_body"])
        XCTAssertTrue(document.diagnostics.contains { $0.code == "accreditation_not_in_text" })
    }

    func testLocalityFromAddressLines() throws {
        let rules = try RuleBook.standard().load(CertificateRules.self, from: "iso/certificate.yaml")
        let sites = try SiteLocations(rules: rules)
        XCTAssertEqual(sites.locality(["Unit 4, Calder Court", "Leeds LS10 1RT, United Kingdom"]), "Leeds, United Kingdom")
        XCTAssertEqual(sites.locality(["Stationsplein 45", "3013 AK Rotterdam,", "Netherlands"]), "Rotterdam, Netherlands")
        XCTAssertEqual(sites.locality(["1800 Harbor Point Drive,", "Baltimore, MD 21230,", "USA"]), "Baltimore, MD, USA")
        XCTAssertEqual(sites.locality(["Office 1204, Bayswater Tower", "Dubai, United Arab Emirates"]), "Dubai, United Arab Emirates")
    }

    /// A street that shares its line with the town keeps the address as printed; a street on a line of
    /// its own above a "postcode town, country" line still reduces to the locality.
    func testSiteKeptAsPrintedWhenTheStreetSharesTheTownsLine() throws {
        let rules = try RuleBook.standard().load(CertificateRules.self, from: "iso/certificate.yaml")
        let sites = try SiteLocations(rules: rules)
        XCTAssertEqual(sites.site(["12 Mill Road, Springfield, IL, 62701, United States"]), "12 Mill Road, Springfield, IL, 62701, United States")
        XCTAssertEqual(sites.site(["Northgate Ltd, 3-7 Tannery Road, London, N7 9QT"]), "Northgate Ltd, 3-7 Tannery Road, London, N7 9QT")
        XCTAssertEqual(sites.site(["Liepų g. 14, LT-10317 Vilnius", "Lithuania"]), "Liepų g. 14, LT-10317 Vilnius Lithuania")
        XCTAssertEqual(sites.site(["ul. Ogrodowa 12b, 90-001", "Łódź Poland"]), "ul. Ogrodowa 12b, 90-001 Łódź Poland")
        XCTAssertEqual(sites.site(["Kellbrook Fleet Data Inc. (Support Centre)", "2150 Quarry Ridge Dr, Fort Wayne,", "IN, 46802,", "United States"]),
                       "2150 Quarry Ridge Dr, Fort Wayne, IN, 46802, United States")
        XCTAssertEqual(sites.site(["Unit 4, Calder Court, Wakefield Road", "Leeds LS10 1RT, United Kingdom"]), "Leeds, United Kingdom")
        XCTAssertEqual(sites.site(["1800 Harbor Point Drive, Suite 400", "Baltimore, MD 21230, USA"]), "Baltimore, MD, USA")
        XCTAssertEqual(sites.site(["Havnegade 14", "9000 Aalborg, Denmark"]), "Aalborg, Denmark")
        XCTAssertEqual(sites.site(["Block C, Fitzwilliam Business Park", "Dublin 4, D04 X2K7, Ireland"]), "Dublin, Ireland")
    }

    /// A multi-site annex whose cells are centred under "Site Address": every site as printed, the holder's
    /// one-line address not repeated, and the note under the table not read as a site.
    func testCentredSiteTableOfStreetAddresses() {
        let document = DocumentPipeline.extract(path: Repo.corpus("iso/kellbrook-iso27001-2022-site-addresses.pdf"), options: ExtractOptions())
        let locations = document.fields["locations"]
        XCTAssertEqual(locations?.value, .list(["Liepų g. 14, LT-10317 Vilnius Lithuania", "Sodų g. 7, LT-44280 Kaunas Lithuania",
                                                "ul. Ogrodowa 12b, 90-001 Łódź Poland", "2150 Quarry Ridge Dr, Fort Wayne, IN, 46802, United States"]))
        XCTAssertEqual(locations?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(locations?.evidence.map(\.page), [2, 2, 2, 2])
        XCTAssertEqual(locations?.evidence.first?.quote, "14, LT-10317 Vilnius")
        XCTAssertEqual(locations?.evidence.last?.quote, "IN, 46802,")
    }

    func testCorpusCertificates() throws {
        let cases: [(String, [String: FieldValue])] = [
            ("iso/corvane-iso27001-2022-multisite.pdf", [
                "certificate_number": .text("MRG-27K-004512"), "original_certification_date": .text("2019-06-06"),
                "locations": .list(["Baltimore, MD, USA", "Chicago, IL, USA", "Ashburn, VA, USA", "Cebu City, Philippines", "Rotterdam, Netherlands"]),
                "certification_body": .text("Meridian Registrar Group, LLC"), "accreditation_body": .text("ANAB")]),
            ("iso/harrowgate-iso27001-2022.pdf", [
                "issue_date": .text("2025-06-06"), "expiry_date": .text("2028-06-05"), "original_certification_date": .text("2019-04-23"),
                "soa_reference": .text("Statement of Applicability version 3.1 dated 2025-01-15")]),
            ("iso/quillmark-iso27001-2022-iarms.pdf", [
                "accreditation_body": .text("International Accreditation Registry for Management Systems"),
                "certificate_number": .text("GSCB/ISMS/25/60417")]),
            ("iso/sablewood-iso27001-27701-combined.pdf", [
                "standards": .list(["ISO/IEC 27001:2022", "ISO/IEC 27701:2019"]), "issue_date": .text("2025-05-02"),
                "locations": .list(["Austin, TX, USA", "Raleigh, NC, USA", "Toronto, ON, Canada"])]),
            ("iso/rheinwerk-iso27001-2022-de.pdf", [
                "locations": .list(["Düsseldorf", "Leipzig", "Duisburg"]), "certification_body": .text("Elbtal Zertifizierung GmbH")]),
        ]
        for (path, expected) in cases {
            let document = DocumentPipeline.extract(path: Repo.corpus(path), options: ExtractOptions())
            XCTAssertEqual(document.document.kind, .isoCertificate, path)
            for (field, value) in expected {
                XCTAssertEqual(document.fields[field]?.value, value, "\(path) \(field)")
                XCTAssertEqual(document.fields[field]?.evidence.isEmpty, false, "\(path) \(field) evidence")
            }
        }
    }
}
