import AssayModel
import XCTest
@testable import AssayCore

/// Complementary user-entity controls laid out as real reports lay them out: a table of criteria
/// cells beside controls that carry a Symbol-font bullet (U+F0B7) and share a cell, and bulleted
/// controls under criteria headings whose wording stands left of the bullets. The wording is ours.
final class SOCCUECLayoutTests: XCTestCase {
    private typealias L = SyntheticLayout

    /// A SOC 2 report whose description ends with `lines` on page 2 (and `more` on page 3).
    private func cuecs(_ lines: [TextLine], more: [TextLine] = []) -> [CUEC] {
        let first = [
            L.line("SOC 2 Type 2 Report", y: 60, size: 20),
            L.line("Section 3", y: 120),
            L.line("Description of the Ledgerline System", y: 140),
            L.line("Complementary User Entity Controls", y: 170),
            L.line("The controls below are expected to operate at each user entity.", y: 190),
        ]
        let paged = PagedText(mediaType: .pdf, pages: [L.page(1, first), L.page(2, lines)] + (more.isEmpty ? [] : [L.page(3, more)]))
        return DocumentPipeline.analyse(paged, source: SourceInfo(path: "synthetic.pdf"), options: ExtractOptions()).cuecs
    }

    func testCriteriaCellsBesideSymbolFontBullets() {
        let bullet = "\u{F0B7}"
        let found = cuecs([
            L.row([("Criteria", 60), ("Complementary User Entity Controls", 140)], y: 60),
            L.row([("CC6.1", 60), (bullet, 140), ("Customers are responsible for granting access to their own staff only.", 155)], y: 80),
            L.row([(bullet, 140), ("Customers are responsible for keeping their passwords", 155)], y: 94),
            L.row([("secret.", 160)], y: 106),
            L.row([("CC7.2", 60), (bullet, 140), ("Tablet-only - Customers are responsible for locking lost devices.", 155)], y: 126),
            L.row([(bullet, 140), ("Integrators must protect the keys they are issued.", 155)], y: 140),
            L.line("Complementary Subservice Organization Controls", y: 170),
        ])
        XCTAssertEqual(found.map(\.text), [
            "Customers are responsible for granting access to their own staff only.",
            "Customers are responsible for keeping their passwords secret.",
            "Tablet-only - Customers are responsible for locking lost devices.",
            "Integrators must protect the keys they are issued.",
        ])
        // A control that names no criteria serves the cell it stands in.
        XCTAssertEqual(found.map(\.criteria), [["CC6.1"], ["CC6.1"], ["CC7.2"], ["CC7.2"]])
        XCTAssertEqual(found.first?.evidence.first?.page, 2)
    }

    func testBulletsUnderCriteriaHeadingsWithASpaceAfterCC() {
        let found = cuecs([
            L.row([("ID", 60), ("Criteria", 120)], y: 60),
            L.row([("CC 2.1", 60), ("The entity obtains and uses relevant information to support", 120)], y: 80),
            L.line("the functioning of internal control.", x: 120, y: 92),
            L.row([("•", 140), ("User entities are responsible for reporting wrong data to the vendor.", 155)], y: 110),
            L.row([("CC 6.2", 60), ("The entity registers and authorises new users before issuing", 120)], y: 130),
            L.line("credentials.", x: 120, y: 142),
            L.row([("•", 140), ("User entities are responsible for naming who may approve", 155)], y: 160),
            L.line("new accounts.", x: 160, y: 172),
            L.row([("•", 140), ("User entities are responsible for removing leavers promptly.", 155)], y: 186),
        ])
        XCTAssertEqual(found.map(\.text), [
            "User entities are responsible for reporting wrong data to the vendor.",
            "User entities are responsible for naming who may approve new accounts.",
            "User entities are responsible for removing leavers promptly.",
        ])
        XCTAssertEqual(found.map(\.criteria), [["CC2.1"], ["CC6.2"], ["CC6.2"]])
        // The evidence is the control's own line, not its bullet.
        XCTAssertEqual(found.first?.evidence.first?.quote, "• User entities are responsible for reporting wrong data to the vendor.")
    }

    func testABulletedListGoesOnPastAFooterTheFurnitureCheckMissed() {
        let found = cuecs([
            L.row([("CC 2.1", 60), ("The entity obtains and uses relevant information.", 120)], y: 600),
            L.row([("•", 140), ("User entities are responsible for reporting wrong data to the vendor.", 155)], y: 620),
            // A footer printed on these two pages only, so not page furniture.
            L.line("Ledgerline System Description", y: 720),
        ], more: [
            L.line("Security (Continued)", y: 60),
            L.row([("CC 6.2", 60), ("The entity registers new users before issuing credentials.", 120)], y: 80),
            L.row([("•", 140), ("User entities are responsible for removing leavers promptly.", 155)], y: 100),
            L.line("Complementary Subservice Organization Controls", y: 140),
            L.row([("•", 140), ("Cloud hosting is provided by a subservice organization.", 155)], y: 160),
        ])
        XCTAssertEqual(found.map(\.text), [
            "User entities are responsible for reporting wrong data to the vendor.",
            "User entities are responsible for removing leavers promptly.",
        ])
        XCTAssertEqual(found.map(\.criteria), [["CC2.1"], ["CC6.2"]])
        XCTAssertEqual(found.last?.evidence.first?.page, 3)
    }

    func testCriteriaAndIDColumnsRightOfTheWordingAreLeftOut() {
        let found = cuecs([
            L.row([("Complementary User Entity Controls", 60), ("Criteria", 300), ("Catalogue IDs", 420)], y: 60),
            L.row([("Customers are responsible for telling", 60), ("CC7.3, CC7.4", 300), ("INC-01, INC-02,", 420)], y: 80),
            L.row([("the vendor of incidents in their account.", 60), ("INC-05", 420)], y: 92),
            L.row([("Customers using single sign-on", 60), ("CC6.1, CC6.2", 300), ("IAM-01, IAM-03", 420)], y: 112),
            L.row([("are responsible for enforcing a second", 60)], y: 124),
            L.row([("factor for their administrators.", 60)], y: 136),
            L.line("This list should not be taken as complete.", y: 166),
            L.line("Complementary Subservice Organization Controls", y: 200),
        ])
        XCTAssertEqual(found.map(\.text), [
            "Customers are responsible for telling the vendor of incidents in their account.",
            "Customers using single sign-on are responsible for enforcing a second factor for their administrators.",
        ])
        XCTAssertEqual(found.map(\.criteria), [["CC7.3", "CC7.4"], ["CC6.1", "CC6.2"]])
    }

    func testWordsWrappedInBidiMarks() {
        // Some editors' exports wrap each word in LEFT-TO-RIGHT OVERRIDE … POP DIRECTIONAL FORMATTING.
        func wrapped(_ text: String) -> String { text.split(separator: " ").map { "\u{202D}\($0)\u{202C}" }.joined(separator: " ") }
        let found = cuecs([
            L.row([(wrapped("The user entity is responsible for approving new accounts."), 60)], y: 60),
            L.row([(wrapped("The user entity is responsible for encrypting data it sends."), 60)], y: 74),
            L.line("Complementary Subservice Organization Controls", y: 120),
        ])
        XCTAssertEqual(found.map(\.text), [
            "The user entity is responsible for approving new accounts.",
            "The user entity is responsible for encrypting data it sends.",
        ])
    }
}
