import AssayModel
import Foundation

/// What a reliability check sees: the document after extraction, the report's body lines (page and
/// text) and the compiled rules.
struct ReliabilityInput {
    struct Line: Sendable, Hashable {
        var page: Int
        var text: String
    }

    var document: AssayDocument
    var lines: [Line]
    var rules: ReliabilityRules.Compiled
    /// The lines joined by newlines, so a pattern can match wording broken over two lines.
    var text: String
    /// Threads a check may spread a long scan over (the checks themselves already run side by side).
    var threads = 1

    init(document: AssayDocument, lines: [Line], rules: ReliabilityRules.Compiled, text: String? = nil) {
        self.document = document
        self.lines = lines
        self.rules = rules
        self.text = text ?? lines.map(\.text).joined(separator: "\n")
    }

    /// Controls with at least one test: the ones a test-based signal can judge.
    var testedControls: [TestedControl] { document.controls.filter { !$0.tests.isEmpty } }

    func text(_ field: String) -> String? { document.fields[field]?.value.strings.first }
    func date(_ field: String) -> ISODate? { text(field).flatMap(ISODate.init) }
    func evidence(_ field: String) -> [Evidence] { Array(document.fields[field]?.evidence.prefix(1) ?? []) }

    /// Lines of the tests of controls (Section IV) when their pages are known, else every line.
    var testingLines: [Line] {
        guard let first = document.testing?.firstPage else { return lines }
        let last = document.testing?.lastPage ?? first
        return lines.filter { $0.page >= first && $0.page <= last }
    }

    /// Whether one of `texts` matches `pattern`: line by line, so the lines without the words (or digit)
    /// the pattern needs are passed over without running it (`LiteralGate`).
    static func any(_ texts: [String], matches pattern: NSRegularExpression, threads: Int = 1) -> Bool {
        // A long list (every line of Section IV) is searched in two halves side by side.
        guard threads > 1, texts.count >= 4096 else { return SOCRegex.matchesAny(pattern, texts) }
        let half = texts.count / 2
        return [texts[..<half], texts[half...]].parallelMap(threads: 2) { SOCRegex.matchesAny(pattern, Array($0)) }.contains(true)
    }
}

/// A signal a check found: the values for the explanation's placeholders, the evidence, the measure.
struct ReliabilityDetection {
    var values: [String: String]
    var evidence: [Evidence]
    var value: Double?
    var threshold: Double?
}

/// One reliability signal: a small predicate over the document. A check that has no evidence to
/// cite returns `nil`; the mapper also drops a detection whose evidence is empty.
protocol ReliabilityCheck: Sendable {
    var code: String { get }
    func detect(_ input: ReliabilityInput) -> ReliabilityDetection?
}

enum ReliabilityChecks {
    static let all: [ReliabilityCheck] = [
        BoilerplateTestsCheck(), InquiryOnlyTestingCheck(), NoSampleSizesCheck(), NoExceptionsLongReportCheck(),
        PeriodShortCheck(), IssuedLateCheck(), AuditorUnnamedCheck(), FirmUnverifiableCheck(),
    ]

    /// Up to three evidence items from `tests`, one per page and quote.
    static func sample(_ tests: [ControlTest]) -> [Evidence] {
        var seen = Set<Evidence>()
        var out: [Evidence] = []
        for test in tests {
            guard let evidence = test.evidence.first, seen.insert(evidence).inserted else { continue }
            out.append(evidence)
            if out.count == 3 { break }
        }
        return out
    }

    static func unique(_ evidence: [Evidence]) -> [Evidence] {
        var seen = Set<Evidence>()
        return evidence.filter { seen.insert($0).inserted }
    }

