import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// One test per part of the certificate reader, each on a small invented certificate page: the
/// part runs alone on a `CertificateContext` and must give the exact value, confidence and quote.
final class CertificateExtractorTests: XCTestCase {
    private typealias L = SyntheticLayout

    private func certificate(_ lines: [TextLine]) throws -> CertificateContext {
        let book = try RuleBook.standard()
        let paged = PagedText(mediaType: .pdf, pages: [L.page(1, lines)])
        let context = try DocumentContext(paged: paged, rules: book, options: ExtractOptions(asOf: "2026-11-01"))
        let rules = try book.load(CertificateRules.self, from: "iso/certificate.yaml")
        return try XCTUnwrap(try CertificateContext(context, rules: rules))
    }

    /// The head of an invented certificate: a title, the introduction, the holder and its address.
    private let head = [
        L.line("Certificate of Conformity", x: 190, y: 60, size: 20),
        L.line("This is to certify that", x: 230, y: 100),
        L.line("Fernbrook Analytics Ltd", x: 210, y: 130, size: 16),
        L.line("14 Quarry Lane", x: 240, y: 155),
        L.line("Leeds LS2 7QP, United Kingdom", x: 200, y: 170),
        L.line("has been assessed and found to conform to the requirements of", x: 100, y: 200),
    ]

    func testCertificateNumber() throws {
        let page = try certificate(head + [L.line("Certificate Number: QX-40218", x: 60, y: 400)])
        var result = ExtractionResult()
        try CertificateNumberExtractor().extract(page, into: &result)
        // The title "Certificate of Conformity" starts with a label but goes on with a lower-case word.
        XCTAssertEqual(result.fields["certificate_number"]?.value, .text("QX-40218"))
        XCTAssertEqual(result.fields["certificate_number"]?.confidence ?? 0, 0.96, accuracy: 0.001)
        XCTAssertEqual(result.fields["certificate_number"]?.evidence.first?.quote, "QX-40218")
        XCTAssertEqual(result.fields["certificate_number"]?.evidence.first?.page, 1)

        let rules = page.rules
        XCTAssertEqual(CertificateNumberExtractor.certificateNumber("No. QX-40218", prefixes: rules.numberPrefixes), "QX-40218")
        XCTAssertEqual(CertificateNumberExtractor.certificateNumber("# :ZK-118", prefixes: rules.numberPrefixes), "ZK-118")
        XCTAssertEqual(CertificateNumberExtractor.certificateNumber("AB 771204", prefixes: rules.numberPrefixes), "AB 771204")
        XCTAssertNil(CertificateNumberExtractor.certificateNumber("pending", prefixes: rules.numberPrefixes))
    }

    func testLabelledDatesSettleTheSlashOrderByTheCycle() throws {
        let page = try certificate(head + [
            L.line("Issue date: 03/04/2024", x: 60, y: 400),
            L.line("Expiry date: 02/04/2027", x: 60, y: 420),
        ])
        var result = ExtractionResult()
        try CertificateDatesExtractor().extract(page, into: &result)
        // Day-first, expiry falls three years less a day after issue; month-first it does not.
        XCTAssertEqual(result.fields["issue_date"]?.value, .text("2024-04-03"))
        XCTAssertEqual(result.fields["expiry_date"]?.value, .text("2027-04-02"))
        XCTAssertEqual(result.fields["issue_date"]?.confidence ?? 0, 0.95, accuracy: 0.001)
        XCTAssertEqual(result.fields["issue_date"]?.evidence.first?.quote, "03/04/2024")
        XCTAssertEqual(result.fields["expiry_date"]?.evidence.first?.quote, "02/04/2027")
        XCTAssertNil(result.fields["original_certification_date"])
    }

