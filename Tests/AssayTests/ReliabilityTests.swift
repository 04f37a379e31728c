@testable import Assay
@testable import AssayCore
import AssayModel
import Foundation
import XCTest

/// The reliability signals, each shown firing and staying silent with exact values, on synthetic
/// documents (the tests-of-controls reader that fills `controls[]` lands separately); the template
/// fingerprint; and the report-mill pair in `corpus/mill`.
final class ReliabilityTests: XCTestCase {
    static let book = RuleBook(directory: Repo.root.appendingPathComponent("extractors"))

    static func rules() throws -> ReliabilityRules.Compiled { try ReliabilityRules.Compiled.load(book) }

    static let boilerplate = "Inquired of management and determined that the control was in place and operating as described."

    /// A SOC 2 Type II report with the fields given (each quoted on page 2) and `controls`.
    static func report(_ fields: [String: String] = [:], controls: [TestedControl] = [], type: ReportType = .type2,
                       pages: Int = 12, path: String = "v/soc2.pdf") -> AssayDocument {
        var document = AssayDocument(source: SourceInfo(path: path, pages: pages), document: DocumentInfo(kind: .soc2, type: type, confidence: 0.99))
        for (key, value) in fields {
            document.fields[key] = Field(value: .text(value), confidence: 0.95, evidence: [Evidence(page: 2, quote: value)])
        }
        document.controls = controls
        return document
    }

    /// `count` controls CC1 … CCn; `test(i)` gives control i's test text and methods.
    static func controls(_ count: Int, result: TestResult = .noException, sample: Int? = nil,
                         _ test: (Int) -> (String, [TestMethod])) -> [TestedControl] {
        (1...count).map { index in
            let (text, methods) = test(index)
            let tested = ControlTest(text: text, methods: methods, sampleSize: sample, result: result,
                                     resultText: "No exceptions noted.", evidence: [Evidence(page: 10 + index, quote: text)])
            return TestedControl(controlID: "CC\(index)", text: "Control \(index).", criteria: [], tests: [tested], confidence: 0.9,
                                 evidence: [Evidence(page: 10 + index, quote: "Control \(index).")])
        }
    }

    static func signals(_ document: AssayDocument, lines: [String] = []) throws -> [ReliabilitySignal] {
        let input = ReliabilityInput(document: document, lines: lines.map { .init(page: 12, text: $0) }, rules: try rules())
        return try ReliabilityMapper.signals(input).map(\.signal)
    }

    static func signal(_ code: String, _ document: AssayDocument, lines: [String] = []) throws -> ReliabilitySignal? {
        try signals(document, lines: lines).first { $0.code == code }
    }

    // MARK: Boilerplate tests

    /// The byte-by-byte key of an ASCII test is the scalar-by-scalar one; other text has none.
    func testBoilerplateKeysOfASCIITextsAreTheScalarKeys() {
        let texts = [" Inspected 25 of 1,200 changes;  dated 31.12.2025 - and 3/4 ... ", "A.1-2 .5 x9 9x", ":;. .", "", "  \t\n ",
                     "Selected\ta sample of 40 (4.5%) -12 items.", "No. 7, 8 and 9:", "Tested CC6.1, CC 6.2 and A1.2."]
        for text in texts {
            XCTAssertEqual(BoilerplateTestsCheck.asciiNormalized(text), BoilerplateTestsCheck.scalarNormalized(text), text)
        }
        XCTAssertEqual(BoilerplateTestsCheck.asciiNormalized(" Inspected 25 of 1,200 changes; "), "inspected # of # changes")
        XCTAssertNil(BoilerplateTestsCheck.asciiNormalized("Prüfung von 25 Änderungen"))
        XCTAssertEqual(BoilerplateTestsCheck.normalized("Prüfung von 25 Änderungen."), "prüfung von # änderungen")
    }

