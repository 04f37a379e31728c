import AssayModel
import Foundation
import XCTest
@testable import Assay
@testable import AssayCore

/// One stage at a time on small invented SOC reports (pages separated by form feeds): the text is
/// classified, the section segmenter runs, then only the extractors under test, in registry order.
/// Every value, confidence and evidence quote is exact.
final class SOCFieldExtractorTests: XCTestCase {
    /// A context built as `DocumentPipeline.analyse` builds it: classified, then segmented.
    private func context(_ text: String, segment: Bool = true) throws -> DocumentContext {
        let book = try RuleBook.standard()
        let paged = PagedText(mediaType: .text, pages: RuleExamplesTests.lines(text))
        let context = try DocumentContext(paged: paged, rules: book, options: ExtractOptions(asOf: "2026-01-15"))
        let classified = try DocumentClassifier.shared(book).classify(context)
        context.kind = classified.kind
        context.type = classified.type
        if segment { try SOCSectionSegmenter().segment(context) }
        return context
    }

    private func run(_ extractors: [any DocumentExtractor], on context: DocumentContext) throws -> ExtractionResult {
        var result = ExtractionResult()
        for extractor in extractors { try extractor.extract(context, into: &result) }
        return result
    }

    /// An invented SOC 2 Type 2 report of four pages: cover, auditor's report, assertion, description.
    static let report = """
    SOC 2 Type 2 Report
    Quillon Systems, Inc.
    Ledgerwell Platform
    \u{0C}
    Section I
    Independent Service Auditor's Report
    To the Management of Quillon Systems, Inc.
    Scope
    We have examined Quillon Systems, Inc.'s accompanying description of its Ledgerwell Platform system
    throughout the period January 1, 2025 to June 30, 2025, based on the criteria for a description of a
    service organization's system, and the suitability of the design and operating effectiveness of
    controls stated in the description throughout the period January 1, 2025 to June 30, 2025, based on the
    trust services criteria relevant to security and confidentiality.
    Opinion
    In our opinion, in all material respects, the description presents Quillon Systems, Inc.'s Ledgerwell Platform system that was
    designed and implemented throughout the period January 1, 2025 to June 30, 2025.
    This report is not intended to be, and should not be, used by anyone other than these specified parties.
    Harrow & Pike LLP
    Portland, Oregon
    August 14, 2025
    \u{0C}
    Section II
    Management's Assertion
    We have prepared the accompanying description of the Ledgerwell Platform system of Quillon Systems, Inc.
    \u{0C}
    Section III
    Description of the Ledgerwell Platform System
    Scope of the Description
    This description covers the Ledgerwell Platform, a hosted ledger service that Quillon Systems, Inc. provides to mid-sized lenders.
    Operations are run from offices in Boise, Idaho and Tacoma, Washington.
    Company Background
    Quillon Systems was founded in 2014.
    """

    // MARK: SOCSectionSegmenter

    func testSegmenterPlacesTheNumberedSections() throws {
        let context = try context(Self.report)
        XCTAssertEqual(context.kind, .soc2)
        XCTAssertEqual(context.type, .type2)
        XCTAssertEqual(context.sections.map(\.kind), ["auditor_opinion", "management_assertion", "system_description"])
        XCTAssertEqual(context.sections.map(\.firstPage), [2, 3, 4])
        XCTAssertEqual(context.sections.map(\.lastPage), [2, 3, 4])
        XCTAssertEqual(context.section("auditor_opinion")?.title, "Independent Service Auditor's Report")
        XCTAssertNil(context.section("controls_and_tests"))
    }

    func testSegmenterIgnoresATableOfContents() throws {
        let text = """
        SOC 2 Type 2 Report
        Quillon Systems, Inc.
        \u{0C}
        Table of Contents
        Section I Independent Service Auditor's Report 3
        Section II Management's Assertion 4
        \u{0C}
        Section I
        Independent Service Auditor's Report
        We have examined the description.
        """
        let context = try context(text)
        // The contents page (2) places nothing: only the body heading on page 3 does.
        XCTAssertEqual(context.sections.map(\.kind), ["auditor_opinion"])
        XCTAssertEqual(context.sections.first?.firstPage, 3)
    }

