import AssayModel
import XCTest
@testable import Assay
@testable import AssayCore

/// Where a SOC report states its scope when no description paragraph does: a SOC 3 report's
/// title, and the auditor's "We have examined" sentence whose drop capital was printed apart.
final class SOCScopeTests: XCTestCase {
    private func extract(_ lines: [String]) -> AssayDocument { SyntheticLayout.document(lines) }

    func testSOC3ScopeFromTitle() {
        let document = extract([
            "Quenby Payroll Hub for Small Employers System and Organization Controls 3 (SOC 3) Report",
            "Relevant to Security",
            "For the period January 1, 2025 to December 31, 2025",
            "Independent Service Auditor's Report",
            "To the Management of Quenby Software, Inc.",
            "We have examined Quenby Software, Inc.'s accompanying assertion that the controls within the Payroll Hub were effective",
            "throughout the period January 1, 2025 to December 31, 2025.",
        ])
        XCTAssertEqual(document.document.kind, .soc3)
        XCTAssertEqual(document.fields["scope"]?.value, .text("Quenby Payroll Hub for Small Employers"))
        XCTAssertEqual(document.fields["scope"]?.confidence ?? 0, 0.7, accuracy: 0.001)
        XCTAssertEqual(document.fields["scope"]?.evidence.first?.quote, "Quenby Payroll Hub for Small Employers")
        XCTAssertEqual(document.fields["scope"]?.evidence.first?.page, 1)
    }

    /// The cloud regions a sentence says the system is hosted in are its locations, even when no
    /// system description was found; a region the sentence does not name as hosting is not read.
    func testHostingRegionsAreLocations() {
        let document = extract([
            "SOC 2 TYPE 2 REPORT",
            "INDEPENDENT SERVICE AUDITOR'S REPORT",
            "To the Management of Tillerby Messaging Inc.",
            "We have examined Tillerby Messaging Inc.'s accompanying description of its Relay system throughout the period March 1, 2025 to May 31, 2025.",
            "The production infrastructure of the Relay system is hosted on the provider's infrastructure in its regions across Ireland and Singapore.",
            "Customers in Brazil reach the service over the public internet.",
        ])
        XCTAssertEqual(document.fields["locations"]?.value, .list(["Ireland", "Singapore"]))
        XCTAssertEqual(document.fields["locations"]?.confidence ?? 0, 0.7, accuracy: 0.001)
        XCTAssertEqual(document.fields["locations"]?.evidence.map(\.quote), ["Ireland", "Singapore"])
    }

    func testDetachedDropCapitalStillOpensTheExaminedScope() {
        let document = extract([
            "SOC 2 TYPE 2 REPORT",
            "INDEPENDENT SERVICE AUDITOR'S REPORT",
            "To: Marrow Lane Analytics Private Limited",
            "Scope",
            "e have examined the accompanying \u{201C}Description of Marrow Lane Analytics Private Limited's Insight Portal\u{201D}",
            "W",
            "throughout the period 1st March 2025 - 31st May 2025, and the suitability of the design of controls.",
        ])
        XCTAssertEqual(document.fields["scope"]?.value,
                       .text("e have examined the accompanying \u{201C}Description of Marrow Lane Analytics Private Limited's Insight Portal\u{201D} W throughout the period 1st March 2025 - 31st May 2025"))
        XCTAssertEqual(document.fields["system_name"]?.value, .text("Insight Portal"))
        XCTAssertEqual(document.fields["system_name"]?.evidence.first?.quote, "Insight Portal")
    }
}

/// The categories an auditor's attestation letter names in its closing sentence.
final class SOCAttestationLetterTests: XCTestCase {
    private func extract(_ lines: [String]) -> AssayDocument { SyntheticLayout.document(lines) }

    private let opinion = [
        "Letter of Attestation",
        "SOC 2 Type 2 Compliance",
        "In our opinion, in all material respects:",
        "The controls stated in the description operated effectively throughout the period May 1, 2025 to October 31, 2025.",
    ]

    func testCategoriesFromTheClosingSentence() {
        let document = extract(opinion + ["Fallowmere Audit LLP confirms SOC 2 Type 2 compliance by Brisk Ledger Inc. in accordance with the AICPA's Trust Service Criteria for Security."])
        XCTAssertEqual(document.fields["trust_services_categories"]?.value, .list(["security"]))
        XCTAssertEqual(document.fields["trust_services_categories"]?.evidence.first?.quote, "Security")
    }

    /// The address block under the service organisation's name: a line that opens with a house number is
    /// kept as printed, and a street matched before the town ("Larch Dr. S.W., Calgary") does not hide it.
    func testAddressBlockLineKeptAsPrinted() {
        let document = extract(["Fallowmere Audit LLP", "22 Quarry Lane, Suite 5", "Madison, WI 53703", "June 2, 2025",
                                "Brisk Ledger Inc.", "418 Larch Dr. S.W., Calgary, AB, T3E 1K9"] + opinion +
            ["a) The description presents Brisk Ledger Inc.'s system that was designed and implemented throughout the period May 1, 2025 to October 31, 2025.",
             "Fallowmere Audit LLP confirms SOC 2 Type 2 compliance by Brisk Ledger Inc. in accordance with the AICPA's Trust Service Criteria for Security."])
        XCTAssertEqual(document.fields["service_organization"]?.value, .text("Brisk Ledger Inc."))
        XCTAssertEqual(document.fields["locations"]?.value, .list(["418 Larch Dr. S.W., Calgary, AB, T3E 1K9"]))
        XCTAssertEqual(document.fields["locations"]?.confidence ?? 0, 0.7, accuracy: 0.001)
        XCTAssertEqual(document.fields["locations"]?.evidence.first?.quote, "418 Larch Dr. S.W., Calgary, AB, T3E 1K9")
        XCTAssertEqual(document.fields["locations"]?.evidence.first?.page, 1)
    }

    /// The criteria's own title names all five categories: it says nothing about the report's scope.
    func testTheCriteriaTitleIsNotTheReportsCategories() {
        let document = extract(opinion + ["The examination was performed in accordance with the Trust Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and Privacy."])
        XCTAssertNil(document.fields["trust_services_categories"])
    }
}