    func testBoilerplateFiresWhenTenOfTwelveControlsShareOneTestSentence() throws {
        let controls = Self.controls(12) { $0 <= 10 ? (Self.boilerplate, [.inquiry]) : ("Inspected the ticket for change \($0).", [.inspection]) }
        let signal = try XCTUnwrap(Self.signal("boilerplate_tests", Self.report(controls: controls)))
        XCTAssertEqual(signal.value, 0.833)
        XCTAssertEqual(signal.threshold, 0.8)
        XCTAssertEqual(signal.finding, "soc.reliability.boilerplate_tests")
        XCTAssertEqual(signal.evidence, [Evidence(page: 11, quote: Self.boilerplate), Evidence(page: 12, quote: Self.boilerplate),
                                         Evidence(page: 13, quote: Self.boilerplate)])
        XCTAssertTrue(signal.explanation.hasPrefix("The same test description is given for 10 of 12 tested controls (83%): \"Inquired of management"))
    }

    func testBoilerplateStaysSilentBelowTheShareAndOnFewControls() throws {
        let nine = Self.controls(12) { $0 <= 9 ? (Self.boilerplate, [.inquiry]) : ("Inspected the ticket for change \($0).", [.inspection]) }
        XCTAssertNil(try Self.signal("boilerplate_tests", Self.report(controls: nine)), "9 of 12 is 75%, under 80%")
        let few = Self.controls(9) { _ in (Self.boilerplate, [.inquiry]) }
        XCTAssertNil(try Self.signal("boilerplate_tests", Self.report(controls: few)), "nine controls are too few to judge")
        // Numbers differ from control to control but are masked: still the same sentence.
        let numbered = Self.controls(10) { ("Inspected a sample of \($0 * 5) tickets and determined that each was approved.", [.inspection]) }
        XCTAssertEqual(try Self.signal("boilerplate_tests", Self.report(controls: numbered))?.value, 1)
    }

    // MARK: Inquiry-only testing

    func testInquiryOnlyFiresOnSixOfTenAndStaysSilentOnFour() throws {
        let six = Self.controls(10) { $0 <= 6 ? ("Inquired of the owner of control \($0).", [.inquiry]) : ("Inspected evidence \($0).", [.inquiry, .inspection]) }
        let signal = try XCTUnwrap(Self.signal("inquiry_only_testing", Self.report(controls: six)))
        XCTAssertEqual(signal.value, 0.6)
        XCTAssertEqual(signal.threshold, 0.5)
        XCTAssertEqual(signal.evidence.map(\.page), [11, 12, 13])
        XCTAssertTrue(signal.explanation.hasPrefix("6 of 10 tested controls (60%) were tested by inquiry alone."))
        let four = Self.controls(10) { $0 <= 4 ? ("Inquired of the owner of control \($0).", [.inquiry]) : ("Inspected evidence \($0).", [.inspection]) }
        XCTAssertNil(try Self.signal("inquiry_only_testing", Self.report(controls: four)))
        // Controls whose method was not read are not judged: ten read are needed.
        let unread = Self.controls(12) { $0 <= 3 ? ("Inquired.", [.inquiry]) : ("Tested.", []) }
        XCTAssertNil(try Self.signal("inquiry_only_testing", Self.report(controls: unread)))
    }

    // MARK: No sample sizes

    func testNoSampleSizesFiresOnlyWhenNoSampleIsPrintedAnywhere() throws {
        let bare = Self.controls(10) { ("Inspected the configuration of system \($0).", [.inspection]) }
        let signal = try XCTUnwrap(Self.signal("no_sample_sizes", Self.report(controls: bare), lines: ["Inspected the configuration of system 1."]))
        XCTAssertEqual(signal.value, 0)
        XCTAssertEqual(signal.evidence.count, 3)
        XCTAssertTrue(signal.explanation.hasPrefix("This Type II report tests 10 controls and states no sample size anywhere."))
        let sampled = Self.controls(10, sample: 25) { ("Inspected the configuration of system \($0).", [.inspection]) }
        XCTAssertNil(try Self.signal("no_sample_sizes", Self.report(controls: sampled)), "a sample size was read")
        XCTAssertNil(try Self.signal("no_sample_sizes", Self.report(controls: bare), lines: ["Inspected a sample of 25 changes."]),
                     "the tests of controls print a sample the reader did not attach")
        XCTAssertNil(try Self.signal("no_sample_sizes", Self.report(controls: bare, type: .type1)), "a Type I report has no samples")
    }