    func testDatesFromAValiditySentence() throws {
        let page = try certificate(head + [L.line("This certificate is valid from 1 July 2025 to 30 June 2028.", x: 60, y: 400)])
        var result = ExtractionResult()
        try CertificateDatesExtractor().extract(page, into: &result)
        XCTAssertEqual(result.fields["issue_date"]?.value, .text("2025-07-01"))
        XCTAssertEqual(result.fields["expiry_date"]?.value, .text("2028-06-30"))
        XCTAssertEqual(result.fields["issue_date"]?.confidence ?? 0, 0.8, accuracy: 0.001)
        XCTAssertEqual(result.fields["expiry_date"]?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(result.fields["expiry_date"]?.evidence.first?.quote, "1 July 2025 to 30 June 2028")

        let standardPrefix = try page.rules.compiled(page.rules.standardPrefix, key: "standard_prefix")
        XCTAssertTrue(CertificateDatesExtractor.isStandardPrefix("ISO/IEC 27001 - ", pattern: standardPrefix))
        XCTAssertFalse(CertificateDatesExtractor.isStandardPrefix("renewed on ", pattern: standardPrefix))
    }

    func testHolderAndAddress() throws {
        let page = try certificate(head)
        var result = ExtractionResult()
        let holder = try XCTUnwrap(try CertificateHolderExtractor().holder(page, into: &result))
        XCTAssertEqual(holder.name, "Fernbrook Analytics Ltd")
        XCTAssertEqual(holder.address.map(\.text), ["14 Quarry Lane", "Leeds LS2 7QP, United Kingdom"])
        XCTAssertEqual(result.fields["organization"]?.value, .text("Fernbrook Analytics Ltd"))
        // Printed larger than the introduction: sure.
        XCTAssertEqual(result.fields["organization"]?.confidence ?? 0, 0.95, accuracy: 0.001)
        XCTAssertEqual(result.fields["organization"]?.evidence.first?.quote, "Fernbrook Analytics Ltd")

        let check = try NameCheck(rules: page.rules)
        XCTAssertTrue(check.isPlausible("Fernbrook Analytics Ltd"))
        XCTAssertFalse(check.isPlausible("Information Security Services for"))
        XCTAssertFalse(check.isPlausible("Payroll Management System"))
        XCTAssertFalse(check.isPlausible("ISO/IEC 27001:2022"))
    }

    func testHeadedScope() throws {
        let page = try certificate(head + [
            L.line("Scope of certification", x: 60, y: 300),
            L.line("Design and hosting of payroll software", x: 60, y: 315),
            L.line("for small employers.", x: 60, y: 328),
            L.line("Issue date: 12 March 2025", x: 60, y: 420),
        ])
        var result = ExtractionResult()
        CertificateScopeExtractor().extract(page, into: &result)
        XCTAssertEqual(result.fields["scope"]?.value, .text("Design and hosting of payroll software for small employers."))
        XCTAssertEqual(result.fields["scope"]?.confidence ?? 0, 0.9, accuracy: 0.001)
        XCTAssertEqual(result.fields["scope"]?.evidence.count, 1)
        XCTAssertEqual(result.fields["scope"]?.evidence.first?.quote, "Design and hosting of payroll software")
    }

    func testStandardsPreferLinesOfTheirOwnAndSkipAccreditationStandards() throws {
        let page = try certificate(head + [
            L.line("ISO/IEC 27001:2022", x: 240, y: 230, size: 16),
            L.line("and also meets ISO 9001:2015 where stated", x: 100, y: 260),
            L.line("ISO/IEC 17021-1:2015", x: 60, y: 600),
        ])
        var result = ExtractionResult()
        try CertificateStandardsExtractor().extract(page, into: &result)
        XCTAssertEqual(result.fields["standards"]?.value, .list(["ISO/IEC 27001:2022"]))
        XCTAssertEqual(result.fields["standards"]?.confidence ?? 0, 0.95, accuracy: 0.001)
        XCTAssertEqual(result.fields["standards"]?.evidence.first?.quote, "ISO/IEC 27001:2022")
    }

    func testStatementOfApplicability() throws {
        let page = try certificate(head + [
            L.line("in line with the Statement of Applicability version 4.2 dated 9 January 2025.", x: 60, y: 330),
        ])
        var result = ExtractionResult()
        StatementOfApplicabilityExtractor().extract(page, into: &result)
        XCTAssertEqual(result.fields["soa_reference"]?.value, .text("Statement of Applicability version 4.2 dated 9 January 2025"))
        XCTAssertEqual(result.fields["soa_reference"]?.confidence ?? 0, 0.9, accuracy: 0.001)
        XCTAssertEqual(result.fields["soa_reference"]?.evidence.first?.quote, "Statement of Applicability version 4.2 dated 9 January 2025.")
    }

    func testLocationsFromTheHolderAddress() throws {
        var page = try certificate(head)
        var result = ExtractionResult()
        page.holder = try CertificateHolderExtractor().holder(page, into: &result)
        try CertificateLocationsExtractor().extract(page, into: &result)
        XCTAssertEqual(result.fields["locations"]?.value, .list(["Leeds, United Kingdom"]))
        XCTAssertEqual(result.fields["locations"]?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(result.fields["locations"]?.evidence.first?.quote, "LS2 7QP, United Kingdom")
    }

    func testCertificationBodyAfterItsLabel() throws {
        var page = try certificate(head + [L.line("Issued by: Hollowmere Certification Services Ltd", x: 60, y: 500)])
        var result = ExtractionResult()
        page.holder = try CertificateHolderExtractor().holder(page, into: &result)
        CertificationBodyExtractor().extract(page, into: &result)
        XCTAssertEqual(result.fields["certification_body"]?.value, .text("Hollowmere Certification Services Ltd"))
        XCTAssertEqual(result.fields["certification_body"]?.confidence ?? 0, 0.92, accuracy: 0.001)
        XCTAssertEqual(result.fields["certification_body"]?.evidence.first?.quote, "Hollowmere Certification Services Ltd")
    }

    func testAccreditationBodyNamedOrMarked() throws {
        var result = ExtractionResult()
        try AccreditationBodyExtractor().extract(
            try certificate(head + [L.line("Accredited by the United Kingdom Accreditation Service.", x: 60, y: 600)]), into: &result)
        XCTAssertEqual(result.fields["accreditation_body"]?.value, .text("United Kingdom Accreditation Service"))
        XCTAssertEqual(result.fields["accreditation_body"]?.confidence ?? 0, 0.93, accuracy: 0.001)
        XCTAssertEqual(result.fields["accreditation_body"]?.evidence.first?.quote, "Accredited by the United Kingdom Accreditation Service")

        result = ExtractionResult()
        try AccreditationBodyExtractor().extract(try certificate(head + [L.line("ANAB Management Systems", x: 400, y: 650)]), into: &result)
        XCTAssertEqual(result.fields["accreditation_body"]?.value, .text("ANAB"))
        XCTAssertEqual(result.fields["accreditation_body"]?.confidence ?? 0, 0.92, accuracy: 0.001)
        XCTAssertEqual(result.fields["accreditation_body"]?.evidence.first?.quote, "ANAB")

        result = ExtractionResult()
        try AccreditationBodyExtractor().extract(try certificate(head), into: &result)
        XCTAssertNil(result.fields["accreditation_body"])
        XCTAssertEqual(result.diagnostics.map(\.code), ["accreditation_not_in_text"])
    }

    /// `Matching` leaves out the comparison words of `bodies/legal_forms.yaml`.
    func testNamesCompareWithoutLegalForms() {
        XCTAssertEqual(Matching.normalizedName("The Fernbrook Group, SA"), "fernbrook group")
        XCTAssertEqual(Matching.normalizedName("Fernbrook S.A."), "fernbrook s a")
        XCTAssertEqual(Matching.normalizedName("Fernbrook Analytics Ltd."), "fernbrook analytics")
        XCTAssertTrue(Matching.matches(field: "organization", expected: "Fernbrook Analytics Ltd", actual: "FERNBROOK ANALYTICS LIMITED"))
        // A name of legal words only is kept whole.
        XCTAssertEqual(Matching.normalizedName("The Company"), "the company")
    }
}