    static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) }

    static func share(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// The same test description for (nearly) every control. A control's description is all its tests
/// together, so a report that opens every control with the same inquiry but then inspects something
/// specific does not count as boilerplate.
struct BoilerplateTestsCheck: ReliabilityCheck {
    let code = "boilerplate_tests"

    static func normalized(_ text: String) -> String {
        asciiNormalized(text) ?? scalarNormalized(text)
    }

    /// `normalized` of any text, scalar by scalar.
    static func scalarNormalized(_ text: String) -> String {
        let masked = maskingNumbers(text.lowercased().foldedWhitespace).unicodeScalars
        // The stops and spaces at either end go (by scalar: Foundation's trimming bridges every test to an NSString).
        let edge: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "." || $0 == ";" || $0 == ":" }
        guard let first = masked.firstIndex(where: { !edge($0) }), let last = masked.lastIndex(where: { !edge($0) }) else { return "" }
        return String(masked[first...last])
    }

    /// `normalized` of an ASCII text, byte by byte (nil for other text): lower case, whitespace folded,
    /// numbers masked, stops and spaces trimmed from the ends.
    static func asciiNormalized(_ text: String) -> String? {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false, inNumber = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace {
                    out.append(0x20)
                    inNumber = false
                    pendingSpace = false
                }
                let isDigit = byte &- 0x30 < 10
                if inNumber, isDigit || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") {
                    continue
                }
                inNumber = isDigit
                out.append(isDigit ? UInt8(ascii: "#") : byte &- 0x41 < 26 ? byte | 0x20 : byte)
            }
            let edge: (UInt8) -> Bool = { $0 == 0x20 || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ":") }
            guard let first = out.firstIndex(where: { !edge($0) }), let last = out.lastIndex(where: { !edge($0) }) else { return "" }
            return String(decoding: out[first...last], as: UTF8.self)
        }
        return answer ?? nil
    }

    /// Each number ("25", "1,200", "31.12.2025") as one "#", so tests that differ only in their counts and
    /// dates compare equal. (A hand-written scan: a regular expression compiled per test was the slowest
    /// part of the check.)
    static func maskingNumbers(_ text: String) -> String {
        var masked = String.UnicodeScalarView()
        var inNumber = false
        for scalar in text.unicodeScalars {
            let isDigit = ("0"..."9").contains(scalar)
            if inNumber, isDigit || ".,/-".unicodeScalars.contains(scalar) { continue }
            inNumber = isDigit
            masked.append(isDigit ? "#" : scalar)
        }
        return String(masked)
    }

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        guard let signal = input.rules.rules.signals[code], let limit = signal.threshold else { return nil }
        let controls = input.testedControls
        guard controls.count >= (signal.minControls ?? 1) else { return nil }
        let keys = controls.map { control in control.tests.map { Self.normalized($0.text) }.joined(separator: " | ") }
        var counts: [String: Int] = [:]
        for key in keys where !key.isEmpty { counts[key, default: 0] += 1 }
        guard let top = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) else { return nil }
        let share = Double(top.value) / Double(controls.count)
        guard share >= limit else { return nil }
        let same = zip(controls, keys).filter { $0.1 == top.key }.flatMap(\.0.tests)
        let quote = same.first?.text.foldedWhitespace ?? ""
        return ReliabilityDetection(values: ["count": String(top.value), "total": String(controls.count),
                                             "percent": ReliabilityChecks.percent(share), "quote": quote],
                                    evidence: ReliabilityChecks.sample(same), value: ReliabilityChecks.share(share), threshold: limit)
    }
}

/// A large share of controls tested by inquiry alone.
struct InquiryOnlyTestingCheck: ReliabilityCheck {
    let code = "inquiry_only_testing"

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        guard let signal = input.rules.rules.signals[code], let limit = signal.threshold else { return nil }
        // Only controls whose every test has its method read can be judged.
        let judged = input.testedControls.filter { $0.tests.allSatisfy { !$0.methods.isEmpty } }
        guard judged.count >= (signal.minControls ?? 1) else { return nil }
        let inquiryOnly = judged.filter { $0.tests.allSatisfy { $0.methods == [.inquiry] } }
        let share = Double(inquiryOnly.count) / Double(judged.count)
        guard !inquiryOnly.isEmpty, share >= limit else { return nil }
        return ReliabilityDetection(values: ["count": String(inquiryOnly.count), "total": String(judged.count),
                                             "percent": ReliabilityChecks.percent(share)],
                                    evidence: ReliabilityChecks.sample(inquiryOnly.flatMap(\.tests)),
                                    value: ReliabilityChecks.share(share), threshold: limit)
    }
}

/// A Type II report that states no sample size anywhere: not on any test read, not in any exception,
/// and no sampling wording in the tests of controls.
struct NoSampleSizesCheck: ReliabilityCheck {
    let code = "no_sample_sizes"

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        guard input.document.document.type == .type2, let signal = input.rules.rules.signals[code] else { return nil }
        let controls = input.testedControls
        guard controls.count >= (signal.minControls ?? 1) else { return nil }
        let tests = controls.flatMap(\.tests)
        guard tests.allSatisfy({ $0.sampleSize == nil && $0.population == nil }) else { return nil }
        let texts = [input.testingLines.map(\.text), input.document.exceptions.map(\.deviation), tests.map(\.text)]
        guard !input.rules.samplePatterns.contains(where: { pattern in
            texts.contains { ReliabilityInput.any($0, matches: pattern, threads: input.threads) }
        }) else { return nil }
        return ReliabilityDetection(values: ["total": String(controls.count)], evidence: ReliabilityChecks.sample(tests),
                                    value: 0, threshold: nil)
    }
}