    func testUnnumberedProseHasNoSections() throws {
        let text = """
        SOC 2 Type 2 Report
        Quillon Systems, Inc.
        We have examined the description of the Ledgerwell Platform system throughout the period March 1, 2025 to August 31, 2025.
        Section 4 of this report lists the tests.
        """
        let context = try context(text)
        XCTAssertEqual(context.kind, .soc2)
        // "Section 4 of this report…" is a sentence that mentions a section, not a heading.
        XCTAssertEqual(context.sections, [])
    }

    // MARK: SOCPartiesExtractor

    func testPartiesReadAddresseeSigningFirmAndDate() throws {
        let result = try run([SOCPartiesExtractor()], on: context(Self.report))
        let organization = try XCTUnwrap(result.fields["service_organization"])
        XCTAssertEqual(organization.value, .text("Quillon Systems, Inc."))
        XCTAssertEqual(organization.confidence, 0.95, accuracy: 0.001)
        XCTAssertEqual(organization.evidence.first?.quote, "Quillon Systems, Inc.")
        XCTAssertEqual(organization.evidence.first?.page, 2)
        let auditor = try XCTUnwrap(result.fields["service_auditor"])
        XCTAssertEqual(auditor.value, .text("Harrow & Pike LLP"))
        XCTAssertEqual(auditor.confidence, 0.93, accuracy: 0.001)
        XCTAssertEqual(auditor.evidence.first?.quote, "Harrow & Pike LLP")
        XCTAssertEqual(auditor.evidence.first?.page, 2)
        let date = try XCTUnwrap(result.fields["report_date"])
        XCTAssertEqual(date.value, .text("2025-08-14"))
        XCTAssertEqual(date.confidence, 0.93, accuracy: 0.001)
        XCTAssertEqual(date.evidence.first?.quote, "August 14, 2025")
    }

