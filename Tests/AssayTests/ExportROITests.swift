@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

final class ExportROITests: XCTestCase {
    private func extract(_ relative: String) -> AssayDocument {
        DocumentPipeline.extract(path: Repo.corpus(relative), label: "corpus/\(relative)", options: ExtractOptions(asOf: "2026-06-30"))
    }

    func testRegisterColumnsForASOCReportAndACertificate() throws {
        let map = try ROIExport.ColumnMap.load(try RuleBook.standard())
        let soc = extract("soc2/corvane-analytics-soc2-type2-2026.pdf")
        let iso = extract("iso/harrowgate-iso27001-2022.pdf")
        let again = extract("iso/harrowgate-iso27001-2022.pdf")
        let bad = extract("bad/truncated.pdf")
        let tables = ROIExport.tables([soc, iso, again, bad], map: map)
        XCTAssertEqual(tables.map(\.name), ["b_05.01.csv", "roi_columns.csv", "roi_evidence.csv"])

        let providers = try StrictCSV.parse(try XCTUnwrap(tables.first).data)
        XCTAssertEqual(providers, [
            ["c0010", "c0020", "c0030", "c0040", "c0050", "c0060", "c0070", "c0080", "c0090", "c0100", "c0110", "c0120"],
            ["", "", "", "", "Corvane Analytics, Inc.", "Corvane Analytics, Inc.", "", "", "", "", "", ""],
            ["", "", "", "", "Harrowgate Payroll Services Limited", "Harrowgate Payroll Services Limited", "", "", "", "", "", ""],
        ])

        let columns = try StrictCSV.parse(tables[1].data)
        XCTAssertEqual(columns.first, ROIExport.columnMapColumns)
        XCTAssertEqual(columns.count - 1, 24, "B_05.01 and B_07.01, twelve columns each")
        XCTAssertEqual(columns[5], ["B_05.01", "ICT third-party service providers", "c0050",
                                    "Legal name of the ICT third-party service provider", "provider_legal_name",
                                    "soc1; soc2; soc3; iso_certificate; bridge_letter", ""])
        let lastAudit = try XCTUnwrap(columns.first { $0[0] == "B_07.01" && $0[2] == "c0070" })
        XCTAssertEqual(lastAudit[3], "Date of the last audit on the ICT third-party service provider")
        XCTAssertEqual(lastAudit[4], "", "left for the financial entity")

        let evidence = try StrictCSV.parse(tables[2].data)
        XCTAssertEqual(evidence.first, ROIExport.evidenceColumns)
        let socEvidence = try XCTUnwrap(soc.fields["service_organization"]?.evidence.first)
        let isoEvidence = try XCTUnwrap(iso.fields["organization"]?.evidence.first)
        XCTAssertEqual(evidence.dropFirst().map { Array($0.prefix(7)) }, [
            ["B_05.01", "1", "c0050", "Corvane Analytics, Inc.", "corpus/soc2/corvane-analytics-soc2-type2-2026.pdf", soc.source.sha256 ?? "", String(socEvidence.page)],
            ["B_05.01", "1", "c0060", "Corvane Analytics, Inc.", "corpus/soc2/corvane-analytics-soc2-type2-2026.pdf", soc.source.sha256 ?? "", String(socEvidence.page)],
            ["B_05.01", "2", "c0050", "Harrowgate Payroll Services Limited", "corpus/iso/harrowgate-iso27001-2022.pdf", iso.source.sha256 ?? "", String(isoEvidence.page)],
            ["B_05.01", "2", "c0060", "Harrowgate Payroll Services Limited", "corpus/iso/harrowgate-iso27001-2022.pdf", iso.source.sha256 ?? "", String(isoEvidence.page)],
            ["B_05.01", "2", "c0050", "Harrowgate Payroll Services Limited", "corpus/iso/harrowgate-iso27001-2022.pdf", iso.source.sha256 ?? "", String(isoEvidence.page)],
            ["B_05.01", "2", "c0060", "Harrowgate Payroll Services Limited", "corpus/iso/harrowgate-iso27001-2022.pdf", iso.source.sha256 ?? "", String(isoEvidence.page)],
        ])
        XCTAssertEqual(evidence[1][7], socEvidence.quote.foldedWhitespace)
    }

    /// The vendor drop folders: a provider written two ways is one row; a sister company with its own
    /// legal form is a row of its own.
    func testOneRowPerLegalEntityAcrossDocuments() throws {
        let map = try ROIExport.ColumnMap.load(try RuleBook.standard())
        var documents: [AssayDocument] = []
        for vendor in ["Corbel Metrics", "Harwick Payroll"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Repo.corpus("vendors/\(vendor)"))
                .filter { !$0.hasSuffix(".truth.json") }.sorted()
            documents += names.map { extract("vendors/\(vendor)/\($0)") }
        }
        let providers = try StrictCSV.parse(try XCTUnwrap(ROIExport.tables(documents, map: map).first).data)
        XCTAssertEqual(providers.dropFirst().map { [$0[4], $0[5]] }, [
            ["Corbel Metrics, Inc.", "Corbel Metrics, Inc."],
            ["Corbel Metrics Europe Limited", "Corbel Metrics Europe Limited"],
            ["Harwick Payroll, Inc.", "Harwick Payroll, Inc."],
        ])
    }

    func testLatinNameOnlyForLatinScript() {
        XCTAssertTrue(ROIExport.isLatinScript("Rheinwerk Datenlogistik GmbH"))
        XCTAssertTrue(ROIExport.isLatinScript("Brise-Lames Hébergement SAS"))
        XCTAssertTrue(ROIExport.isLatinScript("Łódź Dane sp. z o.o."))
        XCTAssertFalse(ROIExport.isLatinScript("Αθηνά Δεδομένα Α.Ε."))
        XCTAssertFalse(ROIExport.isLatinScript("Облако ООО"))
    }

    func testColumnMapErrorsNameTheKey() throws {
        let directory = try Repo.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("exports"), withIntermediateDirectories: true)
        let yaml = """
        version: 1
        regulation: test
        templates:
          - template: B_05.01
            name: providers
            file: b_05.01.csv
            columns:
              - code: c0050
                label: Legal name
                from: provider_legal_name
              - code: 0060
                label: Latin name
        """
        try yaml.write(to: directory.appendingPathComponent(ROIExport.file), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ROIExport.ColumnMap.load(RuleBook(directory: directory))) { error in
            XCTAssertEqual("\(error)", "exports/dora_roi.yaml at .templates[0].columns[1].code: '0060' is not a column code like c0010")
        }
        let unknown = yaml.replacingOccurrences(of: "from: provider_legal_name", with: "from: provider_lei")
        try unknown.write(to: directory.appendingPathComponent(ROIExport.file), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ROIExport.ColumnMap.load(RuleBook(directory: directory))) { error in
            XCTAssertTrue("\(error)".hasPrefix("exports/dora_roi.yaml at .templates[0].columns[0].from"), "\(error)")
        }
    }
}