    // MARK: No exceptions in a long report

    func testNoExceptionsFiresOnSixtyCleanControlsOverFortyPages() throws {
        let clean = Self.controls(60) { ("Inspected record \($0).", [.inspection]) }
        let signal = try XCTUnwrap(Self.signal("no_exceptions_long_report", Self.report(controls: clean, pages: 40)))
        XCTAssertEqual(signal.value, 60)
        XCTAssertEqual(signal.threshold, 60)
        XCTAssertEqual(signal.evidence.map(\.page), [11, 12, 13])
        XCTAssertNil(try Self.signal("no_exceptions_long_report", Self.report(controls: Array(clean.prefix(59)), pages: 40)))
        XCTAssertNil(try Self.signal("no_exceptions_long_report", Self.report(controls: clean, pages: 39)))
        var withException = clean
        withException[5].tests[0].result = .exception
        XCTAssertNil(try Self.signal("no_exceptions_long_report", Self.report(controls: withException, pages: 40)))
    }

    // MARK: Period, issue date, auditor

    func testShortPeriodAndLateIssue() throws {
        let short = Self.report(["period_start": "2026-01-01", "period_end": "2026-03-31", "report_date": "2026-11-26"])
        let found = try Self.signals(short)
        XCTAssertEqual(found.map(\.code), ["period_short", "issued_late"])
        XCTAssertEqual(found.map(\.value), [90, 240])
        XCTAssertEqual(found.map(\.finding), ["soc.period_short", "soc.reliability.issued_late"])
        XCTAssertEqual(found[1].evidence, [Evidence(page: 2, quote: "2026-03-31"), Evidence(page: 2, quote: "2026-11-26")])
        XCTAssertEqual(found[1].explanation.prefix(62), "The report is dated 240 days after the end of the period it co")
        let usual = Self.report(["period_start": "2026-01-01", "period_end": "2026-06-30", "report_date": "2026-08-15"])
        XCTAssertEqual(try Self.signals(usual).map(\.code), [], "181 days is six months; 46 days is an ordinary delay")
        // A field without evidence cannot carry a signal.
        var unquoted = short
        for key in ["period_start", "period_end", "report_date"] { unquoted.fields[key]?.evidence = [] }
        XCTAssertEqual(try Self.signals(unquoted).map(\.code), [])
    }

    func testAuditorUnnamedRestsOnTheOpinion() throws {
        let unsigned = Self.report(["opinion": "unqualified"])
        let signal = try XCTUnwrap(Self.signal("auditor_unnamed", unsigned))
        XCTAssertEqual(signal.evidence, [Evidence(page: 2, quote: "unqualified")])
        XCTAssertEqual(signal.finding, "soc.auditor_unidentified")
        XCTAssertNil(try Self.signal("auditor_unnamed", Self.report()), "no opinion read: nothing to cite")
        XCTAssertNil(try Self.signal("auditor_unnamed", Self.report(["opinion": "unqualified", "service_auditor": "Marsh & Tull LLP"])))
    }

    func testFirmUnverifiable() throws {
        let firm = Self.report(["service_auditor": "Brackwater Assurance LLC"])
        let lines = ["conducted in accordance with attestation standards established by the American Institute of Certified Public",
                     "Accountants. Those standards require that we plan and perform"]
        let signal = try XCTUnwrap(Self.signal("firm_unverifiable", firm, lines: lines), "the AICPA's name is not the firm's licence")
        XCTAssertEqual(signal.evidence, [Evidence(page: 2, quote: "Brackwater Assurance LLC")])
        XCTAssertTrue(signal.explanation.hasPrefix("The report names Brackwater Assurance LLC as the service auditor"))
        XCTAssertNil(try Self.signal("firm_unverifiable", firm, lines: lines + ["Brackwater Assurance LLC, Certified Public Accountants"]))
        XCTAssertNil(try Self.signal("firm_unverifiable", firm, lines: ["Brackwater Assurance is a licensed CPA", "firm in Ohio."]))
        XCTAssertNil(try Self.signal("firm_unverifiable", Self.report(["service_auditor": "Marsh & Tull LLP"]), lines: lines))
        XCTAssertNil(try Self.signal("firm_unverifiable", Self.report(["service_auditor": "Okafor Reyes, P.C."]), lines: lines))
    }