    func testSigningFirmNamedOnTheCoverIsSurer() throws {
        let text = Self.report.replacingOccurrences(of: "Ledgerwell Platform\n\u{0C}", with: "Ledgerwell Platform\nPrepared by Harrow & Pike LLP\n\u{0C}")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCPartiesExtractor()], on: context(text))
        XCTAssertEqual(result.fields["service_auditor"]?.value, .text("Harrow & Pike LLP"))
        // The signature agrees with the cover.
        XCTAssertEqual(result.fields["service_auditor"]?.confidence ?? 0, 0.97, accuracy: 0.001)
        XCTAssertEqual(result.fields["service_auditor"]?.evidence.first?.page, 2)
    }

    func testAddresseeLineWithColon() throws {
        let text = Self.report.replacingOccurrences(of: "To the Management of Quillon Systems, Inc.", with: "To: Quillon Systems, Inc. (\u{201C}Quillon\u{201D})")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCPartiesExtractor()], on: context(text))
        XCTAssertEqual(result.fields["service_organization"]?.value, .text("Quillon Systems, Inc."))
        XCTAssertEqual(result.fields["service_organization"]?.confidence ?? 0, 0.9, accuracy: 0.001)
        XCTAssertEqual(result.fields["service_organization"]?.evidence.first?.quote, "Quillon Systems, Inc.")
    }

    func testPartiesWithoutASignatureFirmHaveNoAuditor() throws {
        let text = Self.report.replacingOccurrences(of: "Harrow & Pike LLP\n", with: "")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCPartiesExtractor()], on: context(text))
        XCTAssertNil(result.fields["service_auditor"])
        XCTAssertEqual(result.fields["service_organization"]?.value, .text("Quillon Systems, Inc."))
        XCTAssertEqual(result.fields["report_date"]?.value, .text("2025-08-14"))
    }

    // MARK: SOCOpinionExtractor

    func testUnqualifiedOpinion() throws {
        let result = try run([SOCOpinionExtractor()], on: context(Self.report))
        let opinion = try XCTUnwrap(result.fields["opinion"])
        XCTAssertEqual(opinion.value, .text("unqualified"))
        XCTAssertEqual(opinion.confidence, 0.95, accuracy: 0.001)
        XCTAssertEqual(opinion.evidence.first?.page, 2)
        XCTAssertEqual(opinion.evidence.first?.quote.hasPrefix("In our opinion, in all material respects"), true)
    }

    func testExceptForIsAQualifiedOpinion() throws {
        let text = Self.report.replacingOccurrences(
            of: "Opinion\nIn our opinion, in all material respects,",
            with: "Qualified Opinion\nIn our opinion, except for the matter described above, in all material respects,")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCOpinionExtractor()], on: context(text))
        XCTAssertEqual(result.fields["opinion"]?.value, .text("qualified"))
        XCTAssertNotEqual(result.fields["opinion"]?.value, .text("unqualified"))
        XCTAssertEqual(result.fields["opinion"]?.confidence ?? 0, 0.95, accuracy: 0.001)
        XCTAssertEqual(result.fields["opinion"]?.evidence.first?.quote.hasPrefix("In our opinion, except for"), true)
    }

    func testUnmodifiedHeadingOverAnExceptForParagraphIsLessSure() throws {
        let text = Self.report.replacingOccurrences(
            of: "Opinion\nIn our opinion, in all material respects,",
            with: "Unmodified Opinion\nIn our opinion, except for the matter described above, in all material respects,")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCOpinionExtractor()], on: context(text))
        // The paragraph decides; the heading disagrees with it, so the reading is less sure.
        XCTAssertEqual(result.fields["opinion"]?.value, .text("qualified"))
        XCTAssertEqual(result.fields["opinion"]?.confidence ?? 0, 0.82, accuracy: 0.001)
    }

    func testAdverseHeadingOverridesAPlainParagraph() throws {
        let text = Self.report.replacingOccurrences(of: "Opinion\nIn our opinion,", with: "Adverse Opinion\nIn our opinion,")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCOpinionExtractor()], on: context(text))
        XCTAssertEqual(result.fields["opinion"]?.value, .text("adverse"))
    }

    func testDisclaimerWithoutInOurOpinion() throws {
        let text = Self.report.replacingOccurrences(
            of: "Opinion\nIn our opinion, in all material respects, the description presents",
            with: "Disclaimer\nBecause of the matter above, we do not express an opinion on whether the description presents")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCOpinionExtractor()], on: context(text))
        XCTAssertEqual(result.fields["opinion"]?.value, .text("disclaimer"))
        XCTAssertEqual(result.fields["opinion"]?.confidence ?? 0, 0.8, accuracy: 0.001)
        XCTAssertEqual(result.fields["opinion"]?.evidence.first?.quote, "do not express an opinion")
    }

    // MARK: SOCPeriodExtractor

    func testType2PeriodStatedTwiceIsSure() throws {
        let result = try run([SOCPeriodExtractor()], on: context(Self.report))
        let start = try XCTUnwrap(result.fields["period_start"])
        let end = try XCTUnwrap(result.fields["period_end"])
        XCTAssertEqual(start.value.display, "2025-01-01")
        XCTAssertEqual(end.value.display, "2025-06-30")
        // Three statements of the same period inside the auditor's section.
        XCTAssertEqual(start.confidence, 0.96, accuracy: 0.001)
        XCTAssertEqual(end.confidence, 0.96, accuracy: 0.001)
        XCTAssertEqual(start.evidence.first?.quote, "January 1, 2025 to June 30, 2025")
        XCTAssertEqual(start.evidence.first?.page, 2)
        XCTAssertNil(result.fields["as_of_date"])
    }

    func testType2PeriodStatedOnceWithoutSectionIsLessSure() throws {
        let text = """
        SOC 2 Type 2 Report
        Quillon Systems, Inc.
        We have examined the description of the Ledgerwell Platform system throughout the period March 1, 2025 to August 31, 2025.
        """
        let result = try run([SOCPeriodExtractor()], on: context(text))
        XCTAssertEqual(result.fields["period_start"]?.value.display, "2025-03-01")
        XCTAssertEqual(result.fields["period_end"]?.value.display, "2025-08-31")
        // One statement (0.88), no auditor's section (−0.05).
        XCTAssertEqual(result.fields["period_start"]?.confidence ?? 0, 0.83, accuracy: 0.001)
        XCTAssertEqual(result.fields["period_end"]?.evidence.first?.quote, "March 1, 2025 to August 31, 2025")
    }

    func testRivalPeriodsStatedAsOftenGiveTheFirstUnsurely() throws {
        let text = """
        SOC 2 Type 2 Report
        Quillon Systems, Inc.
        We have examined the description of the Ledgerwell Platform system throughout the period March 1, 2025 to August 31, 2025.
        Our prior report was for the period September 1, 2024 to February 28, 2025.
        """
        // The same answer on every run (the votes are kept in a dictionary, whose order varies by process).
        for _ in 0..<8 {
            let result = try run([SOCPeriodExtractor()], on: context(text))
            XCTAssertEqual(result.fields["period_start"]?.value.display, "2025-03-01")
            XCTAssertEqual(result.fields["period_end"]?.value.display, "2025-08-31")
            XCTAssertEqual(result.fields["period_end"]?.confidence ?? 0, 0.7, accuracy: 0.001)
            XCTAssertEqual(result.fields["period_end"]?.evidence.first?.quote, "March 1, 2025 to August 31, 2025")
        }
    }

    func testAmbiguousSlashPeriodIsUnsure() throws {
        let text = """
        SOC 2 Type 2 Report
        Quillon Systems, Inc.
        We have examined the description of the Ledgerwell Platform system throughout the period 01/02/2025 to 03/04/2025.
        """
        let context = try context(text)
        XCTAssertNil(context.slashOrder)
        let result = try run([SOCPeriodExtractor()], on: context)
        // Month first by default, but nothing in the document settles the order.
        XCTAssertEqual(result.fields["period_start"]?.value.display, "2025-01-02")
        XCTAssertEqual(result.fields["period_end"]?.value.display, "2025-03-04")
        XCTAssertEqual(result.fields["period_start"]?.confidence ?? 0, 0.6, accuracy: 0.001)
        XCTAssertEqual(result.fields["period_start"]?.evidence.first?.quote, "01/02/2025 to 03/04/2025")
    }

    func testBackwardsPeriodIsNotAPeriod() throws {
        let text = """
        SOC 2 Type 2 Report
        Quillon Systems, Inc.
        We have examined the description of the Ledgerwell Platform system throughout the period June 30, 2025 to January 1, 2025.
        """
        let result = try run([SOCPeriodExtractor()], on: context(text))
        XCTAssertNil(result.fields["period_start"])
        XCTAssertNil(result.fields["period_end"])
    }

    func testType1HasAnAsOfDateAndNoPeriod() throws {
        let text = """
        SOC 2 Type 1 Report
        Quillon Systems, Inc.
        \u{0C}
        Section I
        Independent Service Auditor's Report
        To the Management of Quillon Systems, Inc.
        We have examined the description of the Ledgerwell Platform system as of September 30, 2025, and the
        suitability of the design of controls stated in the description as of September 30, 2025.
        In our opinion, in all material respects, the description presents the Ledgerwell Platform system that was designed and implemented as of September 30, 2025.
        """
        let context = try context(text)
        XCTAssertEqual(context.type, .type1)
        let result = try run([SOCPeriodExtractor()], on: context)
        XCTAssertNil(result.fields["period_start"])
        XCTAssertNil(result.fields["period_end"])
        let asOf = try XCTUnwrap(result.fields["as_of_date"])
        XCTAssertEqual(asOf.value.display, "2025-09-30")
        XCTAssertEqual(asOf.confidence, 0.96, accuracy: 0.001)
        XCTAssertEqual(asOf.evidence.first?.quote, "September 30, 2025")
        XCTAssertEqual(asOf.evidence.first?.page, 2)
    }

    // MARK: SOCSystemExtractor

    func testSystemNameAndCategories() throws {
        let result = try run([SOCPartiesExtractor(), SOCSystemExtractor()], on: context(Self.report))
        let system = try XCTUnwrap(result.fields["system_name"])
        XCTAssertEqual(system.value, .text("Ledgerwell Platform"))
        // The first phrasing, with the organisation known.
        XCTAssertEqual(system.confidence, 0.93, accuracy: 0.001)
        XCTAssertEqual(system.evidence.first?.quote, "Ledgerwell Platform")
        XCTAssertEqual(system.evidence.first?.page, 2)
        let categories = try XCTUnwrap(result.fields["trust_services_categories"])
        XCTAssertEqual(categories.value, .list(["security", "confidentiality"]))
        XCTAssertEqual(categories.confidence, 0.93, accuracy: 0.001)
        XCTAssertEqual(categories.evidence.first?.quote, "security and confidentiality")
    }

    func testSOC1HasNoTrustServicesCategories() throws {
        let text = Self.report.replacingOccurrences(of: "SOC 2 Type 2 Report", with: "SOC 1 Type 2 Report")
        let context = try context(text)
        XCTAssertEqual(context.kind, .soc1)
        let result = try run([SOCPartiesExtractor(), SOCSystemExtractor()], on: context)
        XCTAssertNil(result.fields["trust_services_categories"])
        XCTAssertEqual(result.fields["system_name"]?.value, .text("Ledgerwell Platform"))
    }

    static let soc3 = """
    Quillon Systems, Inc. Ledgerwell System and Organization Controls 3 (SOC 3) Report
    \u{0C}
    Independent Service Auditor's Report
    To the Management of Quillon Systems, Inc.
    We have examined management's assertion that the controls within Quillon's Ledgerwell Platform were effective throughout the period 1 January 2025 – 30 June 2025, based on the trust services criteria relevant to security and availability.
    In our opinion, management's assertion is fairly stated.
    """

    func testSOC3SystemNameFromControlsWithin() throws {
        let context = try context(Self.soc3)
        XCTAssertEqual(context.kind, .soc3)
        let result = try run([SOCPartiesExtractor(), SOCSystemExtractor()], on: context)
        // "Quillon's" is not the organisation's full name: a later phrasing, less sure.
        XCTAssertEqual(result.fields["system_name"]?.value, .text("Ledgerwell Platform"))
        XCTAssertEqual(result.fields["system_name"]?.confidence ?? 0, 0.85, accuracy: 0.001)
        XCTAssertEqual(result.fields["trust_services_categories"]?.value, .list(["security", "availability"]))
        XCTAssertEqual(result.fields["trust_services_categories"]?.evidence.first?.quote, "security and availability")
    }

    func testSOC3PeriodWithADash() throws {
        let result = try run([SOCPeriodExtractor()], on: context(Self.soc3))
        XCTAssertEqual(result.fields["period_start"]?.value.display, "2025-01-01")
        XCTAssertEqual(result.fields["period_end"]?.value.display, "2025-06-30")
        // Stated once, inside the auditor's section.
        XCTAssertEqual(result.fields["period_end"]?.confidence ?? 0, 0.88, accuracy: 0.001)
        XCTAssertEqual(result.fields["period_end"]?.evidence.first?.quote, "1 January 2025 – 30 June 2025")
    }

    // MARK: SOCScopeExtractor

    func testSOC3ScopeFromItsTitle() throws {
        let result = try run([SOCPartiesExtractor(), SOCScopeExtractor()], on: context(Self.soc3))
        // A SOC 3 report's examined sentence is not its scope; its title is, at a heading's confidence.
        XCTAssertEqual(result.fields["scope"]?.value, .text("Quillon Systems, Inc. Ledgerwell"))
        XCTAssertEqual(result.fields["scope"]?.confidence ?? 0, 0.7, accuracy: 0.001)
        XCTAssertEqual(result.fields["scope"]?.evidence.first?.page, 1)
    }

    func testScopeParagraphAndItsLocations() throws {
        let result = try run([SOCPartiesExtractor(), SOCScopeExtractor()], on: context(Self.report))
        let scope = try XCTUnwrap(result.fields["scope"])
        XCTAssertEqual(scope.value, .text("This description covers the Ledgerwell Platform, a hosted ledger service that Quillon Systems, Inc. provides to mid-sized lenders. Operations are run from offices in Boise, Idaho and Tacoma, Washington."))
        XCTAssertEqual(scope.confidence, 0.85, accuracy: 0.001)
        XCTAssertEqual(scope.evidence.first?.page, 4)
        let locations = try XCTUnwrap(result.fields["locations"])
        XCTAssertEqual(locations.value, .list(["Boise, Idaho", "Tacoma, Washington"]))
        XCTAssertEqual(locations.confidence, 0.8, accuracy: 0.001)
        XCTAssertEqual(locations.evidence.map(\.page), [4, 4])
    }

    func testExclusionSentenceIsAppendedToTheScope() throws {
        let text = Self.report.replacingOccurrences(of: "Quillon Systems was founded in 2014.",
                                                    with: "Quillon Systems was founded in 2014. Its payroll service is not part of the system.")
        XCTAssertNotEqual(text, Self.report)
        let result = try run([SOCPartiesExtractor(), SOCScopeExtractor()], on: context(text))
        let scope = try XCTUnwrap(result.fields["scope"])
        XCTAssertEqual(scope.value.display.hasSuffix("Tacoma, Washington. Its payroll service is not part of the system."), true)
        XCTAssertEqual(scope.evidence.count, 2)
        XCTAssertEqual(scope.evidence.last?.quote, "Its payroll service is not part of the system.")
        XCTAssertEqual(scope.evidence.last?.page, 4)
    }

    func testWithoutADescriptionTheExaminedSentenceIsTheScope() throws {
        // Only the cover and the auditor's report: no system description section.
        let text = Self.report.components(separatedBy: "\u{0C}").prefix(2).joined(separator: "\u{0C}")
        let result = try run([SOCPartiesExtractor(), SOCScopeExtractor()], on: context(text))
        let scope = try XCTUnwrap(result.fields["scope"])
        XCTAssertEqual(scope.value.display.hasPrefix("We have examined Quillon Systems, Inc.'s accompanying description of its Ledgerwell Platform system"), true)
        XCTAssertEqual(scope.value.display.hasSuffix("throughout the period January 1, 2025 to June 30, 2025"), true)
        XCTAssertEqual(scope.confidence, 0.8, accuracy: 0.001)
        // No site in a description: the city of the address block, if any, is all there is; here none.
        XCTAssertNil(result.fields["locations"])
    }

    func testAnAsAtDateEndsTheExaminedSentence() throws {
        // British usage: "as at" a date, as `as_of` in the same rule file already reads it.
        let text = Self.report.components(separatedBy: "\u{0C}").prefix(2).joined(separator: "\u{0C}")
            .replacingOccurrences(of: "throughout the period January 1, 2025 to June 30, 2025", with: "as at 30 June 2025")
        XCTAssertTrue(text.contains("as at 30 June 2025"))
        let result = try run([SOCPartiesExtractor(), SOCScopeExtractor()], on: context(text))
        let scope = try XCTUnwrap(result.fields["scope"])
        XCTAssertEqual(scope.value.display.hasPrefix("We have examined Quillon Systems, Inc.'s accompanying description"), true)
        XCTAssertEqual(scope.value.display.hasSuffix("as at 30 June 2025"), true)
    }
}
