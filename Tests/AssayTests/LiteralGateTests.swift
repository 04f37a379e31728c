import AssayModel
import Foundation
import XCTest
@testable import AssayCore

/// `LiteralGate`: the words read from a pattern, when the gate may answer without the expression, and
/// that no gate of the expressions an extraction uses ever turns away a line its expression matches.
final class LiteralGateTests: XCTestCase {
    private func words(_ pattern: String, _ options: NSRegularExpression.Options = [.caseInsensitive]) -> [String]? {
        LiteralGate(pattern: pattern, options: options).map { $0.words.map { String(decoding: $0, as: UTF8.self) } }
    }

    func testRequiredWordsReadFromPatterns() throws {
        // The longest word outside optional parts; a quantified character ends a word ("controls?").
        XCTAssertEqual(words(#"^\s*(?:(?:section\s+)?\d{1,2}\.?\s+)?(?:the\s+)?complementary\s+subservice\s+organi[sz]ation\s+controls?\s*$"#),
                       ["complementary"])
        XCTAssertEqual(words(#"\bsample(?:d)? of (?<sample>\d+)"#), ["sample"])
        // One word from each branch of an alternation, at the top or in a required group.
        XCTAssertEqual(words(#"inquir(?:ed|ies)\b|observed\b|witnessed\b"#), ["inquir", "observed", "witnessed"])
        XCTAssertEqual(words(#"(?:^|[.;:,]\s*)(?:inquir(?:ed|ies)\b|observed\b)"#), ["inquir", "observed"])
        XCTAssertEqual(words("colou?r"), ["colo"])
        XCTAssertEqual(words("x{0,3}abcd"), ["abcd"])
        XCTAssertEqual(words(#"[abc\]]def"#), ["def"])
        XCTAssertEqual(words(#"\p{L}+report"#), ["report"])
        XCTAssertEqual(words("(?:abc)?defg"), ["defg"])
        XCTAssertEqual(words("(?<name>Exception) noted", []), ["Exception"])
        XCTAssertEqual(words("ABC-Defg", []), ["Defg"])
        // A two-letter word where a branch has no longer one, rather than a digit.
        let counted = LiteralGate(pattern: #"(?:\bsampled\b)|(?:\b\d+\s+of\s+(the\s+)?\d+\b)"#, options: [.caseInsensitive])
        XCTAssertEqual(counted?.words, [Array("of".utf8), Array("sampled".utf8)])
        XCTAssertEqual(counted?.mayMatch("The log was inspected"), false)
        XCTAssertEqual(counted?.mayMatch("For 3 of 25 changes"), true)
        XCTAssertEqual(words("abc|de"), ["abc", "de"])
        // A branch that needs only a digit: the text must hold one of the words or a digit.
        let either = LiteralGate(pattern: #"sampled|\d+%"#, options: [.caseInsensitive])
        XCTAssertEqual(either?.digit, true)
        XCTAssertEqual(either?.mayMatch("The log was inspected"), false)
        XCTAssertEqual(either?.mayMatch("For 30% of changes"), true)
        XCTAssertEqual(LiteralGate(pattern: #"\d?abc"#, options: [])?.digit, false)
        // Every branch needs a digit besides its word: the text must hold both.
        let both = try XCTUnwrap(LiteralGate(pattern: #"\b\d+\s+of\s+(the\s+)?\d+\b"#, options: [.caseInsensitive]))
        XCTAssertTrue(both.requiresDigit)
        XCTAssertFalse(both.mayMatch("Inspected a sample of access requests"))
        XCTAssertFalse(both.mayMatch("CC6.1 Logical access"))
        XCTAssertTrue(both.mayMatch("For 3 OF 25 changes"))
        XCTAssertTrue(both.mayMatch("For \u{0663} of \u{0665} changes"))
        XCTAssertFalse(try XCTUnwrap(LiteralGate(pattern: #"\d+ of|none of"#, options: [])).requiresDigit)
        // No gate: too short, a branch without a word, lookarounds only, inline flags, quoting, free spacing.
        XCTAssertNil(words("a"))
        XCTAssertNil(words("abc|d"))
        XCTAssertNil(words("(?=abcd)d"))
        XCTAssertNil(words("(?i)abcd"))
        XCTAssertNil(words(#"\Qabcd\E"#))
        XCTAssertNil(words("abcd", [.caseInsensitive, .allowCommentsAndWhitespace]))
        XCTAssertNil(words("abcd)"))
    }

    func testGateAnswersOnlyWhereItCannotBeWrong() throws {
        let folded = try XCTUnwrap(LiteralGate(pattern: "financial", options: [.caseInsensitive]))
        XCTAssertFalse(folded.mayMatch("Operating results for the year"))
        XCTAssertTrue(folded.mayMatch("FINANCIAL STATEMENTS"))
        // ICU folds the ligature to "fi": a text that is not ASCII runs the expression.
        XCTAssertTrue(folded.mayMatch("ﬁnancial statements"))
        let exact = try XCTUnwrap(LiteralGate(pattern: "Exception", options: []))
        XCTAssertFalse(exact.mayMatch("EXCEPTION noted"))
        XCTAssertTrue(exact.mayMatch("Exception noted — ‘see below’"))
        XCTAssertFalse(exact.mayMatch("No deviations noted — ‘see below’"))
    }

    /// Searching lines as one joined text answers as searching them one by one.
    func testMatchesAnySearchesLinesAsOneByOne() throws {
        let counted = try NSRegularExpression(pattern: #"\bsamples?\s+of\s+\d+"#, options: [.caseInsensitive])
        XCTAssertTrue(SOCRegex.matchesAny(counted, ["Inspected the policy", "Selected a sample of 25 changes", "Inquired"]))
        // Across two lines is no match of either.
        XCTAssertFalse(SOCRegex.matchesAny(counted, ["Inspected a sample", "of 25 changes", "and more"]))
        XCTAssertTrue(SOCRegex.matchesAny(counted, ["Inspected a sample", "of 25 changes", "a sample of 3 tickets"]))
        // A word boundary at a line's end reads as at the text's end.
        let word = try NSRegularExpression(pattern: #"\bsampled\b"#, options: [.caseInsensitive])
        XCTAssertTrue(SOCRegex.matchesAny(word, ["resampled items", "items sampled"]))
        XCTAssertFalse(SOCRegex.matchesAny(word, ["resampled items", "unsampledx", "sampledx"]))
        // Anchors are read line by line.
        let anchored = try NSRegularExpression(pattern: "^no exceptions$", options: [.caseInsensitive])
        XCTAssertTrue(SOCRegex.matchesAny(anchored, ["Tested the control", "No exceptions"]))
        XCTAssertFalse(SOCRegex.matchesAny(anchored, ["Tested: no exceptions", "No exceptions noted"]))
    }

    /// A pattern anchored at the text's start turns a text away by its first character, where that is certain.
    func testAnchoredPatternsGateOnTheirFirstCharacter() throws {
        let heading = try XCTUnwrap(LiteralGate(pattern: #"^(?:(CC\d{1,2}(?:\.\d{1,2})?|A1\.\d|P\d\.\d)(?::|\b)|(Control Objective \d{1,2})\b)"#,
                                                options: [.caseInsensitive]))
        XCTAssertFalse(heading.mayMatch("The entity performs a review"))
        XCTAssertFalse(heading.mayMatch(""))
        XCTAssertTrue(heading.mayMatch("CC6.1 Logical access"))
        XCTAssertTrue(heading.mayMatch("control objective 4: payroll"))
        XCTAssertTrue(heading.mayMatch("pi1.2 processing"))
        // A text opening with a character that is not ASCII runs the expression.
        XCTAssertTrue(heading.mayMatch("\u{212A}eine"))
        let numbered = try XCTUnwrap(LiteralGate(pattern: #"^\d{1,2}[.)]\s"#, options: []))
        XCTAssertFalse(numbered.mayMatch("a) first"))
        XCTAssertTrue(numbered.mayMatch("2) second"))
        XCTAssertTrue(numbered.mayMatch("\u{0663}) third"))
        let exact = try XCTUnwrap(LiteralGate(pattern: "^No exceptions", options: []))
        XCTAssertFalse(exact.mayMatch("no exceptions"))
        // No first-character gate: an optional first atom, a class, an alternation outside a group, line anchors.
        for (pattern, options) in [("^(?:the )?controls", NSRegularExpression.Options.caseInsensitive), (#"^[A-Z]{2}-\d"#, []),
                                   ("^ab|cd", []), (#"^\s*abc"#, []), ("^abcd", .anchorsMatchLines), ("^(?i)ab", []), ("^a{0,2}b", [])] {
            XCTAssertNil(LeadingCharacters.read(pattern, options: options), pattern)
        }
        XCTAssertEqual(LeadingCharacters.read("^(?:ab|Cd|7)", options: [.caseInsensitive])?.enumerated().filter(\.element).map(\.offset),
                       [0x37, 0x41, 0x43, 0x61, 0x63])
    }

    /// Every expression the SOC extraction of long reports asked about, tried on every line of those
    /// reports (and of a German and a Swedish text): where the gate says no, the expression finds nothing.
    func testNoGateHidesAMatchOnRealLines() throws {
        var lines: [String] = []
        for path in ["soc2/corvane-analytics-soc2-type2-2026.pdf", "soc1/aldergrove-isae3402-soc1-type2-2026.pdf",
                     "text/brennwald-tom-pruefbericht-de.txt", "text/norrsken-trust-sv.txt"] {
            let (_, pages) = DocumentPipeline.extractWithPages(path: Repo.corpus(path), options: ExtractOptions(asOf: "2026-11-01"))
            lines += (pages?.pages ?? []).flatMap { $0.lines.map(\.text) }
        }
        XCTAssertGreaterThan(lines.count, 3_000)
        let expressions = LiteralGates.known
        XCTAssertGreaterThan(expressions.count, 60)
        var gated = 0
        for expression in expressions {
            guard let gate = LiteralGates.gate(for: expression) else { continue }
            gated += 1
            for line in lines where !gate.mayMatch(line) {
                let found = expression.firstMatch(in: line, range: NSRange(location: 0, length: (line as NSString).length))
                XCTAssertNil(found, "/\(expression.pattern)/ matches '\(line)' that its gate \(gate.words) turned away")
            }
        }
        print("literal gates: \(gated) of \(expressions.count) expressions, \(lines.count) lines")
        XCTAssertGreaterThan(gated, 30)
    }
}