/// No exception anywhere in a long Type II report: every result read, every one clean.
struct NoExceptionsLongReportCheck: ReliabilityCheck {
    let code = "no_exceptions_long_report"

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        let document = input.document
        guard document.document.type == .type2, let signal = input.rules.rules.signals[code],
              document.exceptions.isEmpty, (document.testing?.exceptions ?? 0) == 0,
              document.source.pages ?? 0 >= signal.minPages ?? 0 else { return nil }
        let controls = input.testedControls
        guard controls.count >= (signal.minControls ?? 1),
              controls.allSatisfy({ $0.tests.allSatisfy { $0.result == .noException || $0.result == .notTested } }),
              controls.contains(where: { $0.tests.contains { $0.result == .noException } }) else { return nil }
        let clean = controls.flatMap(\.tests).filter { $0.result == .noException }
        return ReliabilityDetection(values: ["total": String(controls.count)], evidence: ReliabilityChecks.sample(clean),
                                    value: Double(controls.count), threshold: signal.minControls.map(Double.init))
    }
}

/// A Type II period under six months.
struct PeriodShortCheck: ReliabilityCheck {
    let code = "period_short"

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        guard input.document.document.type == .type2, let limit = input.rules.rules.signals[code]?.threshold,
              let start = input.date("period_start"), let end = input.date("period_end") else { return nil }
        let days = end.dayNumber - start.dayNumber + 1
        guard days > 0, Double(days) < limit else { return nil }
        return ReliabilityDetection(values: ["days": String(days)], evidence: ReliabilityChecks.unique(input.evidence("period_start") + input.evidence("period_end")),
                                    value: Double(days), threshold: limit)
    }
}

/// A report dated long after the end of its period (Type I: after its as-of date).
struct IssuedLateCheck: ReliabilityCheck {
    let code = "issued_late"

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        guard let limit = input.rules.rules.signals[code]?.threshold, let issued = input.date("report_date") else { return nil }
        let endField = input.document.fields["period_end"] != nil ? "period_end" : "as_of_date"
        guard let end = input.date(endField) else { return nil }
        let days = issued.dayNumber - end.dayNumber
        guard Double(days) > limit else { return nil }
        return ReliabilityDetection(values: ["days": String(days)], evidence: ReliabilityChecks.unique(input.evidence(endField) + input.evidence("report_date")),
                                    value: Double(days), threshold: limit)
    }
}

/// An opinion with no signing firm or auditor: the opinion is the evidence.
struct AuditorUnnamedCheck: ReliabilityCheck {
    let code = "auditor_unnamed"

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        guard input.document.fields["service_auditor"] == nil else { return nil }
        let evidence = input.evidence("opinion")
        guard !evidence.isEmpty else { return nil }
        return ReliabilityDetection(values: [:], evidence: evidence, value: nil, threshold: nil)
    }
}

/// A named firm that the report nowhere shows to be a licensed or registered accounting firm: no
/// licence wording anywhere (in the joined text, so wording broken over two lines still counts) and no
/// professional-practice legal form in its name. The firm's name as read is the evidence.
struct FirmUnverifiableCheck: ReliabilityCheck {
    let code = "firm_unverifiable"

    func detect(_ input: ReliabilityInput) -> ReliabilityDetection? {
        guard let firm = input.text("service_auditor")?.foldedWhitespace, !input.rules.licencePatterns.isEmpty else { return nil }
        let evidence = input.evidence("service_auditor")
        guard !evidence.isEmpty,
              !input.rules.professionalForms.contains(where: { SOCRegex.matches($0, firm) }),
              !input.rules.licencePatterns.contains(where: { SOCRegex.matches($0, firm) }) else { return nil }
        // Only reached for a firm without a professional-practice form: the one check that scans the whole report.
        guard !input.rules.licencePatterns.contains(where: { SOCRegex.matches($0, input.text) }) else { return nil }
        return ReliabilityDetection(values: ["firm": firm], evidence: evidence, value: nil, threshold: nil)
    }
}
