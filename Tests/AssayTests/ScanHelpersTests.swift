import AssayModel
import Foundation
import XCTest
@testable import Assay
@testable import AssayCore

/// The hand-written scans that replaced slow regular expressions and character sets on the hot path of a
/// long Section IV, with exact readings, and the memoised method and sample readings.
final class ScanHelpersTests: XCTestCase {
    func testAResultStatementStartsWithItsSentence() {
        let text = "Exception noted: two of nine new joiners had no signed policy. Subsequent testing of the control disclosed that both signed later." as NSString
        let matched = text.range(of: "testing of the control").location
        let sentence = text.range(of: "Subsequent").location
        XCTAssertEqual(SOCExceptionExtractor.sentenceStart(before: matched, in: text, after: 0), sentence)
        // Never at or before the previous statement's start.
        XCTAssertEqual(SOCExceptionExtractor.sentenceStart(before: matched, in: text, after: sentence), matched)
        // A match deep inside a long sentence stays where it is.
        let long = "The operator confirmed that for every one of the sampled weekly reviews the reviewer initialled the log and no exceptions were noted." as NSString
        let inner = long.range(of: "no exceptions").location
        XCTAssertEqual(SOCExceptionExtractor.sentenceStart(before: inner, in: long, after: 0), inner)
    }

    func testFoldedForKeyKeepsLettersAndDigitsOneSpaceApart() {
        XCTAssertEqual("  Inspected the LOG; 25 tickets —  déjà vu!".foldedForKey, "inspected the log 25 tickets déjà vu")
        XCTAssertEqual("...".foldedForKey, "")
        XCTAssertEqual("Größe\tÜber-prüfung".foldedForKey, "größe über prüfung")
    }

    func testHyphensAtALineBreakAreJoined() {
        XCTAssertEqual(SOCExceptionExtractor.joiningHyphens("sign- off and follow- up"), "sign-off and follow-up")
        XCTAssertEqual(SOCExceptionExtractor.joiningHyphens("no hyphen here"), "no hyphen here")
        XCTAssertEqual(SOCExceptionExtractor.joiningHyphens("a - b"), "a -b")
    }

    func testNumbersMaskedAsOneMark() {
        XCTAssertEqual(BoilerplateTestsCheck.maskingNumbers("a sample of 25 of 1,250 changes on 31.12.2025-01"),
                       "a sample of # of # changes on #")
        XCTAssertEqual(BoilerplateTestsCheck.maskingNumbers("q-3 and 4/5."), "q-# and #")
        XCTAssertEqual(BoilerplateTestsCheck.normalized("Inspected 3 Tickets."), "inspected # tickets")
    }

    func testDetachedDropCapital() {
        XCTAssertTrue(SOCControlReader.opensWithDetachedCapital("O bserved the check"))
        XCTAssertFalse(SOCControlReader.opensWithDetachedCapital("A review was done"))
        XCTAssertFalse(SOCControlReader.opensWithDetachedCapital("I nspected"))
        XCTAssertFalse(SOCControlReader.opensWithDetachedCapital("O B"))
        XCTAssertFalse(SOCControlReader.opensWithDetachedCapital("Ob"))
    }

    func testAnyTextMatchesOnlyWithinOneText() throws {
        let pattern = try NSRegularExpression(pattern: #"\bsample\s+of\s+\d+"#, options: [.caseInsensitive])
        XCTAssertTrue(ReliabilityInput.any(["Inspected the log.", "Selected a sample of 25 items."], matches: pattern))
        // Joined, the two texts would match across the break; one by one they do not.
        XCTAssertFalse(ReliabilityInput.any(["Selected a sample", "of 25 items."], matches: pattern))
        XCTAssertFalse(ReliabilityInput.any([], matches: pattern))
    }

    func testMethodAndSampleReadingsAreTheSameWhenRepeated() throws {
        let reader = try SOCControlReader(RuleBook.standard().load(SOCControlReader.Rules.self, from: SOCControlReader.file))
        let text = "Inquired of the lead and inspected a sample of 25 of 300 tickets."
        for _ in 0..<2 {
            XCTAssertEqual(reader.methods(in: text), [.inquiry, .inspection])
            XCTAssertEqual(reader.sample(in: text).sample, 25)
            XCTAssertEqual(reader.sample(in: text).population, 300)
        }
        XCTAssertEqual(reader.methods(in: "The policy was read."), [])
    }
}