    // MARK: The mapper

    func testMapperRaisesLowFindingsAndLeavesOtherKindsAlone() throws {
        var document = Self.report(["service_auditor": "Brackwater Assurance LLC", "period_end": "2026-03-31", "report_date": "2026-11-26"],
                                   controls: Self.controls(10) { _ in (Self.boilerplate, [.inquiry]) })
        let catalogue = try Self.book.load(FindingCatalogue.self, from: "map/findings.yaml")
        try ReliabilityMapper.apply(rules: Self.rules(), catalogue: catalogue, lines: [], to: &document)
        XCTAssertEqual(document.reliability?.signals.map(\.code),
                       ["boilerplate_tests", "inquiry_only_testing", "no_sample_sizes", "issued_late", "firm_unverifiable"])
        XCTAssertEqual(document.findings.map(\.code), ["soc.reliability.boilerplate_tests", "soc.reliability.inquiry_only_testing",
                                                       "soc.reliability.no_sample_sizes", "soc.reliability.issued_late",
                                                       "soc.reliability.firm_unverifiable"])
        XCTAssertEqual(Set(document.findings.map(\.severity)), [.low])
        XCTAssertEqual(document.findings[1].message, "10 of 10 tested controls (100%) were tested by inquiry alone.")
        XCTAssertEqual(document.findings[4].followUp?.contains("Brackwater Assurance LLC"), true)
        XCTAssertTrue(document.findings.allSatisfy { !$0.evidence.isEmpty })
        // Without controls (today's real output), the signals that need them stay silent.
        var bare = Self.report(["service_auditor": "Marsh & Tull LLP"])
        try ReliabilityMapper.apply(rules: Self.rules(), catalogue: catalogue, lines: [], to: &bare)
        XCTAssertEqual(bare.reliability, Reliability(signals: []))
        XCTAssertEqual(bare.findings, [])
        var certificate = AssayDocument(source: SourceInfo(path: "c.pdf"), document: DocumentInfo(kind: .isoCertificate, confidence: 0.9))
        XCTAssertFalse(ReliabilityMapper.applies(to: certificate))
        certificate.document.kind = .soc3
        XCTAssertFalse(ReliabilityMapper.applies(to: certificate), "a SOC 3 report carries no tests")
    }

    // MARK: Template fingerprint

    func testFingerprintShinglesAndJaccard() {
        func document(_ tests: [String], organization: String) -> AssayDocument {
            var document = Self.report(["service_organization": organization], controls: [])
            document.controls = [TestedControl(controlID: "CC1", text: "", criteria: [], tests: tests.map {
                ControlTest(text: $0, methods: [.inquiry], result: .noException, evidence: [])
            }, confidence: 0.9, evidence: [])]
            return document
        }
        let a = TemplateFingerprint(document: document(["alpha beta gamma delta epsilon zeta"], organization: "Acme"), words: 5)
        XCTAssertEqual(a.shingles, ["alpha beta gamma delta epsilon", "beta gamma delta epsilon zeta"])
        let b = TemplateFingerprint(document: document(["Alpha beta gamma delta epsilon eta"], organization: "Acme"), words: 5)
        XCTAssertEqual(a.similarity(to: b), 1.0 / 3.0)
        // Names the report gives and numbers are masked.
        let c = TemplateFingerprint(document: document(["Inquired of Acme Ltd staff about 25 tickets"], organization: "Acme Ltd"), words: 5)
        let d = TemplateFingerprint(document: document(["Inquired of Brill Corp staff about 40 tickets"], organization: "Brill Corp"), words: 5)
        XCTAssertEqual(c.similarity(to: d), 1)
        XCTAssertTrue(c.shingles.contains("inquired of <name> staff about"))
        XCTAssertEqual(TemplateFingerprint(shingles: []).similarity(to: a), 0)
    }

