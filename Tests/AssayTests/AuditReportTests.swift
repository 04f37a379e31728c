import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// Audit reports that are neither SOC reports nor certificates (technical and organisational
/// measures, ISAE 3000 attestations): the labelled form on their first pages, in German and
/// English, with its line breaks kept or lost.
final class AuditReportTests: XCTestCase {
    private func extract(_ lines: [String]) -> AssayDocument { SyntheticLayout.document(lines) }

    func testGermanFormWithLineBreaks() {
        let document = extract([
            "Prüfbericht",
            "Prüfung der technischen und organisatorischen Maßnahmen der Ostmark Rechenbetrieb GmbH",
            "Dresden, den 5. Mai 2025",
            "Auftraggeber: Ostmark Rechenbetrieb GmbH",
            "Pillnitzer Landstraße 4, 01326 Dresden",
            "Beauftragtes Institut: Elbtal Revision und Prüfung AG",
            "Untersuchungsumfang: Maßnahmen nach Art. 32 DS-GVO im Rechenzentrumsbetrieb an den Standorten:",
            "Dresden-Klotzsche (letzte Ortsbegehung am 14.04.2025)",
            "Görlitz (Neiße) (letzte Ortsbegehung am 22.04.2025)",
            "Projektleiter: Frieda Anschütz",
        ])
        XCTAssertEqual(document.document.kind, .unknown)
        let fields = document.fields
        XCTAssertEqual(fields["organization"]?.value, .text("Ostmark Rechenbetrieb GmbH"))
        XCTAssertEqual(fields["organization"]?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(fields["organization"]?.evidence.first?.quote, "Ostmark Rechenbetrieb GmbH")
        XCTAssertEqual(fields["organization"]?.evidence.first?.page, 1)
        XCTAssertEqual(fields["service_auditor"]?.value, .text("Elbtal Revision und Prüfung AG"))
        XCTAssertEqual(fields["report_date"]?.value, .text("2025-05-05"))
        XCTAssertEqual(fields["report_date"]?.evidence.first?.quote, "5. Mai 2025")
        XCTAssertEqual(fields["scope"]?.value, .text("Maßnahmen nach Art. 32 DS-GVO im Rechenzentrumsbetrieb"))
        XCTAssertEqual(fields["locations"]?.value, .list(["Dresden-Klotzsche", "Görlitz (Neiße)"]))
        XCTAssertEqual(fields["locations"]?.evidence.map(\.quote), ["Dresden-Klotzsche", "Görlitz (Neiße)"])
        XCTAssertEqual(fields["locations"]?.confidence ?? 0, 0.8, accuracy: 0.001)
    }

    func testEnglishFormWithLineBreaksLost() {
        let document = extract([
            "Confidential report - Inspection of the technical and organisational measures at Pellow Systems Ltd "
                + "Report No. 77-1 Report date: 3 March 2025 Client: Pellow Systems Ltd 2 Dock Road Hull HU1 1AA "
                + "Audit firm: Tamsin Ward Assurance LLP 10 High Street York YO1 7HR Scope of the audit: Inspection of the "
                + "security measures of the server rooms at the following sites: Related documents: Hull (last site visit on "
                + "4 February 2025) Beverley (last site visit on 11 February 2025) Service agreement, annex 2",
        ])
        let fields = document.fields
        XCTAssertEqual(fields["organization"]?.value, .text("Pellow Systems Ltd"))
        XCTAssertEqual(fields["service_auditor"]?.value, .text("Tamsin Ward Assurance LLP"))
        XCTAssertEqual(fields["report_date"]?.value, .text("2025-03-03"))
        XCTAssertEqual(fields["report_date"]?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(fields["scope"]?.value, .text("Inspection of the security measures of the server rooms"))
        XCTAssertEqual(fields["locations"]?.value, .list(["Hull", "Beverley"]))
    }

    /// A site list without the dates of visits is prose the reader cannot delimit: no locations; and
    /// a name without a legal form after the label is not taken.
    func testNoSitesWithoutVisitDatesAndNoNameWithoutLegalForm() {
        let document = extract([
            "Audit report",
            "Client: the hosting team of the northern region",
            "Scope of the audit: Physical security of the server rooms at the sites: Hull, Beverley and Goole",
        ])
        let fields = document.fields
        XCTAssertNil(fields["organization"])
        XCTAssertNil(fields["locations"])
        XCTAssertEqual(fields["scope"]?.value, .text("Physical security of the server rooms"))
    }

    /// Legal forms of Central Europe end a name as "GmbH" does.
    func testCzechAuditorAndPolishClient() {
        let document = extract([
            "Audit report on technical and organisational measures",
            "Client: Wisła Hosting Sp. z o.o. ul. Długa 5, 00-238 Warszawa",
            "Auditor: Vltava Audit a.s. Na Příkopě 12, 110 00 Praha 1",
        ])
        XCTAssertEqual(document.fields["organization"]?.value, .text("Wisła Hosting Sp. z o.o."))
        XCTAssertEqual(document.fields["service_auditor"]?.value, .text("Vltava Audit a.s."))
        XCTAssertEqual(document.fields["service_auditor"]?.evidence.first?.quote, "Vltava Audit a.s.")
    }

    /// A document that does not call itself a report, audit or inspection near its start is not read.
    func testNotAReport() {
        let document = extract([
            "Welcome pack for new customers",
            "Client: Pellow Systems Ltd",
            "Scope: Onboarding of new accounts",
        ])
        XCTAssertTrue(document.fields.isEmpty)
    }
}