    // MARK: The report-mill pair

    /// Each control's tests as the Section IV of a plain-text corpus report prints them ("CC6.1  text" then
    /// "Test: …" over one or more lines): a stand-in for the tests-of-controls reader.
    static func controls(fromText path: String) throws -> [TestedControl] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var controls: [TestedControl] = []
        var current: (id: String, test: String)?
        var inTest = false
        func flush() {
            guard let current, !current.test.isEmpty else { return }
            let test = current.test.foldedWhitespace
            let methods: [TestMethod] = test.lowercased().hasPrefix("inquired") && !test.lowercased().contains("inspect") ? [.inquiry] : [.inspection]
            let sample = test.range(of: "sample of [0-9]+", options: .regularExpression).map { Int(test[$0].split(separator: " ").last ?? "") ?? 0 }
            controls.append(TestedControl(controlID: current.id, text: "", criteria: [], tests: [
                ControlTest(text: test, methods: methods, sampleSize: sample, result: .noException, evidence: [Evidence(page: 1, quote: String(test.prefix(60)))]),
            ], confidence: 0.9, evidence: []))
        }
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let id = line.range(of: "^(CC|A|C|PI|P)[0-9]+\\.[0-9]+\\s", options: .regularExpression) {
                flush()
                current = (String(line[id]).trimmingCharacters(in: .whitespaces), "")
                inTest = false
            } else if trimmed.hasPrefix("Test:") {
                current?.test = String(trimmed.dropFirst(5))
                inTest = true
            } else if trimmed.hasPrefix("Result:") || trimmed.isEmpty {
                inTest = false
            } else if inTest {
                current?.test += " " + trimmed
            }
        }
        flush()
        return controls
    }

    static let millPaths = ["corpus/mill/Thistledown Payments/soc2-type2-2025-2026.txt", "corpus/mill/Marlowe Rook Health/soc2-type2-2026.txt"]
    /// The plain-text SOC 2 reports of the corpus whose Section IV this stand-in can read.
    static let otherTextReports = ["corpus/vendors/Corbel Metrics/soc2-type2-2024.txt", "corpus/vendors/Corbel Metrics/soc2-type2-2025-2026.txt",
                                   "corpus/vendors/Harwick Payroll/soc2-type2-2025-2026.txt", "corpus/text/ostrander-freight-soc2-type2-2026.txt"]

    /// The pipeline's document for `path` with the stand-in's controls and the reliability mapper run again.
    static func withControls(_ path: String) throws -> AssayDocument {
        let absolute = Repo.root.appendingPathComponent(path).path
        var document = DocumentPipeline.extract(path: absolute, label: path, options: ExtractOptions(asOf: "2026-11-01"))
        document.controls = try controls(fromText: absolute)
        document.findings.removeAll { $0.code.hasPrefix("soc.reliability.") }
        // The body lines, without the page furniture ("Page 5 of 6") the pipeline leaves out of them.
        let lines = try String(contentsOfFile: absolute, encoding: .utf8).components(separatedBy: "\n")
            .filter { $0.range(of: "^\\s*Page [0-9]+ of [0-9]+\\s*$", options: .regularExpression) == nil }
            .map { ReliabilityInput.Line(page: 1, text: $0) }
        try ReliabilityMapper.apply(rules: rules(), catalogue: book.load(FindingCatalogue.self, from: "map/findings.yaml"), lines: lines, to: &document)
        return document
    }

    func testTheMillPairFiresItsSignalsAndTheOtherReportsDoNot() throws {
        for path in Self.millPaths {
            let document = try Self.withControls(path)
            let signals = try XCTUnwrap(document.reliability?.signals)
            XCTAssertEqual(signals.filter { ["boilerplate_tests", "inquiry_only_testing", "no_sample_sizes", "firm_unverifiable"].contains($0.code) }
                .map(\.code), ["boilerplate_tests", "inquiry_only_testing", "no_sample_sizes", "firm_unverifiable"], path)
            XCTAssertEqual(signals.first { $0.code == "boilerplate_tests" }?.value, 0.833, path)
            XCTAssertEqual(signals.first { $0.code == "inquiry_only_testing" }?.value, 1, path)
            XCTAssertEqual(document.controls.count, 12)
        }
        for path in Self.otherTextReports {
            let document = try Self.withControls(path)
            XCTAssertFalse(document.controls.isEmpty, path)
            XCTAssertEqual(document.reliability?.signals.map(\.code), [], path)
        }
    }

    func testTemplateMatchPairsTheMillReportsOnly() throws {
        let matcher = try TemplateMatcher(rules: Self.book)
        var reports = try Self.millPaths.map { path in
            TemplateMatcher.Report(vendor: String(path.split(separator: "/")[2]), document: try Self.withControls(path))
        }
        reports += try Self.otherTextReports.map { path in
            TemplateMatcher.Report(vendor: String(path.split(separator: "/")[2]), document: try Self.withControls(path))
        }
        let matches = matcher.matches(reports)
        XCTAssertEqual(matches.map { "\($0.path) ~ \($0.otherPath) \($0.similarity)" }, [
            "\(Self.millPaths[1]) ~ \(Self.millPaths[0]) 0.961",
            "\(Self.millPaths[0]) ~ \(Self.millPaths[1]) 0.961",
        ])
        // The same report twice under one vendor is not a mill.
        XCTAssertEqual(matcher.matches([reports[0], TemplateMatcher.Report(vendor: reports[0].vendor, document: reports[1].document)]), [])
        let others = Dictionary(uniqueKeysWithValues: reports.map { ($0.document.source.path, $0.document) })
        let annotated = matcher.annotate(reports[0].document, with: matches, others: others)
        let finding = try XCTUnwrap(annotated.findings.first { $0.code == "soc.reliability.template_match" })
        XCTAssertEqual(finding.message, "The test descriptions are 96% the same as those of \(Self.millPaths[1]), a report on another vendor.")
        XCTAssertEqual(finding.evidence.count, 2, "the shared boilerplate sentence and the shared CC7.2 test, each quoted once")
        XCTAssertEqual(annotated.reliability?.signals.last?.code, "template_match")
        XCTAssertEqual(matcher.annotate(annotated, with: matches, others: others), annotated, "annotating twice changes nothing")
    }

    // MARK: Review page and memo

    func testReviewPageAndMemoShowEachSignalWithItsEvidence() throws {
        var document = Self.report(["period_start": "2026-01-01", "period_end": "2026-03-31"])
        let catalogue = try Self.book.load(FindingCatalogue.self, from: "map/findings.yaml")
        try ReliabilityMapper.apply(rules: Self.rules(), catalogue: catalogue, lines: [], to: &document)
        let page = ReportPage.render(document, pdf: nil)
        XCTAssertTrue(page.contains("<h2 id=\"reliability\">Reliability (1)</h2>"))
        XCTAssertTrue(page.contains("<li class=\"finding\"><strong>Period short</strong> <code>period_short</code><p>The review period is 90 days, less than six months."))
        XCTAssertTrue(page.contains("<figcaption>p. 2: <q>2026-01-01</q></figcaption>"))
        let memo = MarkdownMemo.render(document)
        XCTAssertTrue(memo.contains("## Reliability (1)\n\n- **Period short** `period_short` — The review period is 90 days, less than six months."))
        XCTAssertTrue(memo.contains("  - p. 2: “2026-03-31”"))
        // A report with no signal says so, on the page and in the memo (one outline).
        var clean = Self.report()
        try ReliabilityMapper.apply(rules: Self.rules(), catalogue: catalogue, lines: [], to: &clean)
        XCTAssertTrue(ReportPage.render(clean, pdf: nil).contains("<h2 id=\"reliability\">Reliability (0)</h2>\n<p>No sign that the report is weak evidence"))
        XCTAssertTrue(MarkdownMemo.render(clean).contains("## Reliability (0)\n\nNo sign that the report is weak evidence"))
    }
}
